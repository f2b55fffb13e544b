using Spark.Core.Agents;
using Spark.Core.Configuration;
using Spark.Core.Environments;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Core.Tests.Rollouts.Fakes;

namespace Spark.Core.Tests.Rollouts;

/// <summary>Hand-sized scenarios whose trees are known in advance.</summary>
public sealed class TreeRolloutEngineTests
{
    static readonly TaskInfo Corridor2 = CorridorWorld.TaskAt(0); // L = 2

    /// <summary>One root explores at step 0 (moving right); after the branch the parent walks on and wins, the child jumps and loses.</summary>
    internal static ScriptedAgent ForkAgent() => new((ctx, env, rng) => ctx.Actions.Count switch
    {
        0 => "<explore>where is the end?</explore><action>right</action>",
        _ => ctx.Generation == 0 ? "<think>on</think><action>right</action>" : "<think>try</think><action>jump</action>",
    });

    internal static RolloutBatch RunForkScenario(BranchWorld world = BranchWorld.Auto)
    {
        var engine = new TreeRolloutEngine(ForkAgent(), BranchStrategies.Create("spark", new BranchingOptions { Roots = 1, Budget = 2, Factor = 2 }),
            new RolloutOptions { Seed = 3, World = world });
        return engine.Run([Corridor2], t => new CorridorWorld(t, stepLimit: 10));
    }

    [Fact]
    public void The_explore_action_runs_once_and_siblings_diverge_at_the_next_step()
    {
        var tree = RunForkScenario().Trees.Single();
        Assert.Equal(3, tree.Nodes.Count);
        Assert.Equal([-1, 0, 0], tree.Nodes.Select(n => n.ParentId));
        Assert.Equal(["right", "right", "jump"], tree.Nodes.Select(n => n.Decision.Action));
        Assert.All(tree.Nodes.Skip(1), n => Assert.Equal("You are at 1 of 2.", n.Observation));
        var branch = tree.Branches.Single();
        Assert.Equal((0, 0, 0), (branch.NodeId, branch.Step, branch.ParentSlot));
        Assert.Equal([1], branch.ChildSlots);
        Assert.Equal([0, 1], tree.Leaves[0].Path);
        Assert.Equal([0, 2], tree.Leaves[1].Path);
        Assert.Equal((10.0, true), (tree.Leaves[0].Reward, tree.Leaves[0].Won));
        Assert.Equal((0.0, false, false), (tree.Leaves[1].Reward, tree.Leaves[1].Won, tree.Leaves[1].Truncated));
    }

    [Fact]
    public void Accounting_compares_the_shared_tree_with_independent_chains()
    {
        foreach (var world in new[] { BranchWorld.Auto, BranchWorld.Replay })
        {
            var batch = RunForkScenario(world);
            var nodes = batch.Trees[0].Nodes;
            int gen(int i) => nodes[i].Decision.ResponseIds.Length;
            int prompt(int i) => nodes[i].Decision.PromptIds.Length;
            var a = batch.Accounting;
            Assert.Equal((1, 2, 3, 1, 1), (a.Tasks, a.Leaves, a.Nodes, a.BranchEvents, a.ChildrenCreated));
            Assert.Equal(gen(0) + gen(1) + gen(2), a.GeneratedTokens);
            Assert.Equal(2 * gen(0) + gen(1) + gen(2), a.ChainsGeneratedTokens);
            Assert.Equal(prompt(0) + prompt(1) + prompt(2), a.PromptTokensComputed);
            Assert.Equal(2 * prompt(0) + prompt(1) + prompt(2), a.ChainsPromptTokens);
            int replay = world == BranchWorld.Replay ? 1 : 0;
            Assert.Equal((3L + replay, (long)replay, 4L), (a.EnvironmentSteps, a.ReplaySteps, a.ChainsEnvironmentSteps));
            Assert.Equal(1 - (double)a.GeneratedTokens / a.ChainsGeneratedTokens, a.GeneratedTokensSaved, 12);
        }
    }

    [Fact]
    public void All_active_trajectories_of_all_tasks_decide_in_one_call_per_step()
    {
        var agent = ScriptedAgent.Random(explore: 0.5);
        var engine = new TreeRolloutEngine(agent, BranchStrategies.Create("spark"), new RolloutOptions { Seed = 1 });
        var batch = engine.Run(Enumerable.Range(0, 5).Select(CorridorWorld.TaskAt).ToArray(), t => new CorridorWorld(t, 8));
        Assert.Equal(batch.Trees.Max(t => t.Nodes.Max(n => n.Step)) + 1, agent.ActCalls);
    }

    [Fact]
    public void The_step_cap_truncates_unfinished_trajectories()
    {
        var agent = new ScriptedAgent((_, _, _) => "<explore>hmm</explore><action>wait</action>");
        var engine = new TreeRolloutEngine(agent, BranchStrategies.Create("spark"), new RolloutOptions { Seed = 1, MaxSteps = 3 });
        var tree = engine.Run([Corridor2], t => new CorridorWorld(t, 30)).Trees.Single();
        Assert.Equal(8, tree.Leaves.Count);
        Assert.All(tree.Leaves, l => Assert.True(l.Steps == 3 && l.Truncated && !l.Won));
        Assert.All(tree.Branches, b => Assert.True(b.Step < 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void No_trajectory_branches_before_the_first_branching_step(int firstStep)
    {
        // Every response explores, so without the rule the budget is spent on the first step.
        var agent = new ScriptedAgent((_, _, _) => "<explore>hmm</explore><action>wait</action>");
        var options = BranchingOptions.Parse(["m=2", "n=4", "b=2", $"from={firstStep}"]);
        var engine = new TreeRolloutEngine(agent, BranchStrategies.Create("spark", options), new RolloutOptions { Seed = 1, MaxSteps = 6 });
        var tree = engine.Run([Corridor2], t => new CorridorWorld(t, 30)).Trees.Single();
        Assert.Equal(4, tree.Leaves.Count);
        Assert.Equal(2, tree.Branches.Count);
        Assert.All(tree.Branches, b => Assert.Equal(firstStep, b.Step));
    }

    [Fact]
    public void A_negative_first_branching_step_is_refused_naming_the_field()
    {
        var e = Assert.Throws<ConfigException>(() => BranchStrategies.Create("spark", BranchingOptions.Parse(["from=-1"])));
        Assert.Equal("from", e.Field);
    }

    [Fact]
    public void A_world_that_cannot_be_replayed_is_refused_with_a_clear_error()
    {
        int instances = 0;
        var engine = new TreeRolloutEngine(ForkAgent(), BranchStrategies.Create("spark", new BranchingOptions { Roots = 1, Budget = 2 }), new RolloutOptions());
        var e = Assert.Throws<ReplayMismatchException>(() => engine.Run([Corridor2], t => new FlakyWorld(t, instances++)));
        Assert.Contains(Corridor2.Id, e.Message);
        Assert.Contains("deterministic", e.Message);
    }

    [Fact]
    public void An_agent_that_answers_the_wrong_number_of_steps_is_refused()
    {
        var engine = new TreeRolloutEngine(new SilentAgent(), BranchStrategies.Create("chains"), new RolloutOptions());
        Assert.Throws<InvalidOperationException>(() => engine.Run([Corridor2], t => new CorridorWorld(t, 5)));
    }

    [Fact]
    public void Every_environment_the_engine_made_is_disposed_once()
    {
        foreach (var world in new[] { BranchWorld.Auto, BranchWorld.Replay })
        {
            int created = 0, disposed = 0;
            var engine = new TreeRolloutEngine(ScriptedAgent.Random(0.7), BranchStrategies.Create("spark"), new RolloutOptions { Seed = 2, World = world });
            var batch = engine.Run([Corridor2, CorridorWorld.TaskAt(1)], t =>
            {
                created++;
                return new CorridorWorld(t, 10) { OnDispose = () => disposed++ };
            });
            Assert.Equal(batch.Accounting.Leaves, disposed);
            Assert.Equal(world == BranchWorld.Auto ? 8 : batch.Accounting.Leaves, created);
        }
    }

    [Fact]
    public void Progress_is_reported_after_every_step()
    {
        var steps = new List<RolloutProgress>();
        var engine = new TreeRolloutEngine(ForkAgent(), BranchStrategies.Create("spark", new BranchingOptions { Roots = 1, Budget = 2 }),
            new RolloutOptions { Progress = new SyncProgress(steps.Add) });
        engine.Run([Corridor2], t => new CorridorWorld(t, 10));
        Assert.Equal([new RolloutProgress(0, 1, 2), new RolloutProgress(1, 2, 2)], steps);
    }

    sealed class SyncProgress(Action<RolloutProgress> report) : IProgress<RolloutProgress>
    {
        public void Report(RolloutProgress value) => report(value);
    }

    sealed class SilentAgent : IAgent
    {
        public IAgentContext Start(IEnvironment env, StepResult initial) => new ScriptedContext(0, [], []);
        public IReadOnlyList<AgentStep> Act(IReadOnlyList<AgentTurn> batch, IReadOnlyList<ulong> seeds) => [];
        public void Observe(IAgentContext context, AgentStep step, StepResult result) { }
    }
}
