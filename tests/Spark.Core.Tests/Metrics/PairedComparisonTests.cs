using Spark.Core.Metrics;

namespace Spark.Core.Tests.Metrics;

public sealed class PairedComparisonTests
{
    static TaskOutcomes Eval(string model, double t1, double t2, string? source = null) =>
        new(model, source ?? $"{model}-{t1}{t2}", new Dictionary<string, double> { ["t1"] = t1, ["t2"] = t2 });

    /// <summary>
    /// Base: one model, three seeds; t1 = 1,0,0 and t2 = 0,0,1 → each task 1/3, sample variance 1/3 per task,
    /// s.e. √(1/3/3 + 1/3/3) / 2 = 0.2357. Candidate: model A (t1 1,1; t2 1,0 → 0.75) and model B (0,1 → 0.5):
    /// mean 0.625, spread of the two means 0.03125, s.e. √(0.03125/2) = 0.125. Gain 0.2917 ± √(2/9/4 + 0.125²) = 0.2668.
    /// </summary>
    [Fact]
    public void Means_and_errors_match_hand_computed_values()
    {
        var g = PairedComparison.Compare(
            [Eval("sft", 1, 0), Eval("sft", 0, 0), Eval("sft", 0, 1)],
            [Eval("a", 1, 1), Eval("a", 1, 0), Eval("b", 0, 1)]);

        Assert.Equal(2, g.Tasks);
        Assert.Equal(1.0 / 3, g.Base.Mean, 12);
        Assert.Equal(Math.Sqrt(2.0 / 9) / 2, g.Base.StdErr, 12);
        Assert.Single(g.Base.Models);
        Assert.Equal(3, g.Base.Evaluations);
        Assert.Equal(0.625, g.Candidate.Mean, 12);
        Assert.Equal(0.125, g.Candidate.StdErr, 12);
        Assert.Equal([0.75, 0.5], g.Candidate.Models.Select(m => m.Mean));
        Assert.Equal([2, 1], g.Candidate.Models.Select(m => m.Evaluations));
        Assert.Equal(0.625 - 1.0 / 3, g.Gain, 12);
        Assert.Equal(Math.Sqrt(2.0 / 9 / 4 + 0.125 * 0.125), g.StdErr, 12);
    }

    [Fact]
    public void Task_difficulty_cancels_a_task_every_evaluation_wins_adds_no_noise()
    {
        // t1 is always won, t2 always lost: no spread across seeds, so no error on either side.
        var g = PairedComparison.Compare([Eval("sft", 1, 0), Eval("sft", 1, 0)], [Eval("rl", 1, 0), Eval("rl", 1, 0)]);
        Assert.Equal(0, g.Gain);
        Assert.Equal(0, g.StdErr);
    }

    [Fact]
    public void A_side_with_one_evaluation_has_no_error_estimate()
    {
        var g = PairedComparison.Compare([Eval("sft", 1, 0)], [Eval("rl", 1, 1), Eval("rl", 0, 1)]);
        Assert.True(double.IsNaN(g.Base.StdErr));
        Assert.True(double.IsNaN(g.StdErr));
        Assert.Equal(0.75 - 0.5, g.Gain, 12);
    }

    [Fact]
    public void Evaluations_of_different_tasks_are_refused_naming_the_source()
    {
        var other = new TaskOutcomes("rl", "rl-seed3.jsonl", new Dictionary<string, double> { ["t1"] = 1, ["t3"] = 0 });
        var e = Assert.Throws<ArgumentException>(() => PairedComparison.Compare([Eval("sft", 1, 0, "sft.jsonl")], [other]));
        Assert.Contains("rl-seed3.jsonl", e.Message);
        Assert.Contains("t2", e.Message);
    }
}
