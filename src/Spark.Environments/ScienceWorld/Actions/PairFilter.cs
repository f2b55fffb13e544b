using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>
/// Necessary conditions of the two-object actions on each object alone, taken from their checks in
/// <see cref="ActionRules"/>: an object that fails one here makes the check fail whatever the other object is.
/// The valid-action list uses them to skip most of the n² pairs; the full check still decides the rest.
/// Objects are in listed order ("move FIRST to SECOND", "dunk FIRST into SECOND").
/// </summary>
internal static class PairFilter
{
    public static bool FirstMayPass(SimWorld w, Verb verb, int obj) => verb switch
    {
        Verb.Move => w.Has(obj, ObjFlags.Movable) && !(w.HasMaterial(obj) && w[obj].State != Matter.Solid),
        Verb.Pour => w.Has(obj, ObjFlags.Movable),
        Verb.Use => w.Has(obj, ObjFlags.Device) && w.Has(obj, ObjFlags.Usable),
        Verb.Connect => HasFreeTerminal(w, obj),
        Verb.Dunk => HasMovableLiquid(w, obj), // the listed first object is the one the liquid comes from
        _ => true,
    };

    public static bool SecondMayPass(SimWorld w, Verb verb, int obj) => verb switch
    {
        Verb.Move or Verb.Pour => w.IsOpenContainer(obj),
        Verb.Connect => HasFreeTerminal(w, obj),
        Verb.Dunk => w.Has(obj, ObjFlags.Movable) && w.IsOpenContainer(obj) && w.Has(obj, ObjFlags.Holds),
        _ => true,
    };

    /// <summary>The terminal a connection would use exists and is free (as <c>TerminalFor</c> decides).</summary>
    static bool HasFreeTerminal(SimWorld w, int obj)
    {
        var kind = w.KindOf(obj);
        if (KindFacts.IsTerminal(kind)) return w[obj].Link < 0;
        if (KindFacts.IsPolarized(kind) || KindFacts.IsUnpolarized(kind) || !Electrical.HasUnpolarizedTerminals(w, obj)) return false;
        return w[Electrical.Terminal1(obj)].Link < 0 || w[Electrical.Terminal2(obj)].Link < 0;
    }

    static bool HasMovableLiquid(SimWorld w, int container)
    {
        foreach (int c in w.Children(container))
            if (!w.IsHidden(c) && w.HasMaterial(c) && w[c].State == Matter.Liquid && w.Has(c, ObjFlags.Movable)) return true;
        return false;
    }
}
