using Spark.Environments.ScienceWorld.Actions;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks.Goals;

/// <summary>Partial-credit checks on circuits built in the agent's location (the original's
/// <c>GoalElectricallyConnected</c> family): which terminals touch a wire, what a wire joins.</summary>
internal static class Circuit
{
    public static List<int> Visible(GoalContext ctx) => Visibility.VisibleUnder(ctx.World, ctx.AgentLocation);

    /// <summary>The owner of the terminal connected to <paramref name="terminal"/>, or −1.</summary>
    public static int PartAt(SimWorld w, int terminal)
    {
        int other = w[terminal].Link;
        return other < 0 ? -1 : w[other].Owner;
    }

    public static bool IsWire(SimWorld w, int part) => part >= 0 && w.KindOf(part) == Kind.Wire;

    /// <summary>The parts a wire's two terminals touch.</summary>
    public static (int A, int B) WireEnds(SimWorld w, int wire) =>
        (PartAt(w, Electrical.Terminal1(wire)), PartAt(w, Electrical.Terminal2(wire)));
}

/// <summary>The named object's first (anode/terminal 1) or second (cathode/terminal 2) contact touches a wire.</summary>
internal sealed class GoalObjectConnectedToWire(string objectName, bool first, string description) : Goal(description)
{
    readonly GoalName _object = new(objectName);

    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        foreach (int v in Circuit.Visible(ctx))
        {
            if (!Named(w, v, _object)) continue;
            int terminal;
            if (KindFacts.IsPolarized(w.KindOf(v))) terminal = first ? Electrical.Anode(v) : Electrical.Cathode(v);
            else if (Electrical.HasUnpolarizedTerminals(w, v)) terminal = first ? Electrical.Terminal1(v) : Electrical.Terminal2(v);
            else continue;
            if (Circuit.IsWire(w, Circuit.PartAt(w, terminal))) return GoalResult.Success;
        }
        return GoalResult.Unsuccessful;
    }
}

/// <summary>Some wire joins the named object and a power source (any, or the named one).</summary>
internal sealed class GoalWireConnectsObjectAndPowerSource(string objectName, string description, string powerSource = "") : Goal(description)
{
    readonly GoalName _object = new(objectName);
    readonly GoalName _source = new(powerSource);

    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        foreach (int v in Circuit.Visible(ctx))
        {
            if (w.KindOf(v) != Kind.Wire) continue;
            var (a, b) = Circuit.WireEnds(w, v);
            bool foundObject = (a >= 0 && Named(w, a, _object)) || (b >= 0 && Named(w, b, _object));
            bool foundSource = IsSource(w, a) || IsSource(w, b);
            if (foundObject && foundSource) return GoalResult.Success;
        }
        return GoalResult.Unsuccessful;
    }

    bool IsSource(SimWorld w, int part) =>
        part >= 0 && KindFacts.IsGenerator(w.KindOf(part)) && (_source.Text.Length == 0 || Named(w, part, _source));
}

/// <summary>Some wire joins the named object (or any power source) and a light bulb.</summary>
internal sealed class GoalWireConnectsToLightBulb(string? objectName, string description) : Goal(description)
{
    readonly GoalName? _object = objectName == null ? null : new(objectName);

    public override GoalResult Evaluate(GoalContext ctx, int obj)
    {
        var w = ctx.World;
        foreach (int v in Circuit.Visible(ctx))
        {
            if (w.KindOf(v) != Kind.Wire) continue;
            var (a, b) = Circuit.WireEnds(w, v);
            bool bulb = IsBulb(w, a) || IsBulb(w, b);
            bool other = _object == null
                ? IsSource(w, a) || IsSource(w, b)
                : (a >= 0 && Named(w, a, _object)) || (b >= 0 && Named(w, b, _object));
            if (bulb && other) return GoalResult.Success;
        }
        return GoalResult.Unsuccessful;
    }

    static bool IsBulb(SimWorld w, int part) => part >= 0 && w.KindOf(part) == Kind.LightBulb;
    static bool IsSource(SimWorld w, int part) => part >= 0 && KindFacts.IsGenerator(w.KindOf(part));
}
