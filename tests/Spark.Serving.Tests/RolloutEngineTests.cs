using Spark.Core.Agents;
using Spark.Core.Environments;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Serving.Tests.Fakes;

namespace Spark.Serving.Tests;

/// <summary>The rollout engine branches remote environments by replay and grows the same trees as with clones in process.</summary>
public sealed class RolloutEngineTests
{
    /// <summary>Picks an admissible action and asks to explore, both from the step's seed.</summary>
    sealed class SeededAgent : IAgent
    {
        sealed class Context : IAgentContext { public IAgentContext Fork() => new Context(); }

        public IAgentContext Start(IEnvironment env, StepResult initial) => new Context();

        public IReadOnlyList<AgentStep> Act(IReadOnlyList<AgentTurn> batch, IReadOnlyList<ulong> seeds) =>
            [.. batch.Select((turn, i) =>
            {
                var random = new Random((int)(seeds[i] & 0x7FFFFFFF));
                var options = turn.Env.AdmissibleActions;
                string action = options[random.Next(options.Count)];
                return new AgentStep(action, true, random.NextDouble() < 0.3, action, [], [], []);
            })];

        public void Observe(IAgentContext context, AgentStep step, StepResult result) { }
    }

    [Fact]
    public async Task Replayed_remote_branches_grow_the_same_trees_as_cloned_local_ones()
    {
        var local = new CounterSuite("alfworld", maxSteps: 10);
        await using var a = await TestServers.Start(local);
        await using var b = await TestServers.Start(local);
        using var remote = TestServers.Client(local, servers: [a, b]);
        var tasks = Enumerable.Range(0, 6).Select(i => local.Describe("train", i)).ToList();
        var strategy = new SparkStrategy(new BranchingOptions { Roots = 2, Budget = 6, Factor = 2 });

        // In process with replay too, so the accounting (replay steps) compares as well.
        var inProcess = new TreeRolloutEngine(new SeededAgent(), strategy, new RolloutOptions { Seed = 11, World = BranchWorld.Replay })
            .Run(tasks, t => local.Create(t.Split, t.Index));
        var overHttp = new TreeRolloutEngine(new SeededAgent(), strategy, new RolloutOptions { Seed = 11, EnvironmentParallelism = 4 })
            .Run(tasks, t => remote.Create(t.Split, t.Index));

        Assert.Equal(RolloutTreeJson.Serialize(inProcess), RolloutTreeJson.Serialize(overHttp));
        Assert.True(overHttp.Trees.Sum(t => t.Leaves.Count) > tasks.Count * 2, "no task branched");
        // The engine disposed every environment: all are back in the pool, none leaked on the servers.
        Assert.All(remote.Pool.Servers, s => Assert.Equal(0, s.Busy));
        Assert.Equal(a.Registry.Live + b.Registry.Live, remote.Pool.Servers.Sum(s => s.Idle));
    }
}
