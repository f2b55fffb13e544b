using System.Collections.Concurrent;
using Spark.Environments.Remote;
using Spark.Serving.Tests.Fakes;

namespace Spark.Serving.Tests;

/// <summary>256 environments live at once; the server stays within its cap and reclaims what clients abandon.</summary>
public sealed class LoadTests
{
    const int Environments = 256, Threads = 64;

    [Fact]
    public async Task Concurrent_environments_stay_within_the_cap_and_abandoned_ones_are_evicted()
    {
        var local = new CounterSuite("alfworld", maxSteps: 8);
        var clock = new ManualClock();
        await using var server = await TestServers.Start(local, maxEnvironments: Environments, idleTimeout: TimeSpan.FromMinutes(10), time: clock);
        var pool = new RemoteEnvironmentPool(AgentGymDialect.For("alfworld"), [server.BaseAddress], TestServers.FastOptions());
        var remote = RemoteEnvironmentSuite.Mirror(local, pool);
        var expected = Enumerable.Range(0, Environments).ToDictionary(i => i, i => Episode.Play(local.Create("train", i % 20), seed: i));

        int maxLive = 0;
        using var stop = new CancellationTokenSource();
        var monitor = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                InterlockedMax(ref maxLive, server.Registry.Live);
                await Task.Delay(2);
            }
        });

        // Each thread owns 4 environments: all 256 are created and reset first, then played in turns.
        var played = new ConcurrentDictionary<int, Episode>();
        using var allReset = new Barrier(Threads);
        Workers.Run(Threads, Enumerable.Range(0, Threads), t =>
        {
            var mine = Enumerable.Range(0, Environments / Threads).Select(k => t * (Environments / Threads) + k).ToList();
            var envs = mine.Select(i => remote.CreateRemote("train", i % 20)).ToList();
            var players = mine.Zip(envs, (i, env) => new InterleavedPlayer(env, seed: i)).ToList();
            allReset.SignalAndWait();
            while (players.Any(p => !p.Finished))
                foreach (var p in players.Where(p => !p.Finished)) p.StepOnce();
            foreach (var (i, p) in mine.Zip(players)) played[i] = p.Episode;
            // Abandoned like AgentGym's clients do: never closed, never handed back to the pool.
        });
        await stop.CancelAsync();
        await monitor;

        Assert.Equal(Environments, played.Count);
        foreach (var (i, episode) in played) episode.AssertSameAs(expected[i]);
        Assert.Equal(Environments, server.Registry.Stats.HighWater);
        Assert.InRange(maxLive, 1, Environments);
        Assert.Equal(Environments, server.Registry.Live);

        // Full: a new environment is refused until the abandoned ones have been idle past the timeout.
        using var late = TestServers.Client(local, servers: server);
        var refused = Assert.Throws<RemoteEnvironmentException>(() => late.CreateRemote("L0", 0).Reset());
        Assert.Contains("capacity", refused.Message);
        clock.Advance(TimeSpan.FromMinutes(11));
        using var env = late.CreateRemote("L0", 0);
        env.Reset();
        Assert.Equal(Environments, server.Registry.Stats.Evicted);
        Assert.Equal(1, server.Registry.Live);
    }

    static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    /// <summary>Plays one episode a step at a time with the same policy as <see cref="Episode.Play"/>.</summary>
    sealed class InterleavedPlayer
    {
        readonly RemoteEnvironment _env;
        readonly Random _random;
        readonly List<Core.Environments.StepResult> _results;
        readonly List<string> _actions = [], _admissible = [];

        public InterleavedPlayer(RemoteEnvironment env, int seed)
        {
            _env = env;
            _random = new Random(seed);
            _results = [env.Reset()];
        }

        public bool Finished => _results[^1].Done || _actions.Count >= 40;

        public Episode Episode => new(_env.Task.Id, _results, _actions, _admissible);

        public void StepOnce()
        {
            var options = _env.AdmissibleActions;
            _admissible.Add(string.Join("|", options));
            string action = _random.Next(10) == 0 ? "dance wildly" : options[_random.Next(options.Count)];
            _actions.Add(action);
            _results.Add(_env.Step(action));
        }
    }
}
