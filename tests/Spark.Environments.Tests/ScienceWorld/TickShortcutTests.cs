using System.Runtime.InteropServices;
using Spark.Environments.ScienceWorld;
using Spark.Environments.ScienceWorld.Simulation;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>
/// The tick takes shortcuts for speed: heat exchange runs on registers and dense copies, objects without
/// doors or drains skip the portal lookup by a flag, and non-conductors reset their terminals only when a tick
/// powered them. Each shortcut must give exactly what the plain form gives.
/// </summary>
public class TickShortcutTests
{
    /// <summary>The original's HeatTransfer in its plain form: the container touches each object, then every
    /// object touches each earlier one; each touch moves both 10% of the way, scaled by the lower conductivity.</summary>
    static void PlainExchange(double[] t, double[] k, ref double tc, double kc, bool withContainer)
    {
        static double Clip(double x) => Math.Clamp(x, -1000, 1000);
        static void Touch(ref double a, double ka, ref double b, double kb)
        {
            if (a == b) return;
            double kk = Math.Min(ka, kb);
            a += Clip((b - a) * kk * 0.10);
            b += Clip((a - b) * kk * 0.10);
        }
        if (withContainer)
            for (int i = 0; i < t.Length; i++) Touch(ref tc, kc, ref t[i], k[i]);
        for (int i = 0; i < t.Length; i++)
            for (int j = 0; j < i; j++) Touch(ref t[i], k[i], ref t[j], k[j]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Heat_exchange_matches_the_plain_pairwise_form_bit_for_bit(int seed)
    {
        var env = new ScienceWorldSuite(new SuiteOptions()).CreateVariation("boil", seed);
        env.Reset();
        var w = env.CurrentEpisode.World;
        int room = w.AgentLocation;
        var children = new List<int>();
        for (int c = w[room].FirstChild; c >= 0; c = w[c].Next)
            if (!KindFacts.IsTerminal(w.KindOf(c))) children.Add(c);
        var warm = children.Where(w.HasMaterial).ToArray();
        Assert.True(warm.Length >= 5, "the room should hold several objects with a material");

        var random = new Random(seed);
        foreach (int c in warm) w[c].Temperature = random.NextDouble() * 400 - 100; // some touches clip, none equal
        var t = warm.Select(c => w[c].Temperature).ToArray();
        var k = warm.Select(c => w.Physics(w[c].Material).Conductivity).ToArray();
        bool withContainer = w.HasMaterial(room);
        double tc = w[room].Temperature, kc = withContainer ? w.Physics(w[room].Material).Conductivity : 0;
        PlainExchange(t, k, ref tc, kc, withContainer);

        Thermal.ExchangeHeat(w, room, children.ToArray(), new int[children.Count], new double[children.Count], new double[children.Count]);

        for (int i = 0; i < warm.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(t[i]), BitConverter.DoubleToInt64Bits(w[warm[i]].Temperature));
        Assert.Equal(BitConverter.DoubleToInt64Bits(tc), BitConverter.DoubleToInt64Bits(w[room].Temperature));
    }

    /// <summary>A container holding one object (a pot of water on the stove, a cup) exchanges heat by the short
    /// form; along an expert's path it must change every record exactly as the general exchange does.</summary>
    [Fact]
    public void Heat_exchange_with_one_object_matches_the_general_form()
    {
        int changed = 0;
        foreach (var (action, w) in GoldPaths.Replay("boil", 1))
        {
            for (int id = 0; id < w.Count; id++)
            {
                if (w.TickChildren(id).Length != 1) continue;
                int child = w.TickChildren(id)[0];
                var shortForm = w.Clone();
                Thermal.ExchangeHeatWithOne(shortForm, id, child);
                var general = w.Clone();
                Thermal.ExchangeHeat(general, id, [child], new int[1], new double[1], new double[1]);
                Assert.True(MemoryMarshal.AsBytes(general.Objects).SequenceEqual(MemoryMarshal.AsBytes(shortForm.Objects)),
                    $"{w.NameOf(id)} holding {w.NameOf(child)} after '{action}'");
                if (!MemoryMarshal.AsBytes(w.Objects).SequenceEqual(MemoryMarshal.AsBytes(shortForm.Objects))) changed++;
            }
        }
        Assert.True(changed > 20, "many one-object exchanges change a temperature");
    }

    /// <summary>The rows run four and two at a time in a wavefront; every number of objects (each mix of blocks
    /// of four, pairs and a last single row) must give the plain form's bits.</summary>
    [Fact]
    public void Pairwise_touches_in_a_wavefront_match_the_plain_form_for_every_count()
    {
        var random = new Random(12);
        for (int n = 0; n <= 40; n++)
        {
            var t = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4000 - 500).ToArray();
            var k = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            if (n > 4) t[3] = t[1]; // an equal pair: that touch does nothing
            var expected = (double[])t.Clone();
            double tc = 0;
            PlainExchange(expected, k, ref tc, 0, withContainer: false);

            Thermal.TouchPairs(t, k);

            for (int i = 0; i < n; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(t[i]), $"object {i} of {n}");
        }
    }

    /// <summary>The heat exchange's touch runs its arithmetic even for equal temperatures (no branch), which keeps
    /// the bits only for temperatures that are finite and not −0: every object's temperature must be so after every
    /// step of expert paths that heat, cool, burn and measure.</summary>
    [Theory]
    [InlineData("boil", 0)]
    [InlineData("freeze", 1)]
    [InlineData("use-thermometer", 2)]
    [InlineData("melt", 2)]
    [InlineData("change-the-state-of-matter-of", 0)]
    public void Every_temperature_is_finite_and_never_negative_zero(string taskType, int variation)
    {
        int checkedObjects = 0;
        foreach (var (action, w) in GoldPaths.Replay(taskType, variation, "wait", "wait", "wait"))
            for (int id = 0; id < w.Count; id++)
            {
                double t = w[id].Temperature;
                Assert.True(double.IsFinite(t) && !(t == 0 && double.IsNegative(t)),
                    $"{w.NameOf(id)}: {t} after '{action}'");
                checkedObjects++;
            }
        Assert.True(checkedObjects > 1000);
    }

    [Theory]
    [InlineData("boil", 3)]
    [InlineData("find-animal", 5)]
    public void Exactly_the_objects_with_portals_carry_the_flag_in_clones_and_after_a_reset(string taskType, int variation)
    {
        var env = new ScienceWorldSuite(new SuiteOptions()).CreateVariation(taskType, variation);
        env.Reset();
        env.Step("open door to hallway");
        var clone = (ScienceWorldEnvironment)env.Clone();
        env.Reset();
        foreach (var w in new[] { env.CurrentEpisode.World, clone.CurrentEpisode.World })
        {
            int withPortals = 0;
            for (int id = 0; id < w.Count; id++)
            {
                Assert.Equal(w.PortalsOf(id).Length > 0, w.Has(id, ObjFlags.HasPortals));
                if (w.Has(id, ObjFlags.HasPortals)) withPortals++;
            }
            Assert.True(withPortals > 10, "rooms have doors, sinks and toilets drains");
        }
    }

    /// <summary>The portal lists (two dense arrays, filled one portal at a time while the house is built) hold,
    /// for every object, exactly the doors joining it to another place and the drains of it, in id order.</summary>
    [Theory]
    [InlineData("boil", 3)]
    [InlineData("find-animal", 5)]
    public void Every_object_s_portal_list_is_its_doors_and_drains_in_id_order(string taskType, int variation)
    {
        var env = new ScienceWorldSuite(new SuiteOptions()).CreateVariation(taskType, variation);
        env.Reset();
        var w = env.CurrentEpisode.World;
        int listed = 0;
        for (int id = 0; id < w.Count + 5; id++)
        {
            var expected = new List<int>();
            for (int p = 0; p < w.Count; p++)
            {
                var kind = w.KindOf(p);
                if ((kind == Kind.Door && (w[p].Owner == id || w[p].Link == id)) || (kind == Kind.Drain && w[p].Owner == id))
                    expected.Add(p);
            }
            Assert.Equal(expected, w.PortalsOf(id).ToArray());
            listed += expected.Count;
        }
        Assert.True(listed > 20, "every door is listed by both its places, and sinks, bathtubs and toilets have drains");
    }

    /// <summary>The original resets a non-conductor's two terminals to no voltage on every tick; the shortcut
    /// does so only when the flag says a tick powered them. Along the expert's circuits (which power terminals)
    /// and a walk after them, every non-conductor in the world must still read no voltage on both terminals.</summary>
    [Theory]
    [InlineData("test-conductivity", 0)]
    [InlineData("test-conductivity", 7)]
    [InlineData("power-component", 2)]
    public void Non_conductors_terminals_hold_no_voltage_after_every_step(string taskType, int variation)
    {
        int powered = 0;
        foreach (var (action, w) in GoldPaths.Replay(taskType, variation, "wait", "look around", "wait1"))
        {
            for (int id = 0; id < w.Count; id++)
            {
                if (!Electrical.HasUnpolarizedTerminals(w, id) || w.Has(id, ObjFlags.Deleted) || w.ParentOf(id) < 0) continue;
                bool conductor = KindFacts.IsUnpolarized(w.KindOf(id)) || (w.HasMaterial(id) && w.Physics(w[id].Material).ElectricallyConductive);
                bool anyPowered = w[Electrical.Terminal1(id)].Voltage != Electrical.None || w[Electrical.Terminal2(id)].Voltage != Electrical.None;
                if (anyPowered) powered++;
                if (!conductor) Assert.False(anyPowered, $"{w.NameOf(id)} after '{action}'");
                if (!w.Has(id, ObjFlags.TerminalsPowered)) Assert.False(anyPowered, $"{w.NameOf(id)} unflagged after '{action}'");
            }
        }
        Assert.True(powered > 0, "the expert's circuit should power some terminal");
    }
}
