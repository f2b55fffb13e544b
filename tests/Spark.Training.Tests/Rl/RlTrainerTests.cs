using System.Text.Json;
using Spark.Core.Rollouts.Branching;
using Spark.Training.Agents;
using Spark.Training.Agents.Prompts;
using Spark.Training.Rl;
using Spark.Training.Runs;
using Spark.Training.Tests.Agents.TestDoubles;
using Spark.Training.Tests.Sequences;

namespace Spark.Training.Tests.Rl;

/// <summary>The RL loop end to end on the small policy and the fake ALFWorld: metrics, checkpoints, exact resume.</summary>
public sealed class RlTrainerTests
{
    static RlOptions Options(int iterations) => new()
    {
        Strategy = "spark",
        Branching = new BranchingOptions { Roots = 2, Budget = 4, Factor = 2 },
        Iterations = iterations,
        TasksPerIteration = 2,
        LearningRate = 1e-3,
        Update = new UpdateOptions(MiniBatches: 2, MicroBatchTokens: 4096),
        Agent = AgentOptions.BuiltIn(PromptMode.Episode, temperature: 1f) with { MaxNewTokens = 24 },
        EvalAgent = AgentOptions.BuiltIn(PromptMode.Episode, temperature: 0.4f) with { MaxNewTokens = 24 },
        EvalSplits = ["test"],
        EvalCount = 2,
        EvalEvery = 2,
        CheckpointEvery = 1,
        MaxSteps = 4,
        Seed = 7,
    };

    static List<Dictionary<string, JsonElement>> Metrics(string run) =>
        MetricsLog.Read(run).Select(r => r.Where(kv => !kv.Key.StartsWith("time_")).ToDictionary()).ToList();

    [Fact]
    public void Three_iterations_write_metrics_trees_checkpoints_and_a_final_model()
    {
        string init = SmallPolicy.Checkpoint(seed: 3, hidden: 32, layers: 1);
        string run = Path.Combine(Path.GetDirectoryName(init)!, "rl");

        string final = new RlTrainer(Options(3), new FakeAlfworldSuite(), init, run).Run(resume: false);

        var rows = MetricsLog.Read(run);
        Assert.Equal([0, 1, 2, 3], rows.Select(r => r["step"].GetInt32()));
        Assert.True(rows[0].ContainsKey("eval_test_success"));           // the starting point is evaluated
        Assert.True(rows[2].ContainsKey("eval_test_success"));           // and every EvalEvery iterations
        foreach (var key in new[] { "rollout_success", "kl", "entropy", "clip_fraction", "grad_norm", "tokens_generated", "explore_ratio" })
            Assert.True(rows[1].ContainsKey(key), key);
        Assert.True(File.Exists(Path.Combine(final, "model.safetensors")));
        Assert.True(File.Exists(Path.Combine(run, "trees", "iteration-0003.json")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(run, "tensorboard")));
    }

    [Fact]
    public void Two_iterations_killed_and_resumed_equal_three_uninterrupted()
    {
        string init = SmallPolicy.Checkpoint(seed: 5, hidden: 32, layers: 1);
        string root = Path.GetDirectoryName(init)!;
        string whole = Path.Combine(root, "whole"), parts = Path.Combine(root, "parts");
        new RlTrainer(Options(3), new FakeAlfworldSuite(), init, whole).Run(resume: false);

        // Killed during iteration 3, after its rollout: nothing of iteration 3 is saved.
        using var cancel = new CancellationTokenSource();
        var killed = new RlTrainer(Options(3), new FakeAlfworldSuite(), init, parts)
        {
            OnStatus = s => { if (s.StartsWith("iteration 3: update")) cancel.Cancel(); },
        };
        Assert.Throws<OperationCanceledException>(() => killed.Run(resume: false, cancel.Token));
        Assert.Equal([0, 1, 2], MetricsLog.Read(parts).Select(r => r["step"].GetInt32()));

        new RlTrainer(Options(3), new FakeAlfworldSuite(), init, parts).Run(resume: true);

        var expected = Metrics(whole);
        var actual = Metrics(parts);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.Equal(JsonSerializer.Serialize(expected[i]), JsonSerializer.Serialize(actual[i]));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "final", "model.safetensors")),
            File.ReadAllBytes(Path.Combine(parts, "final", "model.safetensors")));
    }

    [Fact]
    public void Resuming_under_other_settings_is_refused()
    {
        string init = SmallPolicy.Checkpoint(seed: 6, hidden: 32, layers: 1);
        string run = Path.Combine(Path.GetDirectoryName(init)!, "rl");
        new RlTrainer(Options(1), new FakeAlfworldSuite(), init, run).Run(resume: false);

        var other = Options(2) with { LearningRate = 5e-3 };
        var e = Assert.Throws<InvalidDataException>(() => new RlTrainer(other, new FakeAlfworldSuite(), init, run).Run(resume: true));
        Assert.Contains("different settings", e.Message);
    }

    [Fact]
    public void A_decaying_run_resumed_with_another_length_is_refused()
    {
        string init = SmallPolicy.Checkpoint(seed: 6, hidden: 32, layers: 1);
        string run = Path.Combine(Path.GetDirectoryName(init)!, "rl-decay");
        var options = Options(1) with { EvalEvery = 0, DecayLearningRate = true };
        new RlTrainer(options, new FakeAlfworldSuite(), init, run).Run(resume: false);

        // The schedule is spread over the run's iterations, so a longer run would have used other rates so far.
        var e = Assert.Throws<InvalidDataException>(() =>
            new RlTrainer(options with { Iterations = 2 }, new FakeAlfworldSuite(), init, run).Run(resume: true));
        Assert.Contains("different settings", e.Message);
    }

    [Fact]
    public void Skipping_uniform_groups_trains_nothing_when_every_leaf_failed()
    {
        string init = SmallPolicy.Checkpoint(seed: 8, hidden: 32, layers: 1);
        string root = Path.GetDirectoryName(init)!;
        var options = Options(1) with { EvalEvery = 0 };
        new RlTrainer(options, new FakeAlfworldSuite(), init, Path.Combine(root, "all")).Run(resume: false);
        new RlTrainer(options with { SkipUniformGroups = true }, new FakeAlfworldSuite(), init, Path.Combine(root, "filtered")).Run(resume: false);

        var all = MetricsLog.Read(Path.Combine(root, "all")).Single();
        var filtered = MetricsLog.Read(Path.Combine(root, "filtered")).Single();
        Assert.Equal(0, all["rollout_success"].GetDouble());              // an untrained policy wins nothing in 4 steps
        Assert.Equal(2, all["groups_trained"].GetDouble());
        Assert.True(all["response_tokens_trained"].GetDouble() > 0);
        Assert.Equal(0, filtered["groups_trained"].GetDouble());
        Assert.Equal(0, filtered["response_tokens_trained"].GetDouble());
        Assert.Equal(File.ReadAllBytes(Path.Combine(init, "model.safetensors")),
            File.ReadAllBytes(Path.Combine(root, "filtered", "final", "model.safetensors")));
    }

    [Fact]
    public void A_decaying_learning_rate_falls_each_iteration_towards_a_tenth()
    {
        string init = SmallPolicy.Checkpoint(seed: 9, hidden: 32, layers: 1);
        string run = Path.Combine(Path.GetDirectoryName(init)!, "decay");
        new RlTrainer(Options(3) with { EvalEvery = 0, DecayLearningRate = true }, new FakeAlfworldSuite(), init, run).Run(resume: false);

        var lrs = MetricsLog.Read(run).Select(r => r["lr"].GetDouble()).ToList();
        Assert.Equal(3, lrs.Count);
        Assert.Equal(1e-3, lrs[0], 12);                                  // the first iteration runs at the peak
        Assert.True(lrs[0] > lrs[1] && lrs[1] > lrs[2], string.Join(", ", lrs));
        Assert.True(lrs[2] >= 1e-4, string.Join(", ", lrs));             // never below the floor
    }
}
