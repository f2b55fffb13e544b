using Spark.Core.Configuration;

namespace Spark.Core.Advantages;

/// <summary>An advantage estimator: a pure function from rows to one advantage per row.</summary>
public delegate double[] AdvantageFunction(IReadOnlyList<AdvantageRow> rows, AdvantageOptions options);

/// <param name="Name">The registry name.</param>
/// <param name="Layout">Which training samples the rows must describe.</param>
/// <param name="Description">One line for help texts.</param>
/// <param name="Compute">The function.</param>
public sealed record AdvantageEstimator(string Name, SampleLayout Layout, string Description, AdvantageFunction Compute);

/// <summary>The estimators by name: the trainer looks one up and calls it, no <c>if</c> chain.</summary>
public static class AdvantageEstimators
{
    static readonly AdvantageEstimator[] Registry =
    [
        new("grpo", SampleLayout.LeafSteps, "the paper's default: step samples of a task, (r − mean)/(std + ε)", GroupRelativeAdvantages.Grpo),
        new("grpo-traj", SampleLayout.LeafSteps, "trajectory-level GRPO: each trajectory counted once, its advantage on all its steps", GroupRelativeAdvantages.GrpoTrajectory),
        new("drgrpo", SampleLayout.LeafSteps, "Dr. GRPO: step samples of a task, r − mean", GroupRelativeAdvantages.DrGrpo),
        new("tree-node", SampleLayout.Nodes, "one sample per tree node, rewarded with the mean of its leaves, normalised per task", GroupRelativeAdvantages.TreeNode),
        new("gigpo", SampleLayout.LeafSteps, "GiGPO: episode advantage + step advantage over identical observations", GigpoAdvantages.Gigpo),
    ];

    public static IReadOnlyList<AdvantageEstimator> All => Registry;

    public static AdvantageEstimator Get(string name) =>
        Registry.FirstOrDefault(e => e.Name == name)
        ?? throw new ConfigException("advantage", $"unknown estimator '{name}'; known: {string.Join(", ", Registry.Select(e => e.Name))}");
}
