using Spark.Reporting.Analysis;
using Spark.Reporting.Input;

namespace Spark.Reporting.Tests;

public sealed class AnalysisTests
{
    [Fact]
    public void Mean_and_sample_std_over_seeds()
    {
        var v = MeanStd.Of([0.2, 0.4, 0.6]);
        Assert.Equal(0.4, v.Mean, 12);
        Assert.Equal(0.2, v.Std, 12);
        Assert.Equal(0, MeanStd.Of([0.3]).Std);
        Assert.Equal("40.0 ± 20.0", Format.Percent(v));
        Assert.Equal("30.0", Format.Percent(MeanStd.Of([0.3])));
        Assert.Null(MeanStd.OfOptional([null, null]));
    }

    [Fact]
    public void Methods_envs_and_splits_follow_the_papers_order()
    {
        Assert.Equal(["SFT", "GRPO", "SPARK", "zeta", "alpha"], Ordering.Methods(["zeta", "SPARK", "alpha", "GRPO", "SFT", "SPARK"]));
        Assert.Equal(["alfworld", "scienceworld", "webshop", "other"], Ordering.Envs(["other", "webshop", "alfworld", "scienceworld"]));
        Assert.Equal(["L0", "L1", "L2", "extra"], Ordering.Splits(["L2", "extra", "L0", "L1"]));
        Assert.NotEqual(Ordering.Color("zeta", ["zeta", "alpha"]), Ordering.Color("alpha", ["zeta", "alpha"]));
    }

    [Fact]
    public void Curves_align_seeds_on_the_step_and_sort_metrics_into_plots()
    {
        TrainingRun Run(int seed, params (int Step, double Success, double? Eval)[] points) => new()
        {
            Method = "SPARK", Env = "alfworld", Seed = seed,
            Iterations = points.Select(p =>
            {
                var d = new Dictionary<string, double> { ["step"] = p.Step, ["rollout_success"] = p.Success, ["kl"] = 0.01, ["zz_custom"] = 1 };
                if (p.Eval is double e) (d["eval_L2_success"], d["eval_L2_score"]) = (e, e);
                return (IReadOnlyDictionary<string, double>)d;
            }).ToList(),
        };
        var curves = new CurvesView(new ReportInput { Title = "t", Training = [Run(1, (1, 0.2, 0.1), (2, 0.4, null)), Run(2, (1, 0.4, 0.3), (2, 0.6, null), (3, 0.8, 0.5))] });

        var success = curves.Series("alfworld", "SPARK", "rollout_success");
        Assert.Equal([1.0, 2.0, 3.0], success.Select(p => p.Step));
        Assert.Equal(0.3, success[0].Value.Mean, 12);
        Assert.Equal(2, success[0].Value.N);
        Assert.Equal(1, success[2].Value.N);
        Assert.Equal([1.0, 3.0], curves.Series("alfworld", "SPARK", "eval_L2_success").Select(p => p.Step));
        Assert.Equal(["rollout_success", "eval_L2_success", "eval_L2_score"], curves.LearningMetrics("alfworld"));
        Assert.Equal(["kl"], curves.DiagnosticMetrics("alfworld"));
        Assert.Equal(["zz_custom"], curves.OtherMetrics("alfworld"));
        Assert.Equal(2, curves.Seeds("alfworld", "SPARK"));
    }

    [Fact]
    public void Token_use_is_relative_to_the_baselines_mean()
    {
        TokenUse T(string method, int seed, long tokens) => new() { Method = method, Env = "alfworld", Seed = seed, GeneratedTokens = tokens };
        var view = new TokensView(new ReportInput { Title = "t", Tokens = [T("GRPO", 1, 1000), T("GRPO", 2, 1200), T("SPARK", 1, 900), T("SPARK", 2, 1000)] });
        Assert.Equal(1.0, view.Cell("GRPO", "alfworld", "train")!.RelativeToBaseline);
        Assert.Equal(950.0 / 1100, view.Cell("SPARK", "alfworld", "train")!.RelativeToBaseline!.Value, 12);
        var noBaseline = new TokensView(new ReportInput { Title = "t", Tokens = [T("SPARK", 1, 900)] });
        Assert.False(noBaseline.HasRelative);
    }

    [Fact]
    public void The_paper_numbers_are_fractions_keyed_by_environment()
    {
        var paper = PaperNumbers.Qwen15B();
        Assert.Equal(0.969, paper.Single(p => p.Method == "SPARK" && p.Env == "alfworld" && p.Split == "L0" && p.Metric == PaperMetric.Success).Value, 12);
        Assert.Equal(0.492, paper.Single(p => p.Method == "SPARK" && p.Env == "scienceworld" && p.Split == "L2").Value, 12);
        Assert.Equal(0.888, paper.Single(p => p.Method == "SPARK" && p.Env == "webshop" && p.Metric == PaperMetric.Score).Value, 12);
        Assert.Equal(0.53, paper.Single(p => p.Method == "SPARK" && p.Env == "scienceworld" && p.Metric == PaperMetric.Tokens).Value, 12);
        ReportInputValidator.Validate(new ReportInput { Title = "t", Paper = paper });
    }

    [Fact]
    public void The_papers_claims_are_checked_on_the_reports_own_means()
    {
        SplitResult R(string method, string split, int seed, double success) =>
            new() { Method = method, Env = "alfworld", Split = split, Seed = seed, Episodes = 40, SuccessRate = success };
        TokenUse T(string method, long tokens) => new() { Method = method, Env = "alfworld", Seed = 1, GeneratedTokens = tokens };
        var input = new ReportInput
        {
            Title = "t",
            Results = [R("SFT", "L0", 1, 0.15), R("GRPO", "L0", 1, 0.05), R("GRPO", "L0", 2, 0.15), R("SPARK", "L0", 1, 0.10), R("SPARK", "L0", 2, 0.12),
                       R("SFT", "L1", 1, 0.10), R("GRPO", "L1", 1, 0.20), R("SPARK", "L1", 1, 0.30), R("SPARK", "L2", 1, 0.5)],
            Tokens = [T("GRPO", 1000), T("SPARK", 994)],
        };
        var claims = PaperClaims.Check(new ResultsView(input), new TokensView(input));

        // L0: GRPO's mean 10.0 < SFT's 15.0 — the ordering fails; L1 holds; L2 lacks SFT and GRPO, so no claim.
        Assert.Equal(["alfworld L0: success SFT < GRPO < SPARK", "alfworld L1: success SFT < GRPO < SPARK", "alfworld (train): SPARK generates fewer tokens than GRPO"],
            claims.Select(c => c.Claim));
        Assert.Equal([false, true, true], claims.Select(c => c.Holds));
        Assert.Equal("SFT 15.0, GRPO 10.0 ± 7.1, SPARK 11.0 ± 1.4", claims[0].Evidence);
        Assert.Contains("does not hold: alfworld L0", ResultsMarkdown.Render(input));
    }
}
