namespace Spark.Core.Rollouts.Branching;

/// <summary>
/// Decides which trajectories ask to branch after a step. It only asks: the budget and the order in which
/// competing requests are served are enforced by <see cref="BranchAllocator"/>, the same for every strategy.
/// Strategies are built by name with <see cref="BranchStrategies.Create"/>.
/// </summary>
public interface IBranchStrategy
{
    /// <summary>The registry name: "chains", "spark", "fixed" or "entropy".</summary>
    string Name { get; }

    BranchBudget Budget { get; }

    /// <summary>True when the agent must return per-token entropies (<c>AgentStep.Entropies</c>).</summary>
    bool NeedsEntropies { get; }

    /// <summary>The candidates that ask to branch. <paramref name="candidates"/> holds every trajectory of the
    /// batch that just took a non-terminal step, in batch order (task, then slot).</summary>
    IEnumerable<BranchCandidate> SelectRequests(IReadOnlyList<BranchCandidate> candidates, BranchStep step);
}
