using Spark.Core.Environments;
using Spark.Environments.Remote;
using Spark.Serving.Tests.Fakes;

namespace Spark.Serving.Tests;

/// <summary>Our client against our server plays the same episodes as the in-process environment.</summary>
public sealed class EquivalenceTests
{
    public static TheoryData<string> Apis => ["alfworld", "scienceworld", "webshop"];

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Remote_episodes_equal_in_process_episodes(string api)
    {
        var local = new CounterSuite(api);
        await using var server = await TestServers.Start(local);
        using var remote = TestServers.Client(local, servers: server);
        AssertSameEpisodes(local, remote, seeds: 3);
    }

    /// <summary>Every split, several tasks each, several seeds: identical results, admissible lists and task ids.</summary>
    internal static void AssertSameEpisodes(IEnvironmentSuite local, RemoteEnvironmentSuite remote, int seeds, int tasksPerSplit = 3, int maxSteps = 40)
    {
        Assert.Equal(local.Splits, remote.Splits);
        foreach (var split in local.Splits)
        {
            Assert.Equal(local.Count(split), remote.Count(split));
            for (int index = 0; index < Math.Min(tasksPerSplit, local.Count(split)); index++)
            for (int seed = 0; seed < seeds; seed++)
            {
                var expected = Episode.Play(local.Create(split, index), seed, maxSteps);
                using var env = remote.CreateRemote(split, index);
                Episode.Play(env, seed, maxSteps).AssertSameAs(expected);
                Assert.Equal(local.Describe(split, index), env.Task);
                Assert.Equal(expected.Actions, env.ActionHistory);
                Assert.Equal(0, env.Recoveries);
            }
        }
    }

    [Fact]
    public async Task Branching_by_reset_and_replay_reproduces_the_parent_state()
    {
        var local = new CounterSuite("alfworld");
        await using var server = await TestServers.Start(local);
        using var remote = TestServers.Client(local, servers: server);
        using var parent = remote.CreateRemote("train", 4);
        Episode.Play(parent, seed: 5, maxSteps: 5);
        Assert.False(parent.CanClone);
        Assert.Throws<NotSupportedException>(() => parent.Clone());

        // What the rollout engine does when CanClone is false: same task, reset, replay the history.
        using var child = remote.CreateRemote(parent.Task.Split, parent.Task.Index);
        child.Reset();
        StepResult? last = null;
        foreach (var action in parent.ActionHistory) last = child.Step(action);
        Assert.Equal(parent.ActionHistory, child.ActionHistory);
        Assert.Equal(parent.AdmissibleActions, child.AdmissibleActions);
        // The two now diverge independently on separate server environments.
        var a = parent.Step("click[inc]");
        var b = child.Step("click[dec]");
        Assert.NotEqual(a.Observation, b.Observation);
        Assert.Equal(2, server.Registry.Live);
    }

    [Fact]
    public async Task Finished_environments_are_reused_for_the_next_episode()
    {
        var local = new CounterSuite("alfworld");
        await using var server = await TestServers.Start(local);
        using var remote = TestServers.Client(local, servers: server);
        for (int i = 0; i < 5; i++)
        {
            using var env = remote.CreateRemote("L1", i % 4);
            Episode.Play(env, seed: i, maxSteps: 3);
        }
        Assert.Equal(1, server.Registry.Stats.Created); // one slot, reset per episode (AgentGym's advice)
        remote.Dispose();
        Assert.Equal(0, server.Registry.Live);          // the pool closes what it kept
    }
}
