using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Simulation;

/// <summary>Taps, self-watering pots, fountains, the toilet and drains.</summary>
internal static class Water
{
    static bool HasWater(SimWorld w, int container)
    {
        foreach (int c in w.Children(container))
            if (w.KindOf(c) == Kind.Water) return true;
        return false;
    }

    /// <summary>Adds water to a container that has none (self-watering pots, fountains).</summary>
    public static void Refill(SimWorld w, int container)
    {
        if (!HasWater(w, container)) w.AddChild(container, Things.Water(w));
    }

    /// <summary>A running tap fills every open container in the basin, and the basin itself.</summary>
    public static void Fill(SimWorld w, int basin)
    {
        Span<int> buffer = stackalloc int[64];
        int n = w.ChildrenInto(basin, buffer);
        for (int i = 0; i < n; i++)
        {
            int c = buffer[i];
            if (w.Has(c, ObjFlags.Holds) && w.Has(c, ObjFlags.Open)) Refill(w, c);
        }
        Refill(w, basin);
    }

    /// <summary>Flushing opens the drain and refills the bowl for five ticks; otherwise the drain stays closed.</summary>
    public static void ToiletTick(SimWorld w, int toilet)
    {
        int drain = w.PortalsOf(toilet)[0];
        ref var o = ref w[toilet];
        if (o.Has(ObjFlags.Activated) && o.Counter == 0)
        {
            o.Counter = 1;
            w.SetOpen(drain, true);
        }
        if (w[toilet].Counter > 0)
        {
            Fill(w, toilet);
            w[toilet].Counter++;
            if (w[toilet].Counter > 5)
            {
                w[toilet].Set(ObjFlags.Activated, false);
                w[toilet].Counter = 0;
            }
        }
        if (w[toilet].Counter == 0) w.SetOpen(drain, false);
    }

    /// <summary>An open drain carries every liquid in its basin to the sewer.</summary>
    public static void DrainTick(SimWorld w, int drain)
    {
        if (!w.Has(drain, ObjFlags.Open)) return;
        int from = w[drain].Owner, to = w[drain].Link;
        // Most drains have nothing liquid to let through: look first, and copy the contents (the moves below change
        // them) only when something will move. Both look at the first DrainScan children, as the copy holds.
        if (!HasLiquid(w, from)) return;
        Span<int> buffer = stackalloc int[DrainScan];
        int n = w.ChildrenInto(from, buffer);
        for (int i = 0; i < n; i++)
        {
            int c = buffer[i];
            if (w.HasMaterial(c) && w[c].State == Matter.Liquid) w.AddChild(to, c);
        }
    }

    const int DrainScan = 64;

    static bool HasLiquid(SimWorld w, int container)
    {
        int seen = 0;
        foreach (int c in w.Children(container))
        {
            if (seen++ == DrainScan) return false;
            if (w.HasMaterial(c) && w[c].State == Matter.Liquid) return true;
        }
        return false;
    }
}
