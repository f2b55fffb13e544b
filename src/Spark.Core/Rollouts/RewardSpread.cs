namespace Spark.Core.Rollouts;

/// <summary>
/// DAPO's group filter (its "dynamic sampling", without the resampling): a task whose leaves all earned the same
/// outcome gives a group-relative estimator nothing to compare. Its advantages are then made of the invalid-action
/// penalty alone, normalised by a tiny standard deviation into large values — noise that, on a weak policy where most
/// groups have no success, outweighs the few groups that do. Dropping those trees keeps only groups with a contrast.
/// </summary>
public static class RewardSpread
{
    /// <summary>The trees whose leaves do not all share one reward, in their original order.</summary>
    public static IReadOnlyList<RolloutTree> Contrasting(IReadOnlyList<RolloutTree> trees) =>
        trees.Where(HasSpread).ToList();

    /// <summary>True when at least two leaves of the tree earned different rewards.</summary>
    public static bool HasSpread(RolloutTree tree) =>
        tree.Leaves.Count > 1 && tree.Leaves.Any(l => l.Reward != tree.Leaves[0].Reward);
}
