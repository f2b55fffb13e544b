using Spark.Cli.Pipeline;
using Spark.Core.Configuration;
using Spark.Training.Tests.Agents.TestDoubles;
using Spark.Training.Tests.Sequences;

namespace Spark.Training.Tests.Pipeline;

/// <summary><c>spark run</c>'s pipeline on the small policy and the fake ALFWorld: every stage, the report, and a restart.</summary>
public sealed class RunPipelineTests
{
    sealed class Quiet : IStageDisplay
    {
        public List<string> Stages { get; } = [];
        public T Run<T>(string label, Func<Action<int, int?, string>, Action<string>, T> work)
        {
            Stages.Add(label);
            return work((_, _, _) => { }, _ => { });
        }
        public void Log(string line) { }
    }

    static RunPlan Plan(string baseModel) => new("test", "alfworld", ColdStart: 4, SftEpochs: 1, Iterations: 1, TasksPerIteration: 2,
        EvalCount: 2, EvalSplits: ["test"], Methods: RunPlan.SparkVsGrpo, Seeds: [1], BaseModel: baseModel, LearningRate: 1e-3, MaxSteps: 3);

    [Fact]
    public void Runs_every_stage_then_a_restart_reuses_them_and_other_settings_are_refused()
    {
        string init = SmallPolicy.Checkpoint(seed: 11, hidden: 32, layers: 1);
        string run = Path.Combine(Path.GetDirectoryName(init)!, "run");
        var plan = Plan(init);

        var display = new Quiet();
        var files = new RunPipeline(plan, run, new FakeAlfworldSuite()) { Display = display }.Run();

        Assert.Equal(["sft", "eval SFT-test", "SPARK s1", "eval SPARK-s1-test", "GRPO s1", "eval GRPO-s1-test"], display.Stages);
        Assert.True(File.Exists(Path.Combine(run, "data", "cold-start.jsonl")));
        Assert.True(File.Exists(Path.Combine(run, "sft", "model.safetensors")));
        foreach (var method in new[] { "SPARK", "GRPO" })
            Assert.True(File.Exists(Path.Combine(run, "rl", $"{method}-s1", "final", "model.safetensors")), method);
        string table = File.ReadAllText(Path.Combine(run, "results.md"));
        Assert.Contains("SPARK", table);
        Assert.Contains("GRPO", table);
        Assert.True(File.Exists(files.IndexHtml));

        // Started again: nothing is redone.
        var again = new Quiet();
        new RunPipeline(plan, run, new FakeAlfworldSuite()) { Display = again }.Run();
        Assert.Empty(again.Stages);

        var error = Assert.Throws<ConfigException>(() =>
            new RunPipeline(plan with { Iterations = 2 }, run, new FakeAlfworldSuite()) { Display = new Quiet() }.Run());
        Assert.Equal("--out", error.Field);
    }

    [Theory]
    [InlineData("spark,chains", "SPARK", "GRPO")]
    [InlineData("A=fixed,B=entropy", "A", "B")]
    public void Methods_parse_with_default_or_given_labels(string text, string first, string second)
    {
        var methods = RunPlan.ParseMethods(text);
        Assert.Equal([first, second], methods.Select(m => m.Label));
    }

    [Fact]
    public void Unknown_plans_and_strategies_name_the_option()
    {
        Assert.Equal("--preset", Assert.Throws<ConfigException>(() => RunPlan.For("huge")).Field);
        Assert.Equal("--methods", Assert.Throws<ConfigException>(() => RunPlan.ParseMethods("spark,bogus")).Field);
    }

    [Fact]
    public void Bench_studies_share_the_default_spark_arm_and_become_ablations_over_seeds()
    {
        var arms = BenchStudies.AllArms(["main", "m", "n"]);
        Assert.Equal(["SPARK", "GRPO", "SPARK M=2", "SPARK M=6", "SPARK N=4", "SPARK N=16"], arms.Select(a => a.Label));
        Assert.Equal(6, arms.Single(a => a.Label == "SPARK M=6").Apply(new()).Roots);

        var results = new[] { ("SPARK M=2", 1, 0.2), ("SPARK M=2", 2, 0.4), ("SPARK", 1, 0.5), ("SPARK M=6", 1, 0.1) }
            .Select(r => new Spark.Reporting.Input.SplitResult { Method = r.Item1, Env = "alfworld", Split = "L0", Seed = r.Item2, Episodes = 10, SuccessRate = r.Item3 })
            .ToList();
        var m = BenchStudies.Ablations(["main", "m"], results).Single(a => a.Id == "m");
        Assert.Equal(["2", "2", "4", "6"], m.Points.Select(p => p.X));
        Assert.Equal("unknown study 'z'; known: main, triggers, sample-efficiency, m, b, n",
            Assert.Throws<ConfigException>(() => BenchStudies.Parse("main,z")).Message.Split(": ", 2)[1]);
    }
}
