using Spark.Core.Advantages;
using Spark.Core.Configuration;

namespace Spark.Core.Tests.Advantages;

/// <summary>Every estimator against vectors computed by hand (python's statistics.stdev for the unbiased std).</summary>
public sealed class AdvantageEstimatorTests
{
    static readonly AdvantageOptions Defaults = new();

    static void Near(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-9);
    }

    // Group 0: two won step samples (one invalid), two lost; group 1: one invalid won sample alone.
    static readonly AdvantageRow[] Steps =
    [
        new(0, 0, 0, 10, false), new(0, 0, 1, 10, true), new(0, 1, 0, 0, false), new(0, 1, 1, 0, false), new(1, 0, 0, 10, true),
    ];

    [Fact]
    public void Grpo_normalises_scores_over_the_step_samples_of_a_task()
    {
        // r = [10, 9.9, 0, 0 | 9.9]; mean 4.975, unbiased std 5.74478...; a lone sample keeps its score.
        Near([0.8747069366994292, 0.8572998334815302, -0.8660033850904796, -0.8660033850904796, 9.9],
            GroupRelativeAdvantages.Grpo(Steps, Defaults));
    }

    [Fact]
    public void Drgrpo_only_subtracts_the_mean()
    {
        Near([5.025, 4.925, -4.975, -4.975, 9.9], GroupRelativeAdvantages.DrGrpo(Steps, Defaults));
    }

    [Fact]
    public void A_group_of_equal_scores_gets_zero()
    {
        Near([0, 0, 0], GroupRelativeAdvantages.Grpo([new(3, 0, 0, 10, false), new(3, 1, 0, 10, false), new(3, 2, 0, 10, false)], Defaults));
    }

    [Fact]
    public void Grpo_traj_counts_each_trajectory_once_and_broadcasts_its_advantage()
    {
        // Trajectories: 0 (3 steps, one invalid, won) s = 9.9; 1 (1 step, lost) s = 0; 2 (2 steps, won) s = 10.
        AdvantageRow[] rows =
        [
            new(0, 0, 0, 10, false), new(0, 0, 1, 10, true), new(0, 0, 2, 10, false),
            new(0, 1, 0, 0, false),
            new(0, 2, 0, 10, false), new(0, 2, 1, 10, false),
        ];
        double a0 = 0.5686248594349957, a1 = -1.1546566023220828, a2 = 0.5860317428870874;
        Near([a0, a0, a0, a1, a2, a2], GroupRelativeAdvantages.GrpoTrajectory(rows, Defaults));
    }

    [Fact]
    public void Grpo_traj_refuses_a_trajectory_with_two_rewards()
    {
        Assert.Throws<ArgumentException>(() =>
            GroupRelativeAdvantages.GrpoTrajectory([new(0, 0, 0, 10, false), new(0, 0, 1, 0, false)], Defaults));
    }

    [Fact]
    public void Gigpo_adds_step_advantages_over_identical_observations()
    {
        // Two trajectories of one task share observations o0 and o1; o2 and o3 are singletons (step advantage 0).
        // Step returns with γ = 0.95: won trajectory [9.025, 9.5 − 0.1 (invalid), 10], lost [0, 0, 0].
        AdvantageRow[] rows =
        [
            new(0, 0, 0, 10, false, 0, "o0"), new(0, 0, 1, 10, true, 0, "o1"), new(0, 0, 2, 10, false, 10, "o2"),
            new(0, 1, 0, 0, false, 0, "o0"), new(0, 1, 1, 0, false, 0, "o1"), new(0, 1, 2, 0, false, 0, "o3"),
        ];
        Near([9.025, 9.5, 10, 0, 0, 0], GigpoAdvantages.DiscountedReturns(rows, 0.95));
        Near([1.626063033433058, 1.607744970815864, 0.918956363049817, -1.619957011087212, -1.6199570155075558, -0.912850340703971],
            GigpoAdvantages.Gigpo(rows, Defaults));
    }

    [Fact]
    public void Gigpo_without_std_and_without_step_weight_reduces_to_its_parts()
    {
        AdvantageRow[] rows = [new(0, 0, 0, 10, false, 10, "a"), new(0, 1, 0, 0, false, 0, "a")];
        Near([5 + 5, -5 - 5], GigpoAdvantages.Gigpo(rows, Defaults with { GigpoDivideByStd = false }));
        Near([5, -5], GigpoAdvantages.Gigpo(rows, Defaults with { GigpoDivideByStd = false, StepWeight = 0 }));
    }

    [Fact]
    public void Gigpo_needs_anchors()
    {
        Assert.Throws<ArgumentException>(() => GigpoAdvantages.Gigpo([new(0, 0, 0, 10, false)], Defaults));
    }

    [Fact]
    public void The_registry_finds_every_estimator_by_name_and_names_unknown_ones()
    {
        Assert.Equal(["grpo", "grpo-traj", "drgrpo", "tree-node", "gigpo"], AdvantageEstimators.All.Select(e => e.Name));
        Assert.Equal(SampleLayout.Nodes, AdvantageEstimators.Get("tree-node").Layout);
        var e = Assert.Throws<ConfigException>(() => AdvantageEstimators.Get("ppo"));
        Assert.Equal("advantage", e.Field);
        Assert.Contains("grpo", e.Message);
    }
}
