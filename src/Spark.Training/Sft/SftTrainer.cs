using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Spark.Core.Configuration;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Evaluation;
using Spark.Training.Optimization;
using Spark.Training.Runs;
using Spark.Training.Sequences;

namespace Spark.Training.Sft;

/// <summary>Progress after one optimizer step.</summary>
public sealed record SftProgress(int Step, int TotalSteps, int Epoch, StepStats Stats, double LearningRate, double TokensPerSecond, TimeSpan Elapsed);

/// <summary>What a finished run produced.</summary>
/// <param name="OutDir">The loadable checkpoint folder (model, tokenizer, metrics, run checkpoints).</param>
/// <param name="Sequences">Training sequences built from the data.</param>
/// <param name="PaddingShare">Share of the processed tokens that were padding.</param>
public sealed record SftResult(string OutDir, int Sequences, int Steps, double FinalLoss, double PaddingShare, TimeSpan Elapsed);

/// <summary>
/// Cold-start SFT: the trajectories become sequences through the agent's prompt code (window or episode mode), the
/// loss covers response tokens only (end token included), and training runs AdamW with a cosine schedule, gradient
/// clipping, accumulation and length-bucketed batches. Run checkpoints (model, optimizer state, position) are written
/// atomically; a resumed run reaches the same weights as an uninterrupted one. The output folder is a checkpoint that
/// evaluation and RL load directly. Cancelling stops after the current step and saves a checkpoint first.
/// </summary>
public sealed class SftTrainer(SftOptions options)
{
    public Action<SftProgress>? OnStep { get; init; }
    public Action<string>? OnStatus { get; init; }

    public SftOptions Options { get; } = options.Validate();

    /// <param name="modelDir">The model to start from ("tiny" for the shipped base, or a checkpoint folder).</param>
    /// <param name="outDir">Run folder; it ends as a loadable checkpoint.</param>
    /// <param name="resume">Continue from the latest run checkpoint in <paramref name="outDir"/>, if any.</param>
    public SftResult Run(IReadOnlyList<ColdStartTrajectory> data, string modelDir, string outDir, bool resume, CancellationToken cancel = default)
    {
        ConfigException.Require(data.Count > 0, "data", "no trajectories to train on");
        var clock = Stopwatch.StartNew();
        var (model, tokenizer) = PolicyCheckpoint.Load(modelDir);
        using var _ = model;
        var sequences = SequenceBuilder.FromColdStart(data, tokenizer, Options.Prompt, Options.MaxLength);
        ConfigException.Require(sequences.Count > 0, "data", "no sequence kept a response token (max-length too small?)");
        var plan = Plan(sequences);
        OnStatus?.Invoke($"{data.Count} trajectories → {sequences.Count} sequences ({sequences.Sum(s => (long)s.Length):N0} tokens, " +
                         $"{sequences.Sum(s => (long)s.ResponseTokens):N0} supervised), {plan.Count} optimizer steps, " +
                         $"padding {SequenceBatcher.PaddingShare(sequences, plan.SelectMany(p => p.Batches)):P1}");

        using var optimizer = SupervisedStep.AdamW(model, Options.LearningRate, Options.Beta1, Options.Beta2, Options.WeightDecay);
        var schedule = new LearningRateSchedule(Options.LearningRate, plan.Count,
            (int)Math.Round(Options.WarmupRatio * plan.Count), Options.FinalLrFraction);
        var checkpoints = new RunCheckpoints(outDir);
        string fingerprint = RunCheckpoints.Fingerprint(new { options = Options.ResumeSettings(), data = Digest(sequences) });
        int start = 0;
        if (resume && checkpoints.LoadLatest(fingerprint) is var (dir, manifest))
        {
            PolicyCheckpoint.LoadWeightsInto(model, Path.Combine(dir, "model"));
            optimizer.load_state_dict(Path.Combine(dir, "optimizer.bin"));
            start = manifest.Step;
            OnStatus?.Invoke($"resumed from {dir} (step {start} of {plan.Count})");
        }
        var metrics = new MetricsLog(outDir, resumeFromStep: resume ? start : null);
        var step = new SupervisedStep(model, new SequenceScorer(tokenizer), optimizer, Options.MaxGradNorm);

        void Save(int done) => checkpoints.Save(done, fingerprint, d =>
        {
            PolicyCheckpoint.Save(model, tokenizer, Path.Combine(d, "model"));
            optimizer.save_state_dict(Path.Combine(d, "optimizer.bin"));
        });

        double lastLoss = double.NaN;
        long padded = 0, real = 0;
        var throughput = Stopwatch.StartNew();
        for (int s = start; s < plan.Count; s++)
        {
            var (epoch, batches) = plan[s];
            double lr = schedule.At(s);
            var stats = step.Run(batches.Select(b => (IReadOnlyList<TrainingSequence>)b.Select(i => sequences[i]).ToList()).ToList(), lr);
            lastLoss = stats.Loss;
            padded += stats.PaddedTokens;
            real += stats.SequenceTokens;
            double tokensPerSecond = real / Math.Max(1e-9, throughput.Elapsed.TotalSeconds);
            metrics.Write(s + 1, new Dictionary<string, double>
            {
                ["loss"] = stats.Loss, ["lr"] = lr, ["grad_norm"] = stats.GradNorm, ["epoch"] = epoch + 1,
                ["tokens_per_s"] = tokensPerSecond, ["supervised_tokens"] = stats.Tokens,
            });
            OnStep?.Invoke(new SftProgress(s + 1, plan.Count, epoch + 1, stats, lr, tokensPerSecond, clock.Elapsed));
            bool last = s + 1 == plan.Count;
            if (last || (s + 1) % Options.CheckpointEvery == 0 || cancel.IsCancellationRequested) Save(s + 1);
            cancel.ThrowIfCancellationRequested();
        }

        PolicyCheckpoint.Publish(model, tokenizer, outDir);
        return new SftResult(outDir, sequences.Count, plan.Count, lastLoss, padded == 0 ? 0 : 1 - (double)real / padded, clock.Elapsed);
    }

    /// <summary>Every optimizer step of the run: its epoch and its batches (indices into the sequences).</summary>
    List<(int Epoch, int[][] Batches)> Plan(IReadOnlyList<TrainingSequence> sequences)
    {
        var plan = new List<(int, int[][])>();
        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            var batches = SequenceBatcher.Epoch(sequences, Options.BatchTokens, Options.Seed, epoch);
            for (int i = 0; i < batches.Count; i += Options.Accumulate)
                plan.Add((epoch, batches.Skip(i).Take(Options.Accumulate).ToArray()));
        }
        return plan;
    }

    /// <summary>A digest of the training tokens and spans, so a resume refuses different data.</summary>
    static string Digest(IReadOnlyList<TrainingSequence> sequences)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in sequences)
        {
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.Tokens.AsSpan()));
            foreach (var span in s.Spans) hash.AppendData(BitConverter.GetBytes(((long)span.Start << 32) | (uint)span.Length));
            hash.AppendData(BitConverter.GetBytes(-1L));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
