using Spark.Core.Metrics;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Core.Tests.Rollouts.Fakes;

namespace Spark.Core.Tests.Metrics;

public sealed class RolloutMetricsTests
{
    /// <summary>Three scripted episodes on a corridor of length 2 (step limit 4), outcomes known by hand:
    /// slot 0 walks right twice and wins (2 steps);
    /// slot 1 explores, waits twice at 0 (the second wait repeats), walks right, jumps and loses (4 steps, 2 explore, 1 repeat);
    /// slot 2 writes no action, then "left" twice at 0, both refused — the second one from the same
    /// "Nothing happens." is a repeat; then "right" to 1 of 2 and it runs out of steps (4 steps, 1 invalid, 1 repeat).</summary>
    static readonly string[][] Scripts =
    [
        ["<think>a</think><action>right</action>", "<think>b</think><action>right</action>"],
        ["<explore>x</explore><action>wait</action>", "<explore>y</explore><action>wait</action>", "<think>c</think><action>right</action>", "<think>d</think><action>jump</action>"],
        ["no tags at all", "<think>e</think><action>left</action>", "<think>f</think><action>left</action>", "<think>g</think><action>right</action>"],
    ];

    [Fact]
    public void Scripted_episodes_give_the_hand_computed_figures()
    {
        var agent = new ScriptedAgent((ctx, _, _) => Scripts[ctx.Root][ctx.Actions.Count]);
        var engine = new TreeRolloutEngine(agent, BranchStrategies.Create("chains", new BranchingOptions { Budget = 3 }), new RolloutOptions());
        var batch = engine.Run([CorridorWorld.TaskAt(0)], t => new CorridorWorld(t, stepLimit: 4));
        var m = RolloutMetrics.Of(batch);

        Assert.Equal(3, m.Episodes);
        Assert.Equal(1 / 3.0, m.SuccessRate, 12);
        Assert.Equal(10 / 3.0, m.MeanReward, 12);
        Assert.Equal((1 - 1 + 0.5) / 3, m.MeanScore, 12); // won 1, fell −1, truncated at 1 of 2: 0.5
        Assert.Equal(10 / 3.0, m.MeanSteps, 12);
        Assert.Equal(10, m.Steps);
        Assert.Equal(1 / 10.0, m.InvalidActionRatio, 12);
        Assert.Equal(2 / 10.0, m.ExploreRatio, 12);
        Assert.Equal(2 / 10.0, m.RepetitiveActionRatio, 12);
        Assert.Equal(batch.Trees[0].Nodes.Sum(n => n.Decision.ResponseIds.Length), m.GeneratedTokens);
        Assert.Equal(0, m.Accounting.BranchEvents);
        Assert.Equal(m.Accounting.GeneratedTokens, m.Accounting.ChainsGeneratedTokens);
    }

    [Fact]
    public void A_repeat_needs_both_the_same_action_and_the_same_observation()
    {
        var agent = new ScriptedAgent((ctx, _, _) => ctx.Actions.Count < 2 ? "<think>.</think><action>right</action>" : "<think>.</think><action>wait</action>");
        var engine = new TreeRolloutEngine(agent, BranchStrategies.Create("chains", new BranchingOptions { Budget = 1 }), new RolloutOptions());
        // Corridor of length 5 (task 3): right, right (different observations), then wait, wait, wait at 2: two repeats.
        var tree = engine.Run([CorridorWorld.TaskAt(3)], t => new CorridorWorld(t, stepLimit: 5)).Trees[0];
        Assert.Equal([false, false, false, true, true], tree.Nodes.Select(n => RolloutMetrics.IsRepeat(tree, n)));
    }
}
