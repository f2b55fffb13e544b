using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Simulation;

/// <summary>Heat sources and coolers, conduction between touching objects, burning and change of state
/// (the original's <c>HeatTransfer</c>, <c>Combustion</c> and <c>StateOfMatter</c>).</summary>
internal static class Thermal
{
    const double Coefficient = 0.10;
    const double MaxTransfer = 1000;
    const double BurnDelta = 200;

    public static double MaxTemperature(Kind heater) => heater switch
    {
        Kind.Stove => 260,
        Kind.Oven => 540,
        Kind.BlastFurnace => 3000,
        Kind.Lighter => 2200,
        _ => 0,
    };

    public static double MinTemperature(Kind cooler) => cooler switch
    {
        Kind.Fridge => 2,
        Kind.Freezer => -18,
        Kind.UltraColdFreezer => -86,
        _ => 0,
    };

    static double Clip(double increment) => Math.Clamp(increment, -MaxTransfer, MaxTransfer);

    /// <summary>A running heater warms, a running cooler chills, each object it contains by 10% of the difference.</summary>
    public static void HeatOrCoolContents(SimWorld w, int device)
    {
        if (!w.Has(device, ObjFlags.Activated)) return;
        var kind = w.KindOf(device);
        bool heater = KindFacts.IsHeatSource(kind);
        double set = heater ? MaxTemperature(kind) : MinTemperature(kind);
        foreach (int obj in w.Children(device))
        {
            if (!w.HasMaterial(obj)) continue;
            ref var o = ref w[obj];
            if (heater ? o.Temperature < set : o.Temperature > set)
                o.Temperature += Clip((set - o.Temperature) * Coefficient);
        }
    }

    /// <summary>Conduction between a container and each object in it, then between every pair of objects.</summary>
    /// <paramref name="warm"/>, <paramref name="t"/> and <paramref name="k"/> are scratch space, as long as
    /// <paramref name="children"/>: the children with a material, their temperatures and conductivities.
    public static void ExchangeHeat(SimWorld w, int container, ReadOnlySpan<int> children, Span<int> warm, Span<double> t, Span<double> k)
    {
        var objects = w.Objects;
        // Touching objects of equal temperature changes nothing, so when all are equal no touch would. Most
        // containers are at rest on most ticks: find that out reading the temperatures alone, before any copying.
        if (AtRest(objects, container, children)) return;

        // The n² touches run on a dense copy of the temperatures (same order, same arithmetic), written back after.
        // One pass over the records fills it; the records and the material table are read through locals,
        // which the JIT keeps in registers (through the world it reloads them after every store).
        var physics = w.Shared.PhysicsTable;
        int n = Gather(objects, children, physics, warm, t, k);
        t = t[..n];
        k = k[..n];
        ref var box = ref objects[container];
        if (box.Material >= 0)
        {
            double tc = box.Temperature, kc = physics[box.Material].Conductivity;
            for (int i = 0; i < n; i++) Touch(ref tc, kc, ref t[i], k[i]);
            box.Temperature = tc;
        }
        TouchPairs(t, k);
        for (int i = 0; i < n; i++) objects[warm[i]].Temperature = t[i];
    }

    /// <summary>Copies the temperatures and conductivities of the children with a material into the dense
    /// <paramref name="t"/> and <paramref name="k"/> (their ids into <paramref name="warm"/>); returns how many.
    /// A method of its own, out of the tick's large frame, where the JIT had no registers left for this loop and
    /// reloaded its spans and their lengths from the stack on every child (seen in a `perf` profile against the
    /// JIT's listing); here they stay in registers, and the scratch spans are indexed without bounds checks.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Gather(Span<ObjectState> objects, ReadOnlySpan<int> children, MaterialPhysics[] physics, Span<int> warm, Span<double> t, Span<double> k)
    {
        // The scratch spans are as long as the children (TickWithContents reserves them so); checked once here.
        if (warm.Length < children.Length || t.Length < children.Length || k.Length < children.Length)
            throw new ArgumentException("Heat exchange scratch shorter than the children.");
        ref int warmRef = ref MemoryMarshal.GetReference(warm);
        ref double tRef = ref MemoryMarshal.GetReference(t);
        ref double kRef = ref MemoryMarshal.GetReference(k);
        int n = 0;
        foreach (int c in children)
        {
            ref readonly var o = ref objects[c];
            if (o.Material < 0) continue;
            Unsafe.Add(ref warmRef, n) = c;
            Unsafe.Add(ref tRef, n) = o.Temperature;
            Unsafe.Add(ref kRef, n) = physics[o.Material].Conductivity;
            n++;
        }
        return n;
    }

    /// <summary><see cref="ExchangeHeat"/> for a container holding one object: the one touch, if both have a
    /// material (with one side missing the exchange is at rest; with equal temperatures the touch does nothing).</summary>
    public static void ExchangeHeatWithOne(SimWorld w, int container, int child)
    {
        var objects = w.Objects;
        ref var box = ref objects[container];
        ref var o = ref objects[child];
        if (box.Material < 0 || o.Material < 0) return;
        var physics = w.Shared.PhysicsTable;
        Touch(ref box.Temperature, physics[box.Material].Conductivity, ref o.Temperature, physics[o.Material].Conductivity);
    }

    /// <summary>True when no touch would change anything: the container (if it has a material) and every child
    /// with a material all at one temperature, or no child with a material at all.</summary>
    static bool AtRest(Span<ObjectState> objects, int container, ReadOnlySpan<int> children)
    {
        ref readonly var box = ref objects[container];
        bool haveReference = box.Material >= 0;
        double reference = box.Temperature;
        foreach (int c in children)
        {
            ref readonly var o = ref objects[c];
            if (o.Material < 0) continue;
            if (!haveReference)
            {
                reference = o.Temperature;
                haveReference = true;
            }
            if (o.Temperature != reference) return false;
        }
        return true;
    }

    /// <summary>Every object touches each earlier one, row by row (row i: Touch(t[i], t[j]) for j = 0 .. i − 1),
    /// as the original; rows run four (or two) at a time, each one column behind the previous, which gives the
    /// same bits (see <see cref="TouchFourRows"/>).</summary>
    internal static void TouchPairs(Span<double> t, Span<double> k)
    {
        int n = t.Length, row = 1;
        if (n >= 3)
        {
            TouchTwoRows(t, k, 1);
            row = 3;
        }
        for (; row + 3 < n; row += 4) TouchFourRows(t, k, row);
        for (; row + 1 < n; row += 2) TouchTwoRows(t, k, row);
        if (row < n) TouchRow(t, k, row);
    }

    /// <summary>Touch(t[i], t[j]) for every j &lt; i, with t[i] and k[i] held in registers across the loop.</summary>
    static void TouchRow(Span<double> t, Span<double> k, int i)
    {
        double ti = t[i], ki = k[i];
        var tj = t[..i];
        var kj = k[..i];
        for (int j = 0; j < tj.Length; j++) Touch(ref ti, ki, ref tj[j], kj[j]);
        t[i] = ti;
    }

    /// <summary><see cref="TouchRow"/> for rows i and i + 1, interleaved: row i + 1 runs one column behind row i.
    /// Each touch sees exactly the values it would in row order (column j − 1 of row i + 1 needs only what row i
    /// left in t[j − 1]; column j of row i does not read or write it), so the results are the same bits; the
    /// two rows' dependent chains of arithmetic then overlap instead of running one after the other.</summary>
    static void TouchTwoRows(Span<double> t, Span<double> k, int i)
    {
        double a = t[i], ka = k[i], b = t[i + 1], kb = k[i + 1];
        // prev is t[j − 1] as row i left it, waiting for row i + 1.
        double prev = t[0], kPrev = k[0];
        Touch(ref a, ka, ref prev, kPrev);
        for (int j = 1; j < i; j++)
        {
            double cur = t[j], kCur = k[j];
            Touch(ref a, ka, ref cur, kCur);
            Touch(ref b, kb, ref prev, kPrev);
            t[j - 1] = prev;
            prev = cur;
            kPrev = kCur;
        }
        Touch(ref b, kb, ref prev, kPrev);
        t[i - 1] = prev;
        Touch(ref b, kb, ref a, ka);
        t[i] = a;
        t[i + 1] = b;
    }

    /// <summary>Rows i .. i + 3 (i ≥ 3) as a wavefront: row i + m runs m columns behind row i, so four dependent
    /// chains overlap. A touch (row r, column j) needs only row r's earlier columns, the rows before r at column
    /// j, and, for j ≥ i, row j finished; the order below keeps all three, so every value goes through the same
    /// touches in the same order as row by row. c1, c2, c3 are the columns waiting for rows i + 1, i + 2, i + 3.</summary>
    static void TouchFourRows(Span<double> t, Span<double> k, int i)
    {
        double a0 = t[i], a1 = t[i + 1], a2 = t[i + 2], a3 = t[i + 3];
        double k0 = k[i], k1 = k[i + 1], k2 = k[i + 2], k3 = k[i + 3];
        // Columns 0 to 2: the wave fills.
        double c1 = t[0], kc1 = k[0];
        Touch(ref a0, k0, ref c1, kc1);
        double c2 = c1, kc2 = kc1;
        c1 = t[1];
        kc1 = k[1];
        Touch(ref a0, k0, ref c1, kc1);
        Touch(ref a1, k1, ref c2, kc2);
        double c3 = c2, kc3 = kc2;
        c2 = c1;
        kc2 = kc1;
        c1 = t[2];
        kc1 = k[2];
        Touch(ref a0, k0, ref c1, kc1);
        Touch(ref a1, k1, ref c2, kc2);
        Touch(ref a2, k2, ref c3, kc3);
        // Column j of row i, j − 1 of row i + 1, j − 2 of row i + 2, j − 3 of row i + 3 (then finished).
        for (int j = 3; j < i; j++)
        {
            double c0 = t[j], kc0 = k[j];
            Touch(ref a0, k0, ref c0, kc0);
            Touch(ref a1, k1, ref c1, kc1);
            Touch(ref a2, k2, ref c2, kc2);
            Touch(ref a3, k3, ref c3, kc3);
            t[j - 3] = c3;
            c3 = c2;
            kc3 = kc2;
            c2 = c1;
            kc2 = kc1;
            c1 = c0;
            kc1 = kc0;
        }
        // The wave drains: row i is finished, and rows i .. i + 2 become columns of the rows after them.
        Touch(ref a1, k1, ref c1, kc1);
        Touch(ref a1, k1, ref a0, k0);
        Touch(ref a2, k2, ref c2, kc2);
        Touch(ref a2, k2, ref c1, kc1);
        Touch(ref a2, k2, ref a0, k0);
        Touch(ref a2, k2, ref a1, k1);
        Touch(ref a3, k3, ref c3, kc3);
        Touch(ref a3, k3, ref c2, kc2);
        Touch(ref a3, k3, ref c1, kc1);
        Touch(ref a3, k3, ref a0, k0);
        Touch(ref a3, k3, ref a1, k1);
        Touch(ref a3, k3, ref a2, k2);
        t[i - 3] = c3;
        t[i - 2] = c2;
        t[i - 1] = c1;
        t[i] = a0;
        t[i + 1] = a1;
        t[i + 2] = a2;
        t[i + 3] = a3;
    }

    /// <summary>Two objects in contact move 10% of the way towards each other's temperature, scaled by the
    /// lower conductivity; the second moves towards the first's new temperature, as in the original. The original
    /// returns early when the two are equal; here the arithmetic runs anyway, without the branch: with a == b the
    /// difference is +0, so is the clipped step, and x + (+0) is x for every temperature the world can hold (finite,
    /// never −0: no constant is, and a sum or product of these operations rounds an exact zero to +0;
    /// <c>TickShortcutTests</c> checks it along expert paths), so the bits are the same.</summary>
    static void Touch(ref double a, double ka, ref double b, double kb)
    {
        double k = Math.Min(ka, kb);
        a += Clip((b - a) * k * Coefficient);
        b += Clip((a - b) * k * Coefficient);
    }

    /// <summary>Solid below the melting point, gas above the boiling point; renames the object when its
    /// material has a name for the new state ("water" → "steam").</summary>
    public static void ChangeOfState(SimWorld w, int id)
    {
        ref var o = ref w[id];
        if (o.Material < 0) return;
        ref readonly var m = ref w.Physics(o.Material);
        var state = o.Temperature < m.MeltingPoint ? Matter.Solid : o.Temperature > m.BoilingPoint ? Matter.Gas : Matter.Liquid;
        if (state == o.State) return;
        o.State = state;
        if (w.MaterialOf(id).NameIn(state) is { } name) w.Rename(id, name);
    }

    /// <summary>Sets an object alight (the lighter, or reaching its combustion point).</summary>
    public static string SetOnFire(SimWorld w, int id)
    {
        if (!w.HasMaterial(id)) return "That is not flammable.";
        ref var o = ref w[id];
        if (o.Has(ObjFlags.Combusting)) return "The " + o.Name + " is already on fire.";
        if (o.CombustionTicks <= 0) return "The " + o.Name + " is not flammable.";
        o.Flags |= ObjFlags.Combusting | ObjFlags.Combusted;
        w.Touch(id);
        return "The " + o.Name + " catches fire.";
    }

    public static void CombustionTick(SimWorld w, int id)
    {
        if (!w.HasMaterial(id)) return;
        var m = w.MaterialOf(id);
        if (w[id].Temperature >= m.CombustionPoint && !w.Has(id, ObjFlags.Combusting)) SetOnFire(w, id);
        if (!w.Has(id, ObjFlags.Combusting) || w[id].CombustionTicks <= 0) return;

        double burning = m.CombustionPoint + BurnDelta;
        w[id].CombustionTicks--;
        if (w[id].Temperature < burning) w[id].Temperature = burning;
        if (w[id].CombustionTicks == 0)
        {
            w[id].Set(ObjFlags.Combusting, false);
            w.Touch(id);
            int container = w.ParentOf(id);
            int ash = Things.Substance(w, Materials.Ash);
            w[ash].Temperature = w[id].Temperature;
            if (container >= 0) w.AddChild(container, ash);
            w.Delete(id, expelContents: true);
        }
        PutOutWithWater(w, id);
    }

    /// <summary>Liquid water touching a burning object puts the fire out.</summary>
    static void PutOutWithWater(SimWorld w, int id)
    {
        var candidates = new List<int>();
        foreach (int c in w.Children(id)) candidates.Add(c);
        int container = w.ParentOf(id);
        if (container >= 0)
            foreach (int c in w.Children(container)) candidates.Add(c);
        candidates.Sort();
        foreach (int c in candidates)
        {
            if (!w.HasMaterial(c)) continue;
            if (w.MaterialOf(c).SubstanceName != "water" || w[c].State != Matter.Liquid) continue;
            w[c].Temperature = w[id].Temperature;
            w[id].Set(ObjFlags.Combusting, false);
            w[id].Temperature = w.MaterialOf(id).CombustionPoint - 10;
            w.Touch(id);
            return;
        }
    }
}
