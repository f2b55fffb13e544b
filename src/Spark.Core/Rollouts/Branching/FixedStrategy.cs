using Spark.Core.Configuration;

namespace Spark.Core.Rollouts.Branching;

/// <summary>
/// <c>fixed</c>, the paper's ablation (Table 4): branching that ignores what the agent wrote.
/// <list type="bullet">
/// <item>Default: every candidate asks to branch with probability p, drawn from its own (iteration, task, slot,
/// step) seed, so a trajectory's draws do not depend on the rest of the batch.</item>
/// <item><c>picks=K</c>: what the paper's code does (<c>fixed_branching_condition(num_branches=4)</c>): every step,
/// K candidates chosen uniformly at random across the whole batch ask to branch. Which ones depends on the batch.</item>
/// </list>
/// </summary>
public sealed class FixedStrategy : IBranchStrategy
{
    readonly double _probability;
    readonly int? _picks;

    public FixedStrategy(BranchingOptions options)
    {
        ConfigException.Require(options.Probability is >= 0 and <= 1, "p", $"must be in [0, 1], got {options.Probability}");
        ConfigException.Require(options.PicksPerStep is null or >= 1, "picks", $"must be at least 1, got {options.PicksPerStep}");
        _probability = options.Probability;
        _picks = options.PicksPerStep;
        Budget = options.TreeBudget;
    }

    public string Name => "fixed";
    public BranchBudget Budget { get; }
    public bool NeedsEntropies => false;

    public IEnumerable<BranchCandidate> SelectRequests(IReadOnlyList<BranchCandidate> candidates, BranchStep step)
    {
        if (_picks is int picks)
        {
            var shuffled = candidates.ToArray();
            new Random((int)(step.Seed & 0x7FFFFFFF)).Shuffle(shuffled);
            return shuffled.Take(picks);
        }
        return candidates.Where(c => Unit(c.Seed) < _probability);
    }

    /// <summary>A uniform number in [0, 1) from the top 53 bits of an already well-mixed seed.</summary>
    static double Unit(ulong seed) => (seed >> 11) * (1.0 / (1UL << 53));
}
