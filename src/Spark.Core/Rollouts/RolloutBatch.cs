using Spark.Core.Rollouts.Branching;

namespace Spark.Core.Rollouts;

/// <summary>One call of <see cref="TreeRolloutEngine.Run"/>: a tree per task, and how it was made.</summary>
public sealed class RolloutBatch(string strategy, BranchBudget budget, ulong seed, int iteration, IReadOnlyList<RolloutTree> trees)
{
    public string Strategy { get; } = strategy;
    public BranchBudget Budget { get; } = budget;
    public ulong Seed { get; } = seed;
    public int Iteration { get; } = iteration;

    /// <summary>One tree per task, in the order the tasks were given.</summary>
    public IReadOnlyList<RolloutTree> Trees { get; } = trees;

    public RolloutAccounting Accounting { get; } = RolloutAccounting.Of(trees);
}
