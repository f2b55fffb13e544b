using System.Collections.Concurrent;
using Spark.Environments.Remote;
using Spark.Serving.Tests.Fakes;

namespace Spark.Serving.Tests;

/// <summary>Servers die, garble, stall: episodes move to fresh environments and come out as if nothing happened.</summary>
public sealed class FaultTests
{
    static Dictionary<(int Task, int Seed), Episode> References(CounterSuite local, IEnumerable<(int Task, int Seed)> jobs) =>
        jobs.ToDictionary(j => j, j => Episode.Play(local.Create("train", j.Task), j.Seed));

    [Fact]
    public async Task A_server_killed_mid_rollout_loses_and_duplicates_no_episode()
    {
        var local = new CounterSuite("alfworld");
        var servers = new[] { await TestServers.Start(local), await TestServers.Start(local), await TestServers.Start(local) };
        try
        {
            using var remote = TestServers.Client(local, servers: servers);
            var jobs = Enumerable.Range(0, 20).SelectMany(t => new[] { (t, 1), (t, 2) }).ToList();
            var expected = References(local, jobs);
            var finished = new ConcurrentBag<((int, int) Job, Episode Episode, int Recoveries, Uri Server)>();
            // Episodes part-way through on the victim: each has at least one more step to send it. The kill waits for
            // one from the rollout's 30th step on, since under load the victim's first environments may still be in creation.
            var midwayOnVictim = new ConcurrentDictionary<(int, int), bool>();
            int steps = 0, kills = 0, liveOnVictimAtKill = -1;
            var victim = servers[0];

            Workers.Run(12, jobs, job =>
            {
                using var env = remote.CreateRemote("train", job.Item1);
                var episode = Episode.Play(env, job.Item2, afterStep: result =>
                {
                    if (!result.Done && env.Server == victim.BaseAddress) midwayOnVictim[job] = true;
                    else midwayOnVictim.TryRemove(job, out _);
                    if (Interlocked.Increment(ref steps) < 30 || midwayOnVictim.IsEmpty || Interlocked.Exchange(ref kills, 1) == 1) return;
                    liveOnVictimAtKill = victim.Registry.Live;
                    victim.StopAsync().GetAwaiter().GetResult(); // in-flight requests finish, then the port is closed
                });
                finished.Add((job, episode, env.Recoveries, env.Server!));
            });

            // Every (task, seed) exactly once, each identical to the in-process episode.
            Assert.Equal(jobs.Order(), finished.Select(f => f.Job).Order());
            foreach (var f in finished) f.Episode.AssertSameAs(expected[f.Job]);
            // The kill hit live episodes, and those that moved finished on a surviving server.
            Assert.Equal(1, kills);
            Assert.True(liveOnVictimAtKill > 0, "the victim held no environment when killed");
            Assert.Contains(finished, f => f.Recoveries > 0);
            Assert.All(finished.Where(f => f.Recoveries > 0), f => Assert.NotEqual(victim.BaseAddress, f.Server));
            Assert.Contains(remote.Pool.Servers, s => s.Url == victim.BaseAddress && !s.Healthy);
        }
        finally
        {
            foreach (var s in servers) await s.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(Fault.GarbledAfterApplying)]
    [InlineData(Fault.NotJson)]
    [InlineData(Fault.WrongShape)]
    [InlineData(Fault.ErrorInOk)]
    public async Task Bad_answers_are_failures_and_the_episode_is_rebuilt(Fault fault)
    {
        var local = new CounterSuite("scienceworld");
        // A few step and reset answers are broken; with one server the episode is rebuilt on it.
        int[] brokenSteps = [4, 15, 40], brokenResets = [3];
        var injector = new FaultInjector((path, n) => path == "/step" && brokenSteps.Contains(n) || path == "/reset" && brokenResets.Contains(n)
            ? fault : Fault.None, TimeSpan.Zero);
        await using var server = await TestServers.Start(local, pipeline: injector.Install);
        using var remote = TestServers.Client(local, servers: server);
        var jobs = Enumerable.Range(0, 6).Select(t => (t, 7)).ToList();
        var expected = References(local, jobs);
        int recoveries = 0;
        foreach (var job in jobs)
        {
            using var env = remote.CreateRemote("train", job.Item1);
            Episode.Play(env, job.Item2).AssertSameAs(expected[job]);
            recoveries += env.Recoveries;
        }
        Assert.Equal(4, injector.Injected);
        Assert.True(recoveries >= 3, $"{recoveries} recoveries"); // each broken step answer forces one; a broken reset may be retried in place
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_the_episode_moves_to_another_server()
    {
        var local = new CounterSuite("webshop");
        // The stall (cut short when the client gives up) is far past the timeout, and the timeout far past a normal
        // answer on a loaded 2-core CI machine, so only the injected stall can time out.
        var slow = new FaultInjector((path, n) => path == "/step" && n == 3 ? Fault.Slow : Fault.None, TimeSpan.FromSeconds(60));
        await using var stalling = await TestServers.Start(local, pipeline: slow.Install);
        await using var healthy = await TestServers.Start(local);
        using var remote = RemoteEnvironmentSuite.Mirror(local, new RemoteEnvironmentPool(AgentGymDialect.For("webshop"),
            [stalling.BaseAddress, healthy.BaseAddress], TestServers.FastOptions(timeout: TimeSpan.FromSeconds(3))));

        using var env = remote.CreateRemote("train", 2);
        var expected = Episode.Play(local.Create("train", 2), 3);
        Uri? startedOn = null;
        Episode.Play(env, 3, afterStep: _ => startedOn ??= env.Server).AssertSameAs(expected);
        Assert.Equal(stalling.BaseAddress, startedOn); // the pool's first pick; its third step stalls
        Assert.Equal(1, slow.Injected);
        Assert.Equal(1, env.Recoveries);
        Assert.Equal(healthy.BaseAddress, env.Server);
    }

    [Fact]
    public async Task When_every_server_is_gone_the_step_fails_with_a_clear_error()
    {
        var local = new CounterSuite("alfworld");
        var server = await TestServers.Start(local);
        using var remote = TestServers.Client(local, servers: server);
        using var env = remote.CreateRemote("train", 0);
        env.Reset();
        await server.DisposeAsync();
        var error = Assert.Throws<RemoteEnvironmentException>(() => env.Step("click[inc]"));
        Assert.Equal(RemoteFailure.Unreachable, error.Kind);
        Assert.Contains("alfworld/train/0: step failed 4 times", error.Message);
    }

    [Fact]
    public async Task A_replay_that_shows_different_observations_is_refused()
    {
        var local = new CounterSuite("alfworld");
        await using var original = await TestServers.Start(local);
        await using var otherVersion = await TestServers.Start(new CounterSuite("alfworld", flavour: " (v2)"));
        using var remote = RemoteEnvironmentSuite.Mirror(local, new RemoteEnvironmentPool(AgentGymDialect.For("alfworld"),
            [original.BaseAddress, otherVersion.BaseAddress], TestServers.FastOptions()));
        using var env = remote.CreateRemote("train", 1);
        env.Reset();
        Assert.Equal(original.BaseAddress, env.Server);
        env.Step("click[dec]");
        await original.StopAsync();
        var error = Assert.Throws<ReplayDivergedException>(() => env.Step("click[dec]"));
        Assert.Contains("after action 1 'click[dec]'", error.Message);
    }
}
