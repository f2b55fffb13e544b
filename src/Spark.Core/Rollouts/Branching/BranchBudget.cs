using Spark.Core.Configuration;

namespace Spark.Core.Rollouts.Branching;

/// <summary>
/// How many trajectories a task may have: <see cref="Roots"/> start (M), at most <see cref="Leaves"/> ever
/// exist (N, counting every leaf ever allocated, finished or not), and a branching trajectory becomes
/// <see cref="Factor"/> (B) trajectories: itself plus B−1 children. No trajectory branches after a step
/// numbered below <see cref="FirstStep"/>.
/// </summary>
public sealed record BranchBudget(int Roots, int Leaves, int Factor)
{
    /// <summary>The first step (0-based) after which a trajectory may branch; 0, the paper's rule, allows every step.
    /// A later start keeps a policy that always explores on its first step (as the cold-start data teach) from
    /// spending the whole budget there.</summary>
    public int FirstStep { get; init; }

    /// <summary>The paper's defaults: M = 4, N = 8, B = 2.</summary>
    public static BranchBudget Paper { get; } = new(4, 8, 2);

    public void Validate()
    {
        ConfigException.Require(Roots >= 1, "roots", $"must be at least 1, got {Roots}");
        ConfigException.Require(Leaves >= Roots, "budget", $"the leaf budget N ({Leaves}) must be at least the number of roots M ({Roots})");
        ConfigException.Require(Factor >= 1, "factor", $"the branching factor B must be at least 1, got {Factor}");
        ConfigException.Require(FirstStep >= 0, "from", $"the first branching step must be 0 or more, got {FirstStep}");
    }

    /// <summary>Children a branching trajectory gets when <paramref name="allocated"/> leaves of its task exist:
    /// min(B − 1, N − allocated), never negative.</summary>
    public int ChildrenFor(int allocated) => Math.Max(0, Math.Min(Factor - 1, Leaves - allocated));
}
