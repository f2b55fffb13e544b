using Spark.Core.Agents;
using Spark.Core.Configuration;

namespace Spark.Core.Rollouts.Branching;

/// <summary>
/// <c>entropy</c> (ARPO-style): a trajectory asks to branch when the mean entropy of the first k tokens of its
/// response is higher (by more than a margin) than the same figure at step 0 of its tree — the root's first
/// decision, which every trajectory of that tree shares. Deterministic given the entropies.
/// (The paper's code instead draws with probability clamp(0.1 + 0.5·ΔH, 0, 1), using each slot's own first
/// step as the baseline; ARPO does the same with its own constants.)
/// </summary>
public sealed class EntropyStrategy : IBranchStrategy
{
    readonly int _tokens;
    readonly double _margin;

    public EntropyStrategy(BranchingOptions options)
    {
        ConfigException.Require(options.EntropyTokens >= 1, "k", $"must be at least 1, got {options.EntropyTokens}");
        _tokens = options.EntropyTokens;
        _margin = options.EntropyMargin;
        Budget = options.TreeBudget;
    }

    public string Name => "entropy";
    public BranchBudget Budget { get; }
    public bool NeedsEntropies => true;

    public IEnumerable<BranchCandidate> SelectRequests(IReadOnlyList<BranchCandidate> candidates, BranchStep step) =>
        candidates.Where(c => LeadingEntropy(c.Decision, c) - LeadingEntropy(c.RootDecision, c) > _margin);

    /// <summary>Mean entropy of the first k response tokens (all of them when the response is shorter; 0 when empty).</summary>
    double LeadingEntropy(AgentStep decision, BranchCandidate where)
    {
        var entropies = decision.Entropies ?? throw new InvalidOperationException(
            $"The entropy strategy needs per-token entropies, but the agent returned none (task {where.Task}, slot {where.Slot}, " +
            $"step {where.Step}). Have the agent sample with SamplingOptions.ReturnEntropy = true.");
        int n = Math.Min(_tokens, entropies.Length);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += entropies[i];
        return n == 0 ? 0 : sum / n;
    }
}
