namespace Spark.Core.Rollouts.Branching;

/// <summary><c>chains</c>: N independent trajectories per task, never branching (plain GRPO).</summary>
public sealed class ChainsStrategy(BranchingOptions options) : IBranchStrategy
{
    public string Name => "chains";
    public BranchBudget Budget { get; } = new(options.Budget, options.Budget, 1);
    public bool NeedsEntropies => false;

    public IEnumerable<BranchCandidate> SelectRequests(IReadOnlyList<BranchCandidate> candidates, BranchStep step) => [];
}
