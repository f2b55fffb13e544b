using Spark.Core.Environments;
using Spark.Environments.Alfworld.Catalog;

namespace Spark.Environments.Alfworld.World;

/// <summary>One receptacle of a world: class, instance number, whether it opens, and its "loc N" number.</summary>
internal readonly record struct ReceptacleSpec(ReceptacleClass Class, int Number, bool Openable, int Location);

/// <summary>One object of a world and its starting receptacle (an index into the receptacle list given
/// alongside), starting flags, and whether it can be toggled (only the goal's lamps can, as in ALFWorld).</summary>
internal readonly record struct ObjectSpec(ObjectClass Class, int Number, int Receptacle, ObjectFlags Flags = ObjectFlags.None, bool Toggleable = false);

/// <summary>
/// The immutable part of one task instance, shared by every copy of its environment: entity names and
/// classes in ALFWorld's listing order, the goal, the starting state, and every string that never
/// changes (entity names, "a apple 1", "go to cabinet 3", the intro). Receptacle i and object j are
/// listed before i+1 and j+1 wherever ALFWorld lists them, so lists are built by scanning in index order.
/// </summary>
internal sealed class WorldLayout
{
    public TaskInfo Task { get; }
    public Goal Goal { get; }

    public int ReceptacleCount { get; }
    public ReceptacleClass[] RecClass { get; }
    public string[] RecName { get; }
    public bool[] RecOpenable { get; }
    public int[] RecLocation { get; }

    public int ObjectCount { get; }
    public ObjectClass[] ObjClass { get; }
    public string[] ObjName { get; }
    /// <summary>"a apple 1": ALFWorld gives every entity the indefinite article "a".</summary>
    public string[] ObjListItem { get; }
    public bool[] ObjToggleable { get; }

    /// <summary>Indices of the objects of the goal's class (the only ones the goal test looks at).</summary>
    public int[] GoalObjects { get; }

    public WorldState Initial { get; }

    /// <summary>"You are in the middle of a room. Looking quickly around you, you see a cabinet 4, …".</summary>
    public string IntroLook { get; }
    public string TaskLine { get; }
    public string[] GoToCommand { get; }
    public string[] ExamineRecCommand { get; }
    public string[] OpenCommand { get; }
    public string[] CloseCommand { get; }
    public string[] ExamineObjCommand { get; }
    public string[] UseCommand { get; }

    readonly Dictionary<string, int> _recIndex;
    readonly Dictionary<string, int> _objIndex;
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _recLookup;
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _objLookup;

    public WorldLayout(TaskInfo task, Goal goal, IReadOnlyList<ReceptacleSpec> receptacles, IReadOnlyList<ObjectSpec> objects)
    {
        if (receptacles.Count > 64) throw new ArgumentException("at most 64 receptacles per world", nameof(receptacles));
        Task = task;
        Goal = goal;

        int[] recOrder = ListingOrder(receptacles.Count, i => (receptacles[i].Class.SortKey, receptacles[i].Number));
        var recRank = new int[receptacles.Count];
        for (int k = 0; k < recOrder.Length; k++) recRank[recOrder[k]] = k;
        var recs = recOrder.Select(i => receptacles[i]).ToArray();
        ReceptacleCount = recs.Length;
        RecClass = [.. recs.Select(r => r.Class)];
        RecName = [.. recs.Select(r => $"{r.Class.Name} {r.Number}")];
        RecOpenable = [.. recs.Select(r => r.Openable)];
        RecLocation = [.. recs.Select(r => r.Location)];

        int[] objOrder = ListingOrder(objects.Count, i => (objects[i].Class.SortKey, objects[i].Number));
        var objs = objOrder.Select(i => objects[i]).ToArray();
        ObjectCount = objs.Length;
        ObjClass = [.. objs.Select(o => o.Class)];
        ObjName = [.. objs.Select(o => $"{o.Class.Name} {o.Number}")];
        ObjListItem = [.. ObjName.Select(n => "a " + n)];
        ObjToggleable = [.. objs.Select(o => o.Toggleable)];
        GoalObjects = [.. Enumerable.Range(0, ObjectCount).Where(i => ObjClass[i] == goal.Object)];
        Initial = new WorldState(
            [.. objs.Select(o => o.Receptacle < 0 ? WorldState.Nowhere : (short)recRank[o.Receptacle])],
            [.. objs.Select(o => o.Flags)]);

        _recIndex = Index(RecName);
        _objIndex = Index(ObjName);
        _recLookup = _recIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        _objLookup = _objIndex.GetAlternateLookup<ReadOnlySpan<char>>();

        IntroLook = "You are in the middle of a room. Looking quickly around you, you see "
                    + TextLists.Join(RecName.Select(n => "a " + n).ToList()) + ".";
        TaskLine = $"Your task is to: {goal.Text}.";
        GoToCommand = [.. RecName.Select(n => "go to " + n)];
        ExamineRecCommand = [.. RecName.Select(n => "examine " + n)];
        OpenCommand = [.. RecName.Select(n => "open " + n)];
        CloseCommand = [.. RecName.Select(n => "close " + n)];
        ExamineObjCommand = [.. ObjName.Select(n => "examine " + n)];
        UseCommand = [.. ObjName.Select(n => "use " + n)];
    }

    public bool TryReceptacle(ReadOnlySpan<char> name, out int index) => _recLookup.TryGetValue(name, out index);
    public bool TryObject(ReadOnlySpan<char> name, out int index) => _objLookup.TryGetValue(name, out index);
    public int ObjectIndex(string name) => _objIndex[name];

    /// <summary>ALFWorld prints entities in sorted PDDL-id order: by the class as spelled in the id, then
    /// by instance number descending (the first id of a class gets the highest number).</summary>
    static int[] ListingOrder(int count, Func<int, (string Key, int Number)> key)
    {
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var (ka, kb) = (key(a), key(b));
            int c = string.CompareOrdinal(ka.Key, kb.Key);
            return c != 0 ? c : kb.Number.CompareTo(ka.Number);
        });
        return order;
    }

    static Dictionary<string, int> Index(string[] names)
    {
        var d = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
            if (!d.TryAdd(names[i], i)) throw new ArgumentException($"two entities are named '{names[i]}'");
        return d;
    }
}
