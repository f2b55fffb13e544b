using Microsoft.Extensions.Logging.Abstractions;
using Spark.Serving.Registry;
using Spark.Serving.Tests.Fakes;

namespace Spark.Serving.Tests;

public sealed class RegistryTests
{
    static (LiveEnvironmentRegistry Registry, ManualClock Clock) Make(int capacity = 4)
    {
        var clock = new ManualClock();
        return (new LiveEnvironmentRegistry(capacity, TimeSpan.FromMinutes(10), clock, NullLogger.Instance, idBase: 100), clock);
    }

    [Fact]
    public async Task One_request_at_a_time_per_environment()
    {
        var (registry, _) = Make();
        var id = registry.Create().Id;
        var first = await registry.AcquireAsync(id, default);
        var second = registry.AcquireAsync(id, default);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        first!.Dispose();
        (await second)!.Dispose();
    }

    [Fact]
    public async Task Idle_environments_are_evicted_but_not_while_in_use()
    {
        var (registry, clock) = Make();
        var idle = registry.Create().Id;
        var busy = registry.Create().Id;
        var lease = await registry.AcquireAsync(busy, default);
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, registry.Sweep());
        Assert.Null(await registry.AcquireAsync(idle, default));
        lease!.Dispose(); // using it counts as activity
        Assert.Equal(0, registry.Sweep());
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, registry.Sweep());
        Assert.Equal((0, 1), (registry.Live, (int)registry.Stats.Evicted - 1));
    }

    [Fact]
    public async Task A_full_registry_evicts_expired_slots_before_refusing()
    {
        var (registry, clock) = Make(capacity: 2);
        registry.Create();
        clock.Advance(TimeSpan.FromMinutes(6));
        var recent = registry.Create().Id;
        Assert.Throws<CapacityExceededException>(() => registry.Create());
        clock.Advance(TimeSpan.FromMinutes(5)); // the first is now 11 minutes idle, the second 5
        var third = registry.Create().Id;
        Assert.Equal([recent, third], registry.Ids);
        Assert.Equal(2, registry.Stats.HighWater);
        Assert.True(await registry.CloseAsync(recent, default));
        Assert.False(await registry.CloseAsync(recent, default));
    }

    [Fact]
    public async Task Ids_start_at_the_base_and_are_never_reused()
    {
        var (registry, _) = Make();
        var ids = new List<long>();
        for (int i = 0; i < 3; i++)
        {
            var id = registry.Create().Id;
            ids.Add(id);
            await registry.CloseAsync(id, default);
        }
        Assert.Equal([100L, 101L, 102L], ids);
    }
}
