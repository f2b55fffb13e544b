using Spark.Core.Advantages;
using Spark.Core.Rollouts;

namespace Spark.Core.Tests.Rollouts;

/// <summary>Export from the fork scenario: root step 0 (explore, shared), then a winning and a losing step.</summary>
public sealed class TrainingSampleTests
{
    [Fact]
    public void Per_leaf_step_repeats_the_shared_prefix_with_each_leafs_reward()
    {
        var samples = TrainingSamples.PerLeafStep(TreeRolloutEngineTests.RunForkScenario().Trees);
        Assert.Equal([(0, 0, 10.0, 0.0), (0, 1, 10, 10), (1, 0, 0, 0), (1, 2, 0, 0)],
            samples.Select(s => (s.Trajectory, s.Node.Id, s.Reward, s.StepReward)));
        Assert.All(samples, s => Assert.Equal(0, s.Group));
        Assert.Equal("You are at 0 of 2.", samples[0].Row.Anchor);
    }

    [Fact]
    public void Per_node_credits_each_node_with_the_mean_of_its_leaves()
    {
        var samples = TrainingSamples.PerNode(TreeRolloutEngineTests.RunForkScenario().Trees);
        Assert.Equal([(0, 5.0), (1, 10), (2, 0)], samples.Select(s => (s.Node.Id, s.Reward)));
    }

    [Fact]
    public void Scoring_exports_the_layout_the_estimator_needs()
    {
        var trees = TreeRolloutEngineTests.RunForkScenario().Trees;
        var grpo = TrainingSamples.Score(trees, AdvantageEstimators.Get("grpo"));
        Assert.Equal(4, grpo.Count);
        // Scores [10, 10, 0, 0]: mean 5, unbiased std √(100/3): ±5/(5.7735027 + 1e−6).
        double a = 5 / (Math.Sqrt(100 / 3.0) + 1e-6);
        Assert.Equal([a, a, -a, -a], grpo.Select(s => s.Advantage));
        var node = TrainingSamples.Score(trees, AdvantageEstimators.Get("tree-node"));
        // Scores [5, 10, 0]: mean 5, std 5: [0, 5/(5 + 1e−6), −5/(5 + 1e−6)].
        Assert.Equal([0, 5 / (5 + 1e-6), -5 / (5 + 1e-6)], node.Select(s => s.Advantage));
    }
}
