using Spark.Environments.ScienceWorld.Actions;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks.Goals;

/// <summary>The agent is in the named location.</summary>
internal sealed class GoalMoveToLocation(string location, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj) => Result(ctx.World.NameOf(ctx.AgentLocation) == location);
}

/// <summary>The agent has left the location it was first seen in (or is in <paramref name="unlessIn"/>).</summary>
internal sealed class GoalMoveToNewLocation(string unlessIn, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        int here = ctx.AgentLocation;
        if (ctx.World.NameOf(here) == unlessIn) return GoalResult.Success;
        if (double.IsNaN(ctx.Scratch))
        {
            ctx.Scratch = here;
            return GoalResult.Unsuccessful;
        }
        return Result(here != (int)ctx.Scratch);
    }
}

/// <summary>The agent's location has at least one open door.</summary>
internal sealed class GoalInRoomWithOpenDoor(string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        foreach (int p in w.PortalsOf(ctx.AgentLocation))
            if (w.KindOf(p) == Kind.Door && w.Has(p, ObjFlags.Open)) return GoalResult.Success;
        return GoalResult.Unsuccessful;
    }
}

/// <summary>An object with the given name is anywhere in the agent's location.</summary>
internal sealed class GoalInRoomWithObject(string objectName, string description) : Goal(description)
{
    readonly GoalName _object = new(objectName);

    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var visible = Visibility.VisibleUnder(ctx.World, ctx.AgentLocation);
        foreach (int v in visible)
            if (Named(ctx.World, v, _object)) return GoalResult.Success;
        return GoalResult.Unsuccessful;
    }
}

/// <summary>The agent has been in the location for a number of checks (the original counts evaluations).</summary>
internal sealed class GoalStayInLocation(string location, int minChecks, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        double count = double.IsNaN(ctx.Scratch) ? 0 : ctx.Scratch;
        if (ctx.World.NameOf(ctx.AgentLocation) == location)
        {
            ctx.Scratch = ++count;
            if (count >= minChecks) return GoalResult.Success;
        }
        else ctx.Scratch = 0;
        return GoalResult.Unsuccessful;
    }
}

/// <summary>A device with the given name in the agent's location is switched on.</summary>
internal sealed class GoalActivateDeviceWithName(string deviceName, string description) : Goal(description)
{
    readonly GoalName _device = new(deviceName);

    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        foreach (int v in Visibility.VisibleDevicesUnder(ctx.World, ctx.AgentLocation))
            if (ctx.World.Has(v, ObjFlags.Activated) && Named(ctx.World, v, _device))
                return GoalResult.Success;
        return GoalResult.Unsuccessful;
    }
}

/// <summary>The focused object is (somewhere) inside a container with the given name; being inside one of
/// the failure containers fails the task.</summary>
internal sealed class GoalObjectInContainer(string containerName, string description, params string[] failureContainers) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        if (obj < 0 || !ctx.SameAsLast(obj)) return GoalResult.Unsuccessful;
        var w = ctx.World;
        foreach (var fail in failureContainers)
        {
            int c = w.ParentOf(obj);
            for (int steps = 0; c >= 0 && steps < 20; steps++, c = w.ParentOf(c))
                if (w.NameOf(c) == fail) return GoalResult.Failure;
        }
        int container = w.ParentOf(obj);
        for (int steps = 0; container >= 0 && steps < 20; steps++, container = w.ParentOf(container))
            if (string.Equals(w.NameOf(container), containerName, StringComparison.OrdinalIgnoreCase)) return ctx.SatisfiedWith(obj);
        return GoalResult.Unsuccessful;
    }
}

/// <summary>A container with the given name in the agent's location directly holds one of the named objects.</summary>
internal sealed class GoalSpecificObjectInDirectContainer(string containerName, string[] objectNames, string description) : Goal(description)
{
    readonly GoalName _container = new(containerName);

    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        // Only a container holding something visible can succeed.
        foreach (int v in Visibility.VisibleHoldersUnder(w, ctx.AgentLocation))
        {
            if (!Named(w, v, _container)) continue;
            foreach (int c in w.Children(v))
                if (!w.IsHidden(c) && NamedAny(w, c, objectNames))
                    return GoalResult.Success;
        }
        return GoalResult.Unsuccessful;
    }
}

/// <summary>Some container in the agent's location holds exactly the named objects.</summary>
internal sealed class GoalObjectsInSingleContainer(string[] objectNames, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        var visible = Visibility.VisibleUnder(w, ctx.AgentLocation);
        foreach (int v in visible)
        {
            if (w.VisibleChildCount(v) != objectNames.Length) continue;
            bool all = true;
            foreach (int c in w.Children(v))
                if (!w.IsHidden(c) && !NamedAny(w, c, objectNames)) all = false;
            if (all) return GoalResult.Success;
        }
        return GoalResult.Unsuccessful;
    }
}

/// <summary>The focused object is in the box for "above" or "below" a temperature; the wrong box fails.</summary>
internal sealed class GoalContainerByTemperature(double threshold, string boxAbove, string boxBelow, string description) : Goal(description)
{
    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        if (obj < 0 || !ctx.SameAsLast(obj)) return GoalResult.Unsuccessful;
        var w = ctx.World;
        if (!w.HasMaterial(obj)) return GoalResult.Unsuccessful;
        int container = w.ParentOf(obj);
        if (container < 0) return GoalResult.Unsuccessful;
        string name = w.NameOf(container);
        if (name != boxAbove && name != boxBelow) return GoalResult.Unsuccessful;
        double t = w[obj].Temperature;
        if (name == boxAbove && t >= threshold) return ctx.SatisfiedWith(obj);
        if (name == boxBelow && t <= threshold) return ctx.SatisfiedWith(obj);
        return GoalResult.Failure;
    }
}
