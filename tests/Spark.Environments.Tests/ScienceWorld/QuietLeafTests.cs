using System.Runtime.InteropServices;
using Spark.Environments.ScienceWorld.Simulation;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>
/// The tick gives a quiet leaf (<see cref="Simulator.IsQuietLeaf"/>) only its tick stamp, skipping the steps
/// of the object tick that follow its kind's own part (if it has one). Those steps must then change nothing:
/// along the expert's paths (water heated until it boils, circuits closed) every object judged quiet, with a tick
/// of its own or not, is run through them on a copy of the world, which must stay equal to the world byte for byte.
/// </summary>
public class QuietLeafTests
{
    [Theory]
    [InlineData("boil", 1)]
    [InlineData("power-component", 2)]
    [InlineData("test-conductivity", 7)]
    public void A_quiet_leaf_s_full_tick_would_change_nothing(string taskType, int variation)
    {
        int quiet = 0, heated = 0;
        foreach (var (action, w) in GoldPaths.Replay(taskType, variation, "wait", "look around", "wait1"))
        {
            for (int id = 0; id < w.Count; id++)
            {
                ref var o = ref w[id];
                if (o.Has(ObjFlags.Deleted)) continue;
                if (!Simulator.IsQuietLeaf(w, id, ref o)) continue;
                quiet++;
                Assert.True(!w.HasTickChildren(id) && !o.Has(ObjFlags.HasPortals), $"{w.NameOf(id)} has contents or portals");
                Assert.False(o.Has(ObjFlags.Combusting) || (o.Material >= 0 && o.Temperature >= w.Physics(o.Material).CombustionPoint));
                // The leaf part of the object tick (burning ruled out above).
                var copy = w.Clone();
                Thermal.ChangeOfState(copy, id);
                Electrical.UnpolarizedTick(copy, id, activateDevice: false);
                Assert.True(MemoryMarshal.AsBytes(w.Objects).SequenceEqual(MemoryMarshal.AsBytes(copy.Objects)),
                    $"{w.NameOf(id)} after '{action}'");
                // Heated past its boiling point (below its combustion point), a liquid or solid leaf is no longer quiet.
                ref var c = ref copy[id];
                if (c.Material >= 0 && c.State != Matter.Gas && copy.Physics(c.Material).BoilingPoint + 1 < copy.Physics(c.Material).CombustionPoint)
                {
                    c.Temperature = copy.Physics(c.Material).BoilingPoint + 1;
                    Assert.False(Simulator.IsQuietLeaf(copy, id, ref c), $"{w.NameOf(id)} heated");
                    heated++;
                }
            }
        }
        Assert.True(quiet > 1000, "most objects are quiet on most ticks");
        Assert.True(heated > 100, "many quiet leaves have a material to heat");
    }
}
