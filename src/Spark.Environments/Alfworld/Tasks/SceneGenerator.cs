using System.Globalization;
using Spark.Environments.Alfworld.Catalog;

namespace Spark.Environments.Alfworld.Tasks;

/// <summary>
/// Builds the floor plans. Scene numbers follow ALFRED (constants.py): seen (training) rooms are
/// 7–30, 207–230, 307–330, 407–430; unseen (held-out) rooms are 1–6, 201–206, 301–306, 401–406.
/// Each scene is fixed by (seed, number).
/// </summary>
internal static class SceneGenerator
{
    public static readonly int[] SeenScenes = [.. Range(7, 30), .. Range(207, 230), .. Range(307, 330), .. Range(407, 430)];
    public static readonly int[] UnseenScenes = [.. Range(1, 6), .. Range(201, 206), .. Range(301, 306), .. Range(401, 406)];

    /// <summary>A share of cabinets and drawers that ALFWorld does not mark openable (open shelving).</summary>
    const double NotOpenableShare = 0.12;

    static readonly Dictionary<RoomType, (ReceptacleClass Class, int Lo, int Hi, double P)[]> Layouts =
        CatalogTables.Rooms.ToDictionary(r => r.Room, r => ParseLayout(r.Layout));

    public static RoomType RoomOf(int scene) => (scene / 100) switch
    {
        0 => RoomType.Kitchen,
        2 => RoomType.LivingRoom,
        3 => RoomType.Bedroom,
        4 => RoomType.Bathroom,
        _ => throw new ArgumentOutOfRangeException(nameof(scene), scene, "not an ALFRED scene number"),
    };

    public static SceneLayout Generate(ulong seed, int number)
    {
        var room = RoomOf(number);
        var rng = Rng.For(seed, "alfworld/scene", number);
        var receptacles = new List<SceneReceptacle>();
        foreach (var (cls, lo, hi, p) in Layouts[room])
        {
            int count = p < 1 ? (rng.NextDouble() < p ? rng.Next(Math.Max(lo, 1), hi + 1) : 0) : rng.Next(lo, hi + 1);
            for (int n = 1; n <= count; n++)
                receptacles.Add(new SceneReceptacle(cls, n, cls.Openable && !(IsShelving(cls) && rng.NextDouble() < NotOpenableShare)));
        }
        if (room is RoomType.LivingRoom or RoomType.Bedroom && !receptacles.Any(r => IsLampStand(r.Class)))
            receptacles.Add(new SceneReceptacle(AlfworldCatalog.Receptacle("sidetable"), 1, false));
        receptacles.Sort(ListingOrder);

        var present = new HashSet<ReceptacleClass>(receptacles.Select(r => r.Class));
        var fixtures = PlaceFixtures(rng, room, receptacles);
        var pickupables = AlfworldCatalog.Objects
            .Where(o => !o.IsStatic && o.Rooms.Contains(room) && o.Places.Any(present.Contains) && rng.NextDouble() < o.Presence)
            .ToArray();
        return new SceneLayout(number, room, [.. receptacles], fixtures, pickupables);
    }

    /// <summary>ALFWorld lists entities in sorted-id order: class (as spelled in the id), then the
    /// instance number descending ("a cabinet 4, a cabinet 3, …").</summary>
    public static int ListingOrder(SceneReceptacle a, SceneReceptacle b)
    {
        int c = string.CompareOrdinal(a.Class.SortKey, b.Class.SortKey);
        return c != 0 ? c : b.Number.CompareTo(a.Number);
    }

    static SceneFixture[] PlaceFixtures(Random rng, RoomType room, List<SceneReceptacle> receptacles)
    {
        var fixtures = new List<SceneFixture>();
        var counts = new int[AlfworldCatalog.Receptacles.Count];
        foreach (var r in receptacles) counts[r.Class.Id]++;
        foreach (var cls in AlfworldCatalog.Objects.Where(o => o.IsStatic && o.Rooms.Contains(room)))
        {
            if (rng.NextDouble() >= cls.Presence || !cls.Places.Any(p => counts[p.Id] > 0)) continue;
            int count = cls.Is(ObjectTraits.Lamp) && rng.NextDouble() < 0.25 ? 2 : 1;
            for (int n = 1; n <= count; n++)
            {
                var host = TypePriors.Sample(rng, cls, counts);
                fixtures.Add(new SceneFixture(cls, n, NthOf(receptacles, host, rng.Next(counts[host.Id]))));
            }
        }
        // Every living room and bedroom has a lamp, so look-at-in-light tasks can be posed there.
        if (room is RoomType.LivingRoom or RoomType.Bedroom && !fixtures.Any(f => f.Class.Is(ObjectTraits.Lamp)))
            fixtures.Add(new SceneFixture(AlfworldCatalog.Object("desklamp"), 1, receptacles.FindIndex(r => IsLampStand(r.Class))));
        return [.. fixtures];
    }

    /// <summary>The index of the <paramref name="nth"/> receptacle of class <paramref name="c"/> in the list.</summary>
    static int NthOf(List<SceneReceptacle> receptacles, ReceptacleClass c, int nth)
    {
        for (int i = 0; i < receptacles.Count; i++)
            if (receptacles[i].Class == c && nth-- == 0) return i;
        throw new ArgumentOutOfRangeException(nameof(nth));
    }

    static bool IsShelving(ReceptacleClass c) => c.Name is "cabinet" or "drawer";
    static bool IsLampStand(ReceptacleClass c) => c.Name is "desk" or "sidetable" or "dresser";

    static (ReceptacleClass, int, int, double)[] ParseLayout(string layout) =>
        [.. layout.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var (name, spec) = (part[..part.IndexOf(' ')], part[(part.IndexOf(' ') + 1)..]);
            double p = 1;
            int slash = spec.IndexOf('/');
            if (slash >= 0) (p, spec) = (double.Parse(spec[(slash + 1)..], CultureInfo.InvariantCulture), spec[..slash]);
            var bounds = spec.Split('-');
            int lo = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            int hi = bounds.Length > 1 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : lo;
            return (AlfworldCatalog.Receptacle(name), lo, hi, p);
        })];

    static IEnumerable<int> Range(int from, int to) => Enumerable.Range(from, to - from + 1);
}
