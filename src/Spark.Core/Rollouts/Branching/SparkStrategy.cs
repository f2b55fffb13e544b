namespace Spark.Core.Rollouts.Branching;

/// <summary>
/// <c>spark</c>: a trajectory asks to branch after a step whose response contains a complete
/// <c>&lt;explore&gt;…&lt;/explore&gt;</c> (<see cref="Agents.AgentStep.Explore"/>, matched by the harness with
/// <c>&lt;explore&gt;.*?&lt;/explore&gt;</c>, case-sensitive, single-line mode, valid format or not).
/// </summary>
public sealed class SparkStrategy(BranchingOptions options) : IBranchStrategy
{
    public string Name => "spark";
    public BranchBudget Budget { get; } = options.TreeBudget;
    public bool NeedsEntropies => false;

    public IEnumerable<BranchCandidate> SelectRequests(IReadOnlyList<BranchCandidate> candidates, BranchStep step) =>
        candidates.Where(c => c.Decision.Explore);
}
