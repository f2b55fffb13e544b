using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Core.Tests.Rollouts.Fakes;

namespace Spark.Core.Tests.Rollouts;

public sealed class RewardSpreadTests
{
    [Fact]
    public void A_tree_with_a_won_and_a_lost_leaf_is_kept()
    {
        var trees = TreeRolloutEngineTests.RunForkScenario().Trees;
        Assert.Equal(trees, RewardSpread.Contrasting(trees));
    }

    [Fact]
    public void Trees_whose_leaves_all_lost_or_all_won_are_dropped_and_the_rest_keep_their_order()
    {
        // Task 0 is two steps long; task 2 is longer than the step limit: every leaf of it runs out of steps.
        var agent = new ScriptedAgent((ctx, env, rng) => "<think>on</think><action>right</action>");
        var engine = new TreeRolloutEngine(agent, BranchStrategies.Create("chains", new BranchingOptions { Roots = 2, Budget = 2 }),
            new RolloutOptions { Seed = 1 });
        var batch = engine.Run([CorridorWorld.TaskAt(0), CorridorWorld.TaskAt(2)], t => new CorridorWorld(t, stepLimit: 2));
        Assert.All(batch.Trees[0].Leaves, l => Assert.True(l.Won));
        Assert.All(batch.Trees[1].Leaves, l => Assert.False(l.Won));

        Assert.Empty(RewardSpread.Contrasting(batch.Trees));
        var mixed = TreeRolloutEngineTests.RunForkScenario().Trees[0];
        Assert.Equal([mixed], RewardSpread.Contrasting([batch.Trees[0], mixed, batch.Trees[1]]));
    }
}
