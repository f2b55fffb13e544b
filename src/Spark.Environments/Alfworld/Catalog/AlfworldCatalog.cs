using System.Globalization;

namespace Spark.Environments.Alfworld.Catalog;

internal enum RoomType { Kitchen, LivingRoom, Bedroom, Bathroom }

[Flags]
internal enum ObjectTraits : byte
{
    None = 0,
    Pickupable = 1,
    Heatable = 2,
    Coolable = 4,
    Cleanable = 8,
    Sliceable = 16,
    Knife = 32,
    Lamp = 64,
}

/// <summary>A receptacle class ("cabinet"): whether its class is openable and what it can contain.</summary>
internal sealed class ReceptacleClass(int id, string name, bool openable)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public bool Openable { get; } = openable;

    /// <summary>How ALFWorld's sorted PDDL ids order this class: the id's text before "_bar_"
    /// ("sink" for sinkbasin, "bathtub" for bathtubbasin), and '_' sorts before any letter.</summary>
    public string SortKey { get; } = (name.EndsWith("basin", StringComparison.Ordinal) ? name[..^5] : name) + "_bar_";

    internal bool[] CanContain { get; set; } = [];

    public override string ToString() => Name;
}

/// <summary>An object class ("apple"): its traits, the rooms it appears in and where it is usually found.</summary>
internal sealed class ObjectClass(int id, string name, ObjectTraits traits, RoomType[] rooms, double presence)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public ObjectTraits Traits { get; } = traits;
    public IReadOnlyList<RoomType> Rooms { get; } = rooms;

    /// <summary>Chance that a scene of one of <see cref="Rooms"/> holds this class at all.</summary>
    public double Presence { get; } = presence;

    public string SortKey { get; } = name + "_bar_";

    /// <summary>Type priors: receptacle class id → relative weight (0 = never placed there).</summary>
    internal double[] PlaceWeights { get; set; } = [];

    /// <summary>Receptacle classes with a positive weight, in the order the table lists them.</summary>
    internal ReceptacleClass[] Places { get; set; } = [];

    public bool Is(ObjectTraits t) => (Traits & t) == t;
    public bool IsStatic => !Is(ObjectTraits.Pickupable);

    public override string ToString() => Name;
}

/// <summary>The parsed <see cref="CatalogTables"/>: every class by id and by name.</summary>
internal static class AlfworldCatalog
{
    public static IReadOnlyList<ReceptacleClass> Receptacles { get; }
    public static IReadOnlyList<ObjectClass> Objects { get; }
    static readonly Dictionary<string, ReceptacleClass> RecByName;
    static readonly Dictionary<string, ObjectClass> ObjByName;

    static AlfworldCatalog()
    {
        var recs = new List<ReceptacleClass>();
        var contents = new List<string[]>();
        foreach (var line in CatalogTables.Receptacles)
        {
            var f = line.Split('|');
            recs.Add(new ReceptacleClass(recs.Count, f[0].Trim(), f[1].Trim() == "o"));
            contents.Add(f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        RecByName = recs.ToDictionary(r => r.Name, StringComparer.Ordinal);

        var objs = new List<ObjectClass>();
        var places = new List<string>();
        foreach (var line in CatalogTables.Objects)
        {
            var f = line.Split('|');
            objs.Add(new ObjectClass(objs.Count, f[0].Trim(), ParseTraits(f[1].Trim()), ParseRooms(f[2].Trim()),
                double.Parse(f[3], CultureInfo.InvariantCulture)));
            places.Add(f[4]);
        }
        ObjByName = objs.ToDictionary(o => o.Name, StringComparer.Ordinal);

        for (int r = 0; r < recs.Count; r++)
        {
            var can = new bool[objs.Count];
            foreach (var name in contents[r]) can[Object(name).Id] = true;
            recs[r].CanContain = can;
        }
        for (int o = 0; o < objs.Count; o++)
        {
            var weights = new double[recs.Count];
            var order = new List<ReceptacleClass>();
            foreach (var part in places[o].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = part.Split(' ');
                var rc = Receptacle(kv[0]);
                weights[rc.Id] = double.Parse(kv[1], CultureInfo.InvariantCulture);
                order.Add(rc);
            }
            objs[o].PlaceWeights = weights;
            objs[o].Places = [.. order];
        }
        Receptacles = recs;
        Objects = objs;
    }

    public static ReceptacleClass Receptacle(string name) =>
        RecByName.TryGetValue(name, out var r) ? r : throw new KeyNotFoundException($"no receptacle class '{name}'");

    public static ObjectClass Object(string name) =>
        ObjByName.TryGetValue(name, out var o) ? o : throw new KeyNotFoundException($"no object class '{name}'");

    public static bool TryReceptacle(string name, out ReceptacleClass r) => RecByName.TryGetValue(name, out r!);
    public static bool TryObject(string name, out ObjectClass o) => ObjByName.TryGetValue(name, out o!);

    public static bool CanContain(ReceptacleClass r, ObjectClass o) => r.CanContain[o.Id];

    static ObjectTraits ParseTraits(string s)
    {
        var t = ObjectTraits.None;
        foreach (char c in s)
            t |= c switch
            {
                'p' => ObjectTraits.Pickupable,
                'h' => ObjectTraits.Heatable,
                'c' => ObjectTraits.Coolable,
                'w' => ObjectTraits.Cleanable,
                's' => ObjectTraits.Sliceable,
                'k' => ObjectTraits.Knife,
                'l' => ObjectTraits.Lamp,
                _ => throw new FormatException($"unknown trait '{c}'"),
            };
        return t;
    }

    static RoomType[] ParseRooms(string s) => [.. s.Select(c => c switch
    {
        'K' => RoomType.Kitchen,
        'L' => RoomType.LivingRoom,
        'B' => RoomType.Bedroom,
        'T' => RoomType.Bathroom,
        _ => throw new FormatException($"unknown room '{c}'"),
    })];
}
