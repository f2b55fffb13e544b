using Spark.Environments.ScienceWorld.Actions;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks.Goals;

/// <summary>The focused substance is in a given state of matter (or burning, when allowed).</summary>
internal sealed class GoalChangeStateOfMatter(Matter state, string description, bool combustionAllowed = false) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        if (obj < 0 || !w.HasMaterial(obj) || !ctx.SameAsLast(obj)) return GoalResult.Unsuccessful;
        if (w[obj].State == state) return ctx.SatisfiedWith(obj);
        if (combustionAllowed && w.Has(obj, ObjFlags.Combusting)) return ctx.SatisfiedWith(obj);
        return GoalResult.Unsuccessful;
    }
}

/// <summary>The focused object is at least <paramref name="degrees"/> warmer (or colder) than when first checked.</summary>
internal sealed class GoalTemperatureChange(double degrees, bool increase, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        if (obj < 0 || !w.HasMaterial(obj)) return GoalResult.Unsuccessful;
        double t = w[obj].Temperature;
        if (double.IsNaN(ctx.Scratch)) ctx.Scratch = t;
        return Result(increase ? t >= ctx.Scratch + degrees : t <= ctx.Scratch - degrees);
    }
}

/// <summary>An object with the given name in the agent's location is burning.</summary>
internal sealed class GoalTemperatureOnFire(string objectName, string description) : Goal(description)
{
    readonly GoalName _object = new(objectName);

    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var visible = Visibility.VisibleUnder(ctx.World, ctx.AgentLocation);
        foreach (int v in visible)
            if (ctx.World.HasMaterial(v) && ctx.World.Has(v, ObjFlags.Combusting) && Named(ctx.World, v, _object)) return GoalResult.Success;
        return GoalResult.Unsuccessful;
    }
}

/// <summary>The focused device (with the given name) is on.</summary>
internal sealed class GoalActivateDevice(string deviceName, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        if (obj < 0 || !w.Has(obj, ObjFlags.Device) || w.NameOf(obj) != deviceName) return GoalResult.Unsuccessful;
        return w.Has(obj, ObjFlags.Activated) ? ctx.SatisfiedWith(obj) : GoalResult.Unsuccessful;
    }
}

/// <summary>The agent used an instrument on an object since this goal was first checked.</summary>
internal sealed class GoalPastActionUse(string deviceName, string patientName, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var history = ctx.State.Uses;
        if (double.IsNaN(ctx.Scratch)) ctx.Scratch = history.Count;
        for (int i = (int)ctx.Scratch; i < history.Count; i++)
        {
            var (device, patient) = history[i];
            // As the original: either the device name or the patient's name has to match.
            if (string.Equals(device, deviceName, StringComparison.OrdinalIgnoreCase) || string.Equals(patient, patientName, StringComparison.OrdinalIgnoreCase))
                return GoalResult.Success;
        }
        return GoalResult.Unsuccessful;
    }
}

/// <summary>Remembers the focused substance's current state of matter (always succeeds on a substance).</summary>
internal sealed class GoalIsStateOfMatter(string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        if (obj < 0 || !w.HasMaterial(obj) || !ctx.SameAsLast(obj)) return GoalResult.Unsuccessful;
        ctx.State.StateOfMatterKey = w[obj].State.ToString();
        return ctx.SatisfiedWith(obj);
    }
}

/// <summary>The focused substance is in a different state of matter than remembered.</summary>
internal sealed class GoalIsDifferentStateOfMatter(string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        if (obj < 0 || !w.HasMaterial(obj) || !ctx.SameAsLast(obj)) return GoalResult.Unsuccessful;
        return w[obj].State.ToString() != ctx.State.StateOfMatterKey ? ctx.SatisfiedWith(obj) : GoalResult.Unsuccessful;
    }
}
