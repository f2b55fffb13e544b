using System.Diagnostics;
using Spark.Core.Advantages;
using Spark.Core.Environments;
using Spark.Core.Metrics;
using Spark.Core.Randomness;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Models.Checkpoints;
using Spark.Models.Generation;
using Spark.Models.Qwen2;
using Spark.Training.Agents;
using Spark.Training.Evaluation;
using Spark.Training.Optimization;
using Spark.Training.Runs;
using Spark.Training.Sequences;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Training.Rl;

/// <summary>One finished iteration, for progress displays.</summary>
public sealed record RlIterationReport(int Iteration, int Iterations, IReadOnlyDictionary<string, double> Metrics);

/// <summary>
/// The RL loop: each iteration rolls out a batch of training tasks as trees (the chosen strategy: spark, chains,
/// fixed, entropy), turns them into scored samples (the chosen advantage estimator), and updates the policy with
/// PPO + KL to the frozen initial (SFT) model. It evaluates every few iterations, logs metrics to metrics.jsonl and
/// TensorBoard, and checkpoints so a killed run resumes where it left off with the same numbers.
/// </summary>
/// <param name="suite">The environment suite (usually <c>EnvironmentRegistry.Create(options.Env, …)</c>).</param>
/// <param name="initDir">The starting checkpoint (the SFT model); also the frozen KL reference.</param>
/// <param name="outDir">The run folder: metrics.jsonl, tensorboard/, checkpoints/, trees/, final/.</param>
public sealed class RlTrainer(RlOptions options, IEnvironmentSuite suite, string initDir, string outDir)
{
    public Action<RlIterationReport>? OnIteration { get; init; }
    public Action<string>? OnStatus { get; init; }
    public Action<string>? OnWarning { get; init; }

    /// <summary>Runs (or, with <paramref name="resume"/>, continues) the training; returns the final checkpoint folder.</summary>
    /// <param name="cancel">Checked between the phases of an iteration; a cancelled run stops without saving,
    /// exactly like a killed one, and resumes from its last checkpoint.</param>
    public string Run(bool resume, CancellationToken cancel = default)
    {
        options.Validate();
        var device = options.Device == "cuda" ? CUDA : CPU;
        // Models and optimizer are disposed when the run ends (optimizer first): left to the finalizer thread, their
        // native memory was freed while a later evaluation in the same process ran, and libtorch failed on it.
        var (policy, tokenizer) = PolicyCheckpoint.Load(initDir, device);
        using var ownedPolicy = policy;
        using var reference = options.Loss.KlCoef > 0 ? FrozenCopy(initDir, device) : null;
        using var optimizer = optim.AdamW(policy.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        // Per iteration, so that an iteration whose mini-batches were filtered away does not shift later rates.
        var schedule = options.DecayLearningRate
            ? new LearningRateSchedule(options.LearningRate, options.Iterations, FinalLrFraction: 0.1)
            : LearningRateSchedule.Constant(options.LearningRate);

        var checkpoints = new RunCheckpoints(outDir);
        string fingerprint = options.ResumeFingerprint();
        int start = 0, optimizerStep = 0;
        if (resume && checkpoints.LoadLatest(fingerprint) is var (dir, manifest))
        {
            PolicyCheckpoint.LoadWeightsInto(policy, Path.Combine(dir, "model"));
            optimizer.load_state_dict(Path.Combine(dir, "optimizer.bin"));
            start = manifest.Step;
            optimizerStep = int.Parse(manifest.Extra["optimizer_step"]);
            OnStatus?.Invoke($"resumed from {dir} (iteration {start})");
        }
        var metrics = new MetricsLog(outDir, resumeFromStep: resume ? start : null);

        var strategy = BranchStrategies.Create(options.Strategy, options.Branching);
        var estimator = AdvantageEstimators.Get(options.Advantage);
        var agentOptions = options.Agent with { ReturnEntropy = options.Agent.ReturnEntropy || strategy.NeedsEntropies };
        // A budget that window-mode prompts of one iteration never exceed (the cache is cleared every iteration).
        using var engine = new GenerationEngine(policy, tokenizer, options: new EngineOptions(PrefixCacheBytes: 4L << 30));
        var agent = new PolicyAgent(engine, agentOptions);
        var updater = new PolicyUpdater(policy, reference, new SequenceScorer(tokenizer), optimizer, options.Loss,
            options.Update with { Temperature = agentOptions.Temperature }, OnWarning);

        if (start == 0 && options.EvalEvery > 0)
            metrics.Write(0, Evaluate(engine, suite, 0));
        for (int iteration = start + 1; iteration <= options.Iterations; iteration++)
        {
            var row = new Dictionary<string, double>();
            var clock = Stopwatch.StartNew();
            OnStatus?.Invoke($"iteration {iteration}: rollout");
            engine.InvalidateCache(); // weights changed: cached keys/values are stale
            var tasks = TaskSampler.Sample(suite, options.TrainSplit, options.TasksPerIteration, options.Seed, iteration, options.TrainFraction);
            var rollout = new TreeRolloutEngine(agent, strategy, new RolloutOptions { Seed = options.Seed, MaxSteps = options.MaxSteps })
                .Run(tasks, t => suite.Create(t.Split, t.Index), iteration);
            row["time_rollout_s"] = clock.Elapsed.TotalSeconds;
            cancel.ThrowIfCancellationRequested();
            AddRolloutMetrics(row, rollout);
            if (options.TreesEvery > 0 ? iteration % options.TreesEvery == 0 || iteration == options.Iterations : iteration == options.Iterations)
                RolloutTreeJson.Write(Path.Combine(outDir, "trees", $"iteration-{iteration:D4}.json"), rollout);

            OnStatus?.Invoke($"iteration {iteration}: update");
            clock.Restart();
            var trained = options.SkipUniformGroups ? RewardSpread.Contrasting(rollout.Trees) : rollout.Trees;
            row["groups_trained"] = trained.Count;
            var scored = TrainingSamples.Score(trained, estimator, options.AdvantageOptions);
            var sequences = RlSequenceBuilder.Build(trained, scored, agentOptions.PromptOptions.Mode, estimator.Layout);
            double lr = schedule.At(iteration - 1);
            var stats = updater.Update(sequences, Seeds.Derive(options.Seed, "update", iteration), lr, ref optimizerStep);
            row["time_update_s"] = clock.Elapsed.TotalSeconds;
            cancel.ThrowIfCancellationRequested();
            AddUpdateMetrics(row, stats, lr);

            if (options.EvalEvery > 0 && (iteration % options.EvalEvery == 0 || iteration == options.Iterations))
                foreach (var (k, v) in Evaluate(engine, suite, iteration)) row[k] = v;
            metrics.Write(iteration, row);
            OnIteration?.Invoke(new RlIterationReport(iteration, options.Iterations, row));

            if (iteration % options.CheckpointEvery == 0 || iteration == options.Iterations)
                checkpoints.Save(iteration, fingerprint, d =>
                {
                    PolicyCheckpoint.Save(policy, tokenizer, Path.Combine(d, "model"));
                    optimizer.save_state_dict(Path.Combine(d, "optimizer.bin"));
                }, new Dictionary<string, string> { ["optimizer_step"] = optimizerStep.ToString() });
        }
        string final = Path.Combine(outDir, "final");
        Spark.Core.IO.AtomicFile.ReplaceDirectory(final, d => PolicyCheckpoint.Save(policy, tokenizer, d));
        return final;
    }

    Dictionary<string, double> Evaluate(GenerationEngine engine, IEnvironmentSuite suite, int iteration)
    {
        var row = new Dictionary<string, double>();
        engine.InvalidateCache();
        foreach (var split in options.EvalSplits)
        {
            OnStatus?.Invoke($"iteration {iteration}: evaluating {split}");
            int n = Math.Min(options.EvalCount ?? int.MaxValue, suite.Count(split));
            var summary = Evaluator.Run(engine, suite, split, Enumerable.Range(0, n), options.EvalAgent, Seeds.Derive(options.Seed, "eval"), options.MaxSteps);
            row[$"eval_{split}_success"] = summary.SuccessRate;
            row[$"eval_{split}_score"] = summary.MeanScore;
            row[$"eval_{split}_tokens"] = summary.GeneratedTokens;
        }
        engine.InvalidateCache();
        return row;
    }

    static void AddRolloutMetrics(Dictionary<string, double> row, RolloutBatch rollout)
    {
        var m = RolloutMetrics.Of(rollout);
        var a = rollout.Accounting;
        row["rollout_success"] = m.SuccessRate;
        row["reward_mean"] = m.MeanReward;
        row["invalid_ratio"] = m.InvalidActionRatio;
        row["explore_ratio"] = m.ExploreRatio;
        row["repetitive_ratio"] = m.RepetitiveActionRatio;
        row["mean_steps"] = m.MeanSteps;
        row["leaves"] = rollout.Trees.Sum(t => t.Leaves.Count);
        row["tokens_generated"] = a.GeneratedTokens;
        row["tokens_generated_chains"] = a.ChainsGeneratedTokens;
        row["prompt_tokens_computed"] = a.PromptTokensComputed;
        row["env_steps"] = a.EnvironmentSteps;
        row["branch_events"] = a.BranchEvents;
    }

    static void AddUpdateMetrics(Dictionary<string, double> row, UpdateStats s, double lr)
    {
        row["loss"] = s.Loss;
        row["pg_loss"] = s.PolicyLoss;
        row["kl"] = s.Kl;
        row["entropy"] = s.Entropy;
        row["clip_fraction"] = s.ClipFraction;
        row["approx_kl_old"] = s.ApproxKl;
        row["grad_norm"] = s.GradNorm;
        row["optimizer_steps"] = s.OptimizerSteps;
        row["skipped_steps"] = s.SkippedSteps;
        row["response_tokens_trained"] = s.ResponseTokens;
        row["lr"] = lr;
    }

    static Qwen2ForCausalLM FrozenCopy(string dir, Device device)
    {
        var (model, _) = PolicyCheckpoint.Load(dir, device);
        foreach (var p in model.parameters()) p.requires_grad = false;
        model.eval();
        return model;
    }
}
