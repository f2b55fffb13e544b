using Spark.Environments.Alfworld.Catalog;

namespace Spark.Environments.Alfworld.Tasks;

/// <summary>
/// Chooses a task's scene and goal from a pool of scenes (seen or unseen), without placing any object.
/// Each type is posed only in the rooms ALFRED allows it (constants.GOALS_VALID), on object and
/// receptacle classes the scene holds, with a receptacle that can contain the object (canContain) and
/// somewhere else for the object to start.
/// </summary>
internal sealed class TaskSampler
{
    readonly ulong _seed;
    readonly Dictionary<TaskKind, (SceneLayout Scene, (ObjectClass Object, ObjectClass[] Lamps, ReceptacleClass[] Targets)[] Goals)[]> _options;

    public TaskSampler(ulong seed, IReadOnlyList<SceneLayout> pool)
    {
        _seed = seed;
        _options = TaskKinds.All.ToDictionary(k => k, k => pool
            .Where(s => RoomsFor(k).Contains(s.Room))
            .Select(s => (s, Goals(s, k)))
            .Where(x => x.Item2.Length > 0)
            .ToArray());
    }

    public TaskSpec Sample(string split, int index, TaskKind kind)
    {
        var options = _options[kind];
        if (options.Length == 0) throw new InvalidOperationException($"no scene in the pool can pose {TaskKinds.TypeName(kind)}");
        var rng = Rng.For(_seed, "alfworld/task/" + split, index);
        var (scene, goals) = Rng.Pick(rng, options);
        var (obj, lamps, targets) = Rng.Pick(rng, goals);
        return kind == TaskKind.LookAtObjInLight
            ? new TaskSpec(split, index, scene.Number, kind, obj, null, Rng.Pick(rng, lamps), rng.Next(2))
            : new TaskSpec(split, index, scene.Number, kind, obj, Rng.Pick(rng, targets), null, rng.Next(2));
    }

    public static IReadOnlyList<RoomType> RoomsFor(TaskKind kind) => kind switch
    {
        TaskKind.LookAtObjInLight => [RoomType.LivingRoom, RoomType.Bedroom],
        TaskKind.PickCleanThenPlace => [RoomType.Kitchen, RoomType.Bathroom],
        TaskKind.PickHeatThenPlace or TaskKind.PickCoolThenPlace => [RoomType.Kitchen],
        _ => [RoomType.Kitchen, RoomType.LivingRoom, RoomType.Bedroom, RoomType.Bathroom],
    };

    static (ObjectClass, ObjectClass[], ReceptacleClass[])[] Goals(SceneLayout scene, TaskKind kind)
    {
        var lamps = scene.Fixtures.Select(f => f.Class).Where(c => c.Is(ObjectTraits.Lamp)).Distinct().ToArray();
        var appliance = Appliance(kind);
        var goals = new List<(ObjectClass, ObjectClass[], ReceptacleClass[])>();
        foreach (var obj in scene.Pickupables)
        {
            if (!obj.Is(Requires(kind))) continue;
            if (kind == TaskKind.LookAtObjInLight)
            {
                if (lamps.Length > 0 && scene.PlaceMass(obj) > 0) goals.Add((obj, lamps, []));
                continue;
            }
            var targets = AlfworldCatalog.Receptacles
                .Where(r => scene.Has(r) && r != appliance && AlfworldCatalog.CanContain(r, obj) && scene.PlaceMass(obj, except: r) > 0)
                .ToArray();
            if (targets.Length > 0) goals.Add((obj, [], targets));
        }
        return [.. goals];
    }

    static ObjectTraits Requires(TaskKind kind) => kind switch
    {
        TaskKind.PickCleanThenPlace => ObjectTraits.Pickupable | ObjectTraits.Cleanable,
        TaskKind.PickHeatThenPlace => ObjectTraits.Pickupable | ObjectTraits.Heatable,
        TaskKind.PickCoolThenPlace => ObjectTraits.Pickupable | ObjectTraits.Coolable,
        _ => ObjectTraits.Pickupable,
    };

    /// <summary>The appliance a treatment type uses; ALFRED never asks to place the object back into it.</summary>
    static ReceptacleClass? Appliance(TaskKind kind) => kind switch
    {
        TaskKind.PickCleanThenPlace => AlfworldCatalog.Receptacle("sinkbasin"),
        TaskKind.PickHeatThenPlace => AlfworldCatalog.Receptacle("microwave"),
        TaskKind.PickCoolThenPlace => AlfworldCatalog.Receptacle("fridge"),
        _ => null,
    };
}
