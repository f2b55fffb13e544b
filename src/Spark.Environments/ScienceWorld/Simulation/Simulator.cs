using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Simulation;

/// <summary>
/// One universe tick, as the original's <c>EnvObject.tick</c>: depth-first from the universe, children in id
/// order then portals; each object first runs its own behaviour (heaters, sinks, life cycles, circuits),
/// then burning, heat exchange with and among its contents, change of state and conduction.
/// </summary>
internal static class Simulator
{
    /// <summary>The children lists of the objects on the current depth-first path, stacked (the original
    /// iterates a copy of each contents set, so objects moving during the tick do not disturb it).</summary>
    [ThreadStatic] static ChildStack? t_stack;

    sealed class ChildStack
    {
        public int[] Items = new int[1024];

        public int[] Grow(int needed)
        {
            Array.Resize(ref Items, Math.Max(2 * Items.Length, needed));
            return Items;
        }
    }

    public static void Tick(SimWorld w)
    {
        w.Ticks++;
        TickObject(w, w.Universe, t_stack ??= new ChildStack(), 0);
    }

    static void TickObject(SimWorld w, int id, ChildStack stack, int top)
    {
        ref var o = ref w[id];
        if (o.TickStamp == w.Ticks || o.Has(ObjFlags.Deleted)) return;
        switch (o.Kind)
        {
            case Kind.Bee:
                Living.BeeTick(w, id);
                break;
        }
        BeforeBaseTick(w, id);
        BaseTick(w, id, stack, top);
    }

    /// <summary>The kind-specific part that the original's subclasses run before <c>super.tick()</c>.</summary>
    static void BeforeBaseTick(SimWorld w, int id)
    {
        switch (w.KindOf(id))
        {
            case Kind.Stove:
            case Kind.Oven:
            case Kind.BlastFurnace:
            case Kind.Fridge:
            case Kind.Freezer:
            case Kind.UltraColdFreezer:
                Thermal.HeatOrCoolContents(w, id);
                break;
            case Kind.Sink:
            case Kind.Bathtub:
                if (w.Has(id, ObjFlags.Activated)) Water.Fill(w, id);
                break;
            case Kind.Toilet:
                Water.ToiletTick(w, id);
                break;
            case Kind.FlowerPot:
                if (w.Shared.Has(Simplifications.SelfWateringFlowerPots)) Water.Refill(w, id);
                break;
            case Kind.SelfWateringFlowerPot:
            case Kind.Fountain:
                Water.Refill(w, id);
                break;
            case Kind.Ground:
                w.MoveAllChildren(id, w.ParentOf(id));
                break;
            case Kind.StopWatch:
                StopWatchTick(w, id);
                break;
            case Kind.Battery:
            case Kind.Generator:
                Electrical.GeneratorTick(w, id);
                break;
            case Kind.SolarPanel:
            case Kind.WindGenerator:
                Electrical.RenewableTick(w, id);
                Electrical.GeneratorTick(w, id);
                break;
            case Kind.LightBulb:
            case Kind.ElectricMotor:
            case Kind.ElectricBuzzer:
                Electrical.PolarizedUserTick(w, id);
                break;
            case Kind.Wire:
                Electrical.UnpolarizedTick(w, id, activateDevice: true);
                break;
            case Kind.Animal:
            case Kind.Bee:
                Living.AnimalTick(w, id);
                break;
            case Kind.Plant:
                Living.PlantTick(w, id);
                break;
            case Kind.Flower:
                Living.FlowerTick(w, id);
                break;
            case Kind.Drain:
                Water.DrainTick(w, id);
                break;
        }
    }

    static void BaseTick(SimWorld w, int id, ChildStack childStack, int top)
    {
        if (w.Has(id, ObjFlags.Deleted)) return;
        // Most objects neither burn nor are hot enough to start: skip the call (CombustionTick does nothing then).
        ref var o = ref w[id];
        if (o.Material >= 0 && (o.Temperature >= w.Physics(o.Material).CombustionPoint || o.Has(ObjFlags.Combusting)))
            Thermal.CombustionTick(w, id);

        // Terminals are skipped: they have no material, no contents and no behaviour of their own. An object's
        // own two (ids id−2 and id−1, see SimWorld.Create) are adjacent in its id-ordered list when both are in
        // it: the walk jumps from the first to the second without reading the first (one cache miss less).
        var stack = childStack.Items;
        int n = 0;
        int ownFirstTerminal = Electrical.HasUnpolarizedTerminals(w, id) ? Electrical.Terminal1(id) : -1;
        for (int c = w[id].FirstChild; c >= 0; c = w[c].Next)
        {
            if (c == ownFirstTerminal && w[c + 1].Parent == id)
            {
                c++;
                continue;
            }
            if (KindFacts.IsTerminal(w.KindOf(c))) continue;
            if (top + 2 * (n + 1) > stack.Length) stack = childStack.Grow(top + 2 * (n + 1));
            stack[top + n++] = c;
        }
        // A deeper level may grow the array; this level keeps reading its own (still intact) copy.
        var children = stack.AsSpan(top, n);
        if (n > 0) Thermal.ExchangeHeat(w, id, children, stack.AsSpan(top + n, n));
        Thermal.ChangeOfState(w, id);
        Electrical.UnpolarizedTick(w, id, activateDevice: false);

        for (int i = 0; i < n; i++) TickObject(w, stack[top + i], childStack, top + n);
        if (w.Has(id, ObjFlags.HasPortals))
            foreach (int portal in w.PortalsOf(id)) TickObject(w, portal, childStack, top + n);
        w[id].TickStamp = w.Ticks;
    }

    static void StopWatchTick(SimWorld w, int id)
    {
        ref var o = ref w[id];
        if (o.Has(ObjFlags.Activated))
        {
            o.StageTicks++;
            o.Counter = o.StageTicks;
        }
        else o.StageTicks = 0;
    }
}
