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
        /// <summary>The heat exchange's dense temperatures and conductivities (one exchange at a time: it ends
        /// before the walk goes deeper). Kept here, passed down the walk, rather than in thread-static fields,
        /// whose every read is a call into the runtime on this platform.</summary>
        public double[] Temperatures = new double[64], Conductivities = new double[64];

        public int[] Grow(int needed)
        {
            Array.Resize(ref Items, Math.Max(2 * Items.Length, needed));
            return Items;
        }

        public void ReserveHeat(int count)
        {
            if (Temperatures.Length >= count) return;
            Temperatures = new double[Math.Max(count, 2 * Temperatures.Length)];
            Conductivities = new double[Temperatures.Length];
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
        var own = s_ownTick[(int)o.Kind];
        if (own != null)
        {
            own(w, id);
            // The record may have moved: the own tick can create objects (water, pollen), growing the array.
            o = ref w[id];
        }
        // A quiet leaf's base tick would change nothing but its stamp (tested after the kind's own part, which
        // may have changed its temperature, contents or circuit).
        if (!o.Has(ObjFlags.Deleted) && IsQuietLeaf(w, id, ref o))
        {
            o.TickStamp = w.Ticks;
            return;
        }
        BaseTick(w, id, stack, top);
    }

    /// <summary>True when <see cref="BaseTick"/> would change nothing but the tick stamp: an object without contents
    /// or portals, not burning nor hot enough to start, in the state of matter its temperature gives, and with no
    /// terminal current to set or clear. Most objects are, on most ticks; this tests them on one record and one
    /// material entry instead of the three calls that would each read them again.</summary>
    internal static bool IsQuietLeaf(SimWorld w, int id, ref ObjectState o)
    {
        if (w.HasTickChildren(id) || o.Has(ObjFlags.HasPortals | ObjFlags.Combusting)) return false;
        bool conductor = KindFacts.IsUnpolarized(o.Kind);
        if (o.Material >= 0)
        {
            ref readonly var m = ref w.Physics(o.Material);
            if (o.Temperature >= m.CombustionPoint) return false;
            var state = o.Temperature < m.MeltingPoint ? Matter.Solid : o.Temperature > m.BoilingPoint ? Matter.Gas : Matter.Liquid;
            if (state != o.State) return false;
            conductor |= m.ElectricallyConductive;
        }
        // Electrical.UnpolarizedTick as the base tick runs it (the device switching is a wire's own tick's part).
        if (KindFacts.HasNoTerminals(o.Kind)) return true;
        if (!conductor) return !o.Has(ObjFlags.TerminalsPowered);
        return w[Electrical.Terminal1(id)].Link < 0 && w[Electrical.Terminal2(id)].Link < 0;
    }

    /// <summary>The kind-specific part that the original's subclasses run before <c>super.tick()</c>, by kind;
    /// null for the kinds without one (most objects), which the tick then does not call at all.</summary>
    static readonly Action<SimWorld, int>?[] s_ownTick = OwnTicks();

    static Action<SimWorld, int>?[] OwnTicks()
    {
        var ticks = new Action<SimWorld, int>?[256];
        void Set(Action<SimWorld, int> tick, params Kind[] kinds)
        {
            foreach (var kind in kinds) ticks[(int)kind] = tick;
        }
        Set(Thermal.HeatOrCoolContents, Kind.Stove, Kind.Oven, Kind.BlastFurnace, Kind.Fridge, Kind.Freezer, Kind.UltraColdFreezer);
        Set((w, id) =>
        {
            if (w.Has(id, ObjFlags.Activated)) Water.Fill(w, id);
        }, Kind.Sink, Kind.Bathtub);
        Set(Water.ToiletTick, Kind.Toilet);
        Set((w, id) =>
        {
            if (w.Shared.Has(Simplifications.SelfWateringFlowerPots)) Water.Refill(w, id);
        }, Kind.FlowerPot);
        Set(Water.Refill, Kind.SelfWateringFlowerPot, Kind.Fountain);
        Set((w, id) => w.MoveAllChildren(id, w.ParentOf(id)), Kind.Ground);
        Set(StopWatchTick, Kind.StopWatch);
        Set(Electrical.GeneratorTick, Kind.Battery, Kind.Generator);
        Set((w, id) =>
        {
            Electrical.RenewableTick(w, id);
            Electrical.GeneratorTick(w, id);
        }, Kind.SolarPanel, Kind.WindGenerator);
        Set(Electrical.PolarizedUserTick, Kind.LightBulb, Kind.ElectricMotor, Kind.ElectricBuzzer);
        Set((w, id) => Electrical.UnpolarizedTick(w, id, activateDevice: true), Kind.Wire);
        Set(Living.AnimalTick, Kind.Animal);
        // A bee wanders first, then lives as an animal.
        Set((w, id) =>
        {
            Living.BeeTick(w, id);
            Living.AnimalTick(w, id);
        }, Kind.Bee);
        Set(Living.PlantTick, Kind.Plant);
        Set(Living.FlowerTick, Kind.Flower);
        Set(Water.DrainTick, Kind.Drain);
        return ticks;
    }

    static void BaseTick(SimWorld w, int id, ChildStack childStack, int top)
    {
        if (w.Has(id, ObjFlags.Deleted)) return;
        // Most objects neither burn nor are hot enough to start: skip the call (CombustionTick does nothing then).
        ref var o = ref w[id];
        if (o.Material >= 0 && (o.Temperature >= w.Physics(o.Material).CombustionPoint || o.Has(ObjFlags.Combusting)))
            Thermal.CombustionTick(w, id);

        // Most objects hold nothing (terminals aside) and have no doors: the steps below for contents and portals
        // would do nothing, and their method's larger frame is not set up for them.
        if (w.HasTickChildren(id) || w.Has(id, ObjFlags.HasPortals)) TickWithContents(w, id, childStack, top);
        else
        {
            Thermal.ChangeOfState(w, id);
            Electrical.UnpolarizedTick(w, id, activateDevice: false);
        }
        w[id].TickStamp = w.Ticks;
    }

    /// <summary>The rest of <see cref="BaseTick"/> for an object with contents or portals: heat exchange with
    /// and among its contents, its own change of state and conduction, then its contents' and portals' ticks.</summary>
    static void TickWithContents(SimWorld w, int id, ChildStack childStack, int top)
    {
        // Terminals are skipped: they have no material, no contents and no behaviour of their own. The world
        // keeps every object's other children in one dense array, copied here as the original copies the set.
        var kids = w.TickChildren(id);
        int n = kids.Length;
        var stack = childStack.Items;
        if (top + 2 * n > stack.Length) stack = childStack.Grow(top + 2 * n);
        // Most lists are short: a plain loop costs less than the call a span copy makes.
        for (int i = 0; i < n; i++) stack[top + i] = kids[i];
        // A deeper level may grow the array; this level keeps reading its own (still intact) copy.
        var children = stack.AsSpan(top, n);
        // Nearly half the containers ticked hold one thing (a cup of water): one touch at most, on the two records.
        if (n == 1) Thermal.ExchangeHeatWithOne(w, id, children[0]);
        else if (n > 1)
        {
            childStack.ReserveHeat(n);
            Thermal.ExchangeHeat(w, id, children, stack.AsSpan(top + n, n), childStack.Temperatures.AsSpan(0, n), childStack.Conductivities.AsSpan(0, n));
        }
        Thermal.ChangeOfState(w, id);
        Electrical.UnpolarizedTick(w, id, activateDevice: false);

        for (int i = 0; i < n; i++) TickObject(w, stack[top + i], childStack, top + n);
        if (w.Has(id, ObjFlags.HasPortals))
            foreach (int portal in w.PortalsOf(id)) TickObject(w, portal, childStack, top + n);
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
