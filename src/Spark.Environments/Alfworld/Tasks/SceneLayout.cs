using Spark.Environments.Alfworld.Catalog;

namespace Spark.Environments.Alfworld.Tasks;

/// <summary>One receptacle of a scene: its class, instance number and whether this instance opens
/// (ALFWorld marks some cabinets and drawers not openable: "On the drawer 2, you see …").</summary>
internal readonly record struct SceneReceptacle(ReceptacleClass Class, int Number, bool Openable)
{
    public string Name => $"{Class.Name} {Number}";
}

/// <summary>A fixed, non-pickupable object of a scene (a lamp, a television), standing in <see cref="Host"/>.</summary>
internal readonly record struct SceneFixture(ObjectClass Class, int Number, int Host);

/// <summary>
/// A floor plan, the analogue of an ALFRED scene (FloorPlanN): its room type, receptacles, fixed objects
/// and the pickupable object classes it holds. Task instances in the same scene differ in where the
/// pickupable objects lie, how many there are, and the goal.
/// </summary>
internal sealed class SceneLayout(int number, RoomType room, SceneReceptacle[] receptacles, SceneFixture[] fixtures, ObjectClass[] pickupables)
{
    /// <summary>ALFRED scene number: kitchens 1–30, living rooms 201–230, bedrooms 301–330, bathrooms 401–430.</summary>
    public int Number { get; } = number;
    public RoomType Room { get; } = room;

    /// <summary>Receptacles in ALFWorld's listing order (<see cref="SceneGenerator.ListingOrder"/>); fixtures' hosts index this list.</summary>
    public IReadOnlyList<SceneReceptacle> Receptacles { get; } = receptacles;
    public IReadOnlyList<SceneFixture> Fixtures { get; } = fixtures;
    public IReadOnlyList<ObjectClass> Pickupables { get; } = pickupables;

    readonly int[] _counts = CountClasses(receptacles);

    public int CountOf(ReceptacleClass c) => _counts[c.Id];

    /// <summary>Instances per receptacle class id.</summary>
    public IReadOnlyList<int> Counts => _counts;
    public bool Has(ReceptacleClass c) => _counts[c.Id] > 0;

    /// <summary>Summed place weight of <paramref name="obj"/> over the receptacle classes present here,
    /// leaving out <paramref name="except"/>.</summary>
    public double PlaceMass(ObjectClass obj, ReceptacleClass? except = null)
    {
        double sum = 0;
        foreach (var rc in obj.Places)
            if (rc != except && Has(rc)) sum += obj.PlaceWeights[rc.Id];
        return sum;
    }

    static int[] CountClasses(SceneReceptacle[] receptacles)
    {
        var counts = new int[AlfworldCatalog.Receptacles.Count];
        foreach (var r in receptacles) counts[r.Class.Id]++;
        return counts;
    }
}
