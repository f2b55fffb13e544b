using Spark.Core.Environments;
using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Alfworld.Tasks;

/// <summary>
/// Places a task's objects in its scene, the way ALFRED randomises a trial: each pickupable class of the
/// scene gets a few instances (the goal's class 1–3, or 2–4 for pick-two; ALFRED allows up to PICKUP_REPEAT_MAX = 4),
/// each put in a receptacle drawn from the type priors (<see cref="TypePriors"/>), so things are often inside closed
/// cabinets, drawers and fridges. Instance numbers and "loc N" numbers are shuffled per trial.
/// </summary>
internal static class WorldBuilder
{
    static readonly ReceptacleClass Fridge = AlfworldCatalog.Receptacle("fridge");

    public static WorldLayout Build(SceneLayout scene, TaskSpec spec, TaskInfo info, Random rng)
    {
        var locations = Rng.Permutation(rng, scene.Receptacles.Count + 1);
        var receptacles = scene.Receptacles.Select((r, i) => new ReceptacleSpec(r.Class, r.Number, r.Openable, locations[i])).ToList();
        var objects = new List<ObjectSpec>();
        foreach (var f in scene.Fixtures)
            objects.Add(new ObjectSpec(f.Class, f.Number, f.Host, Toggleable: spec.Kind == TaskKind.LookAtObjInLight && f.Class == spec.Lamp));

        foreach (var cls in scene.Pickupables)
        {
            bool isGoal = cls == spec.Object;
            int count = !isGoal ? DistractorCount(rng)
                : (spec.Kind == TaskKind.PickTwoObjAndPlace ? 1 : 0) + GoalCount(rng);
            // The goal's objects never start in a receptacle of the goal's type (the goal must not hold at the start).
            var except = isGoal ? spec.Receptacle : null;
            var numbers = Rng.Permutation(rng, count);
            for (int k = 0; k < count; k++)
            {
                int host = Host(rng, scene, cls, except);
                // planned_game_state.py: goal-class objects that start in a fridge are already cool.
                var flags = isGoal && scene.Receptacles[host].Class == Fridge ? ObjectFlags.Cool : ObjectFlags.None;
                objects.Add(new ObjectSpec(cls, numbers[k], host, flags));
            }
        }
        return new WorldLayout(info, spec.Goal, receptacles, objects);
    }

    /// <summary>A receptacle for one instance: a class from the type priors, then one of its instances.</summary>
    static int Host(Random rng, SceneLayout scene, ObjectClass cls, ReceptacleClass? except)
    {
        var chosen = TypePriors.Sample(rng, cls, scene.Counts, except);
        int nth = rng.Next(scene.CountOf(chosen));
        for (int i = 0; i < scene.Receptacles.Count; i++)
            if (scene.Receptacles[i].Class == chosen && nth-- == 0) return i;
        throw new InvalidOperationException("unreachable: the scene counts its own receptacles");
    }

    /// <summary>1–3 instances of the goal's class, fewer more often (one more for pick-two).</summary>
    static int GoalCount(Random rng)
    {
        double x = rng.NextDouble();
        return x < 0.5 ? 1 : x < 0.8 ? 2 : 3;
    }

    static int DistractorCount(Random rng)
    {
        double x = rng.NextDouble();
        return x < 0.15 ? 0 : x < 0.60 ? 1 : x < 0.85 ? 2 : 3;
    }
}
