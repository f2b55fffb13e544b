using Spark.Core.Metrics;

namespace Spark.Core.Tests.Metrics;

public sealed class PairedComparisonTests
{
    static TaskOutcomes Eval(string model, string seed, double t1, double t2) =>
        new(model, $"{model}-s{seed}.jsonl", new Dictionary<string, double> { ["t1"] = t1, ["t2"] = t2 }, seed);

    /// <summary>
    /// Base: one model, seeds 0–2; t1 = 1,0,0 and t2 = 0,0,1 → mean 1/3, sample variance 1/3 per task,
    /// s.e. √((1/3 + 1/3) / 3) / 2 = 0.2357.
    /// Candidate: model a (seed 0: 1,1; seed 1: 1,0 → mean 0.75) and model b (seed 0: 0,1 → 0.5): mean 0.625.
    /// Sampling: seed 0 averages a and b to (0.5, 1), seed 1 is (1, 0); task variances 0.125 and 0.5 → (0.625 / 2) / 4.
    /// Training: the two means 0.75 and 0.5 spread 0.03125, over 2. s.e.² = 0.078125 + 0.015625 = 0.09375.
    /// </summary>
    [Fact]
    public void Means_and_errors_match_hand_computed_values()
    {
        var g = PairedComparison.Compare(
            [Eval("sft", "0", 1, 0), Eval("sft", "1", 0, 0), Eval("sft", "2", 0, 1)],
            [Eval("a", "0", 1, 1), Eval("a", "1", 1, 0), Eval("b", "0", 0, 1)]);

        Assert.Equal(2, g.Tasks);
        Assert.Equal(1.0 / 3, g.Base.Mean, 12);
        Assert.Equal(Math.Sqrt(2.0 / 9) / 2, g.Base.StdErr, 12);
        Assert.Single(g.Base.Models);
        Assert.Equal(3, g.Base.Evaluations);
        Assert.Equal(0.625, g.Candidate.Mean, 12);
        Assert.Equal(Math.Sqrt(0.09375), g.Candidate.StdErr, 12);
        Assert.Equal([0.75, 0.5], g.Candidate.Models.Select(m => m.Mean));
        Assert.Equal([2, 1], g.Candidate.Models.Select(m => m.Evaluations));
        Assert.Equal(0.625 - 1.0 / 3, g.Gain, 12);
        Assert.Equal(Math.Sqrt(2.0 / 9 / 4 + 0.09375), g.StdErr, 12);
    }

    [Fact]
    public void Models_evaluated_with_the_same_seeds_do_not_average_the_sampling_noise_away()
    {
        // Two models with identical outcomes on seeds 0 and 1: their means do not spread at all, yet the seeds do.
        // t1 varies across the seeds (1, 0: variance 0.5), t2 does not: s.e. = √(0.5 / 2) / 2 = 0.25.
        var side = PairedComparison.Estimate(
            [Eval("a", "0", 1, 0), Eval("a", "1", 0, 0), Eval("b", "0", 1, 0), Eval("b", "1", 0, 0)], ["t1", "t2"]);
        Assert.Equal(0.25, side.StdErr, 12);
    }

    [Fact]
    public void Task_difficulty_cancels_a_task_every_evaluation_wins_adds_no_noise()
    {
        // t1 is always won, t2 always lost: no spread across seeds, so no error on either side.
        var g = PairedComparison.Compare([Eval("sft", "0", 1, 0), Eval("sft", "1", 1, 0)], [Eval("rl", "0", 1, 0), Eval("rl", "1", 1, 0)]);
        Assert.Equal(0, g.Gain);
        Assert.Equal(0, g.StdErr);
    }

    [Fact]
    public void A_side_with_one_seed_has_no_error_estimate()
    {
        var g = PairedComparison.Compare([Eval("sft", "0", 1, 0)], [Eval("rl", "0", 1, 1), Eval("rl", "1", 0, 1)]);
        Assert.True(double.IsNaN(g.Base.StdErr));
        Assert.True(double.IsNaN(g.StdErr));
        Assert.Equal(0.75 - 0.5, g.Gain, 12);
    }

    [Fact]
    public void Evaluations_of_different_tasks_are_refused_naming_the_source()
    {
        var other = new TaskOutcomes("rl", "rl-s3.jsonl", new Dictionary<string, double> { ["t1"] = 1, ["t3"] = 0 });
        var e = Assert.Throws<ArgumentException>(() => PairedComparison.Compare([Eval("sft", "0", 1, 0)], [other]));
        Assert.Contains("rl-s3.jsonl", e.Message);
        Assert.Contains("t2", e.Message);
    }
}
