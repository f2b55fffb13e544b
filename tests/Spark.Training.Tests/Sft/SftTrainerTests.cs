using Spark.Core.Configuration;
using Spark.Training.Agents;
using Spark.Training.Agents.Prompts;
using Spark.Training.Evaluation;
using Spark.Training.Sft;
using Spark.Training.Tests.Agents.TestDoubles;
using Spark.Training.Tests.Sequences;

namespace Spark.Training.Tests.Sft;

public sealed class SftTrainerTests
{
    static readonly PromptOptions Episode = PromptOptions.Compact with { Mode = PromptMode.Episode };

    [Fact]
    public void The_small_model_overfits_a_few_trajectories_and_replays_them_in_the_environment()
    {
        // The two shortest expert trajectories of sixteen tasks (a search, a take, a put), to keep the test fast.
        var data = SmallPolicy.Data(16).OrderBy(t => t.Steps.Count).ThenBy(t => t.Index).Take(2).ToList();
        string init = SmallPolicy.Checkpoint(seed: 2, hidden: 128);
        string output = Path.Combine(Path.GetDirectoryName(init)!, "sft");
        var options = new SftOptions(Episode, Epochs: 60, LearningRate: 5e-3, WarmupRatio: 0.05, BatchTokens: 8192, MaxLength: null, CheckpointEvery: 1000);

        var result = new SftTrainer(options).Run(data, init, output, resume: false);

        Assert.True(result.FinalLoss < 0.5, $"final loss {result.FinalLoss}");
        using var policy = PolicyCheckpoint.OpenPolicy(output);
        var summary = Evaluator.Run(policy.Engine, new FakeAlfworldSuite(), "train", data.Select(t => t.Index),
            AgentOptions.BuiltIn(PromptMode.Episode, temperature: 0f), seed: 1);
        Assert.True(summary.SuccessRate == 1.0, $"loss {result.FinalLoss:F3}: " + string.Join(" || ", summary.EpisodeResults.Select((e, i) =>
            $"{e.InvalidSteps} invalid, got [{string.Join("; ", e.Actions)}] want [{string.Join("; ", data[i].Steps.Select(s => s.Action))}]")));
        for (int i = 0; i < data.Count; i++)
            Assert.Equal(data[i].Steps.Select(s => s.Action), summary.EpisodeResults[i].Actions);
    }

    [Fact]
    public void A_resumed_run_reaches_the_same_weights_as_an_uninterrupted_one()
    {
        var data = SmallPolicy.Data(6);
        string init = SmallPolicy.Checkpoint(seed: 4, hidden: 32, layers: 1);
        string root = Path.GetDirectoryName(init)!;
        var options = new SftOptions(PromptOptions.Compact with { Mode = PromptMode.Window }, Epochs: 2, LearningRate: 3e-3,
            BatchTokens: 1024, Accumulate: 2, CheckpointEvery: 2);

        var whole = new SftTrainer(options).Run(data, init, Path.Combine(root, "whole"), resume: false);
        Assert.True(whole.Steps >= 6, $"{whole.Steps} steps");

        using var cancel = new CancellationTokenSource();
        var interrupted = new SftTrainer(options) { OnStep = p => { if (p.Step == 3) cancel.Cancel(); } };
        Assert.Throws<OperationCanceledException>(() => interrupted.Run(data, init, Path.Combine(root, "parts"), resume: false, cancel.Token));
        Assert.False(File.Exists(Path.Combine(root, "parts", "model.safetensors")));
        int resumedFrom = -1;
        var resumed = new SftTrainer(options) { OnStep = p => resumedFrom = resumedFrom < 0 ? p.Step : resumedFrom }
            .Run(data, init, Path.Combine(root, "parts"), resume: true);

        Assert.Equal(4, resumedFrom); // the checkpoint written on cancel (step 3), then step 4 onwards
        Assert.Equal(whole.Steps, resumed.Steps);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "whole", "model.safetensors")),
            File.ReadAllBytes(Path.Combine(root, "parts", "model.safetensors")));
        Assert.Equal(whole.Steps, Spark.Training.Runs.MetricsLog.Read(Path.Combine(root, "parts")).Count);

        // Other settings refuse to resume that run.
        var changed = options with { LearningRate = 1e-3 };
        var error = Assert.Throws<InvalidDataException>(() => new SftTrainer(changed).Run(data, init, Path.Combine(root, "parts"), resume: true));
        Assert.Contains("different settings", error.Message);
    }

    [Theory]
    [InlineData("epochs")]
    [InlineData("lr")]
    [InlineData("batch-tokens")]
    [InlineData("accumulate")]
    [InlineData("warmup-ratio")]
    [InlineData("prompt")]
    public void Bad_options_name_the_field(string field)
    {
        var good = new SftOptions(Episode);
        var bad = field switch
        {
            "epochs" => good with { Epochs = 0 },
            "lr" => good with { LearningRate = -1 },
            "batch-tokens" => good with { BatchTokens = 3 },
            "accumulate" => good with { Accumulate = 0 },
            "warmup-ratio" => good with { WarmupRatio = 1.5 },
            _ => good with { Prompt = PromptOptions.PaperRl },
        };
        Assert.Equal(field, Assert.Throws<ConfigException>(() => bad.Validate()).Field);
    }

    [Fact]
    public void No_data_is_refused()
    {
        Assert.Equal("data", Assert.Throws<ConfigException>(() => new SftTrainer(new SftOptions(Episode)).Run([], "unused", "unused", false)).Field);
    }
}
