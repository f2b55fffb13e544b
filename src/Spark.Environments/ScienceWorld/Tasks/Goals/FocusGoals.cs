using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks.Goals;

/// <summary>Focus on the object with a given name; focusing on anything else fails the task (by default).</summary>
internal sealed class GoalFind(string objectName, string description, bool failIfWrong = true) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        if (obj < 0) return GoalResult.Unsuccessful;
        if (string.Equals(ctx.World.NameOf(obj), objectName, StringComparison.OrdinalIgnoreCase)) return ctx.SatisfiedWith(obj);
        return failIfWrong ? GoalResult.Failure : GoalResult.Unsuccessful;
    }
}

internal enum LifeClass : byte { Living, NonLiving, Animal, Plant }

/// <summary>Focus on a living thing, a non-living (movable) thing, an animal or a plant; the wrong class fails.</summary>
internal sealed class GoalFocusOnClass(LifeClass wanted, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        if (obj < 0) return GoalResult.Unsuccessful;
        var w = ctx.World;
        var kind = w.KindOf(obj);
        switch (wanted)
        {
            case LifeClass.NonLiving:
                if (KindFacts.IsLiving(kind)) return GoalResult.Failure;
                // Focusing on something that cannot be moved is just unsuccessful, not a failure.
                return w.Has(obj, ObjFlags.Movable) ? ctx.SatisfiedWith(obj) : GoalResult.Unsuccessful;
            case LifeClass.Living:
                return KindFacts.IsLiving(kind) ? ctx.SatisfiedWith(obj) : GoalResult.Failure;
            case LifeClass.Animal:
                return KindFacts.IsAnimal(kind) ? ctx.SatisfiedWith(obj) : GoalResult.Failure;
            default:
                return kind == Kind.Plant ? ctx.SatisfiedWith(obj) : GoalResult.Failure;
        }
    }
}

/// <summary>Focus on a living thing of a given life-form type in a given life stage.</summary>
internal sealed class GoalFindLivingThingStage(string lifeformType, string stage, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        if (obj < 0) return GoalResult.Unsuccessful;
        var w = ctx.World;
        if (KindFacts.IsLiving(w.KindOf(obj)) && Names.SpeciesOf(w, obj).LifeformType == lifeformType.ToLowerInvariant()
            && Names.StageName(w, obj) == stage)
            return ctx.SatisfiedWith(obj);
        return GoalResult.Failure;
    }
}
