using System.Diagnostics;
using Spark.Core.Randomness;
using Spark.Core.Text;
using Spark.Environments;
using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;
using Spark.Training.Evaluation;
using Spark.Training.Optimization;
using Spark.Training.Runs;
using Spark.Training.Sequences;
using Spark.Training.Sft;
using static TorchSharp.torch;

namespace Spark.Training.Pretraining;

/// <summary>Progress after one optimizer step (<see cref="TotalSteps"/> is null until a time budget fixes it).</summary>
public sealed record PretrainProgress(int Step, int? TotalSteps, double Loss, double TokensPerSecond, long Tokens, TimeSpan Elapsed);

/// <summary>Held-out losses (nats per token) over every token and over the assistant turns only.</summary>
public sealed record HeldOutLoss(double All, double Actions);

/// <summary>What a pretraining run did and measured (the model card's figures).</summary>
public sealed record PretrainResult(
    string OutDir,
    IReadOnlyList<string> Environments,
    long Parameters,
    BpeTrainingStats Vocabulary,
    int Steps,
    long Tokens,
    long Episodes,
    double WonShare,
    double MeanEpisodeTokens,
    double FinalLoss,
    HeldOutLoss InitialHeldOut,
    HeldOutLoss FinalHeldOut,
    double TokensPerSecond,
    TimeSpan TrainingTime,
    TimeSpan Elapsed);

/// <summary>
/// The built-in model's pretraining: (1) a stream of guided-play episodes from every built-in suite, rendered as the
/// agent sees them; (2) a byte-level BPE vocabulary trained on the first episodes' text (and the expert's reason
/// sentences, so cold-start text tokenizes well); (3) the Qwen2 preset trained as a plain language model on whole
/// episodes for the budget. Everything follows from the seed. The output folder is a checkpoint (model, tokenizer)
/// with metrics.jsonl; the model card is written by <see cref="ModelCard"/>.
/// </summary>
public sealed class Pretrainer(PretrainOptions options)
{
    public PretrainOptions Options { get; } = options.Validate();
    public Action<PretrainProgress>? OnStep { get; init; }
    public Action<string>? OnStatus { get; init; }

    public PretrainResult Run(string outDir, CancellationToken cancel = default)
    {
        TorchRuntime.EnsureLoadable();
        var clock = Stopwatch.StartNew();
        var names = Options.Environments ?? [.. EnvironmentRegistry.Names.Order(StringComparer.Ordinal)];
        var suites = names.Select(n => EnvironmentRegistry.Create(n, new SuiteOptions(Options.EnvSeed))).ToList();
        var corpus = new PretrainCorpus(suites, Options.Seed);

        OnStatus?.Invoke($"playing {Options.TokenizerEpisodes} episodes ({string.Join(", ", names)}) for the vocabulary");
        var firstEpisodes = Enumerable.Range(0, Options.TokenizerEpisodes).Select(k => corpus.Episode(PretrainCorpus.TrainStream, k)).ToList();
        var vocabulary = TrainVocabulary(corpus, firstEpisodes);
        var tokenizer = vocabulary.CreateTokenizer();
        OnStatus?.Invoke($"vocabulary: {vocabulary.Stats.VocabSize} tokens ({vocabulary.Stats.StopReason})");

        var config = Qwen2Presets.Create(Options.Preset, tokenizer.VocabSize, eosTokenId: tokenizer.EndOfResponseId);
        using var model = new Qwen2ForCausalLM(config, Seeds.Derive(Options.Seed, "init"));
        var scorer = new SequenceScorer(tokenizer);
        var heldOut = Enumerable.Range(0, Options.HeldOutEpisodes)
            .Select(k => corpus.Episode(PretrainCorpus.HeldOutStream, k)).Where(e => e.Steps.Count > 0)
            .Select(e => Truncate(corpus.Render(e, tokenizer))).OfType<TrainingSequence>().ToList();
        var initialHeldOut = Measure(model, scorer, heldOut);
        OnStatus?.Invoke($"{config.ParameterCount():N0} parameters; held-out loss at init {initialHeldOut.All:F3}");

        using var optimizer = SupervisedStep.AdamW(model, Options.LearningRate, 0.9, 0.95, Options.WeightDecay);
        var step = new SupervisedStep(model, scorer, optimizer, Options.MaxGradNorm);
        var metrics = new MetricsLog(outDir, tensorboard: false);
        int? totalSteps = Options.Tokens is long budget ? (int)((budget + Options.StepTokens - 1) / Options.StepTokens) : null;
        var warmupOnly = new LearningRateSchedule(Options.LearningRate, Math.Max(1, Options.WarmupSteps), Options.WarmupSteps, Options.FinalLrFraction);
        LearningRateSchedule? schedule = totalSteps is int t0 ? Schedule(t0) : null;

        long episodeCursor = 0, tokens = 0, won = 0;
        double lastLoss = double.NaN;
        var training = Stopwatch.StartNew();
        var calibration = new Stopwatch();
        for (int s = 0; totalSteps is not int total || s < total; s++)
        {
            cancel.ThrowIfCancellationRequested();
            if (s == 1) calibration.Start();
            var batch = new List<TrainingSequence>();
            long stepTokens = 0;
            while (stepTokens < Options.StepTokens)
            {
                long k = episodeCursor++;
                var episode = k < firstEpisodes.Count ? firstEpisodes[(int)k] : corpus.Episode(PretrainCorpus.TrainStream, k);
                if (episode.Steps.Count == 0) continue;
                if (episode.Won) won++;
                var sequence = TrainingSequence.LanguageModel(corpus.Render(episode, tokenizer).Tokens).TruncateLeft(Options.MaxLength)!;
                batch.Add(sequence);
                stepTokens += sequence.Length;
            }
            var micro = SequenceBatcher.Chunk(batch, Options.MicroBatchTokens)
                .Select(ix => (IReadOnlyList<TrainingSequence>)ix.Select(i => batch[i]).ToList()).ToList();
            double lr = (schedule ?? warmupOnly).At(s);
            var stats = step.Run(micro, lr);
            tokens += stats.SequenceTokens;
            lastLoss = stats.Loss;

            if (totalSteps is null && s + 1 == PretrainOptions.CalibrationSteps)
            {
                double perStep = calibration.Elapsed.TotalSeconds / (PretrainOptions.CalibrationSteps - 1);
                double left = Options.Minutes!.Value * 60 - training.Elapsed.TotalSeconds;
                totalSteps = PretrainOptions.CalibrationSteps + Math.Max(0, (int)(left / perStep));
                schedule = Schedule(totalSteps.Value);
                OnStatus?.Invoke($"{perStep:F2} s per step: {totalSteps} steps fit in {Options.Minutes} minutes " +
                                 $"(re-run exactly with --tokens {(long)totalSteps.Value * Options.StepTokens})");
            }
            var row = new Dictionary<string, double>
            {
                ["loss"] = stats.Loss, ["lr"] = lr, ["grad_norm"] = stats.GradNorm, ["tokens"] = tokens,
                ["tokens_per_s"] = tokens / training.Elapsed.TotalSeconds,
            };
            bool last = totalSteps is int end && s + 1 == end;
            if ((s + 1) % Options.EvalEvery == 0 || last)
            {
                var measured = Measure(model, scorer, heldOut);
                row["held_out_loss"] = measured.All;
                row["held_out_action_loss"] = measured.Actions;
            }
            metrics.Write(s + 1, row);
            OnStep?.Invoke(new PretrainProgress(s + 1, totalSteps, stats.Loss, tokens / training.Elapsed.TotalSeconds, tokens, clock.Elapsed));
        }
        var trainingTime = training.Elapsed;
        var finalHeldOut = Measure(model, scorer, heldOut);
        PolicyCheckpoint.Publish(model, tokenizer, outDir);
        return new PretrainResult(outDir, names, config.ParameterCount(), vocabulary.Stats, totalSteps ?? 0, tokens, episodeCursor,
            episodeCursor == 0 ? 0 : (double)won / episodeCursor, episodeCursor == 0 ? 0 : (double)tokens / episodeCursor,
            lastLoss, initialHeldOut, finalHeldOut, tokens / trainingTime.TotalSeconds, trainingTime, clock.Elapsed);
    }

    LearningRateSchedule Schedule(int totalSteps) =>
        new(Options.LearningRate, totalSteps, Math.Min(Options.WarmupSteps, totalSteps), Options.FinalLrFraction);

    TrainingSequence? Truncate(TrainingSequence sequence) => sequence.TruncateLeft(Options.MaxLength);

    /// <summary>The vocabulary is learnt from the episodes' conversation text (rendered through a byte-level
    /// tokenizer without merges, then decoded, so the text is exactly what the chat format produces) and the
    /// expert's reason sentences.</summary>
    BpeTrainingResult TrainVocabulary(PretrainCorpus corpus, IReadOnlyList<PlayedEpisode> episodes)
    {
        var bytes = BpeTrainer.Train([], new BpeTrainerOptions { VocabSize = 256 + BuiltInTokens.All.Count + 1 }).CreateTokenizer();
        var texts = new List<string>();
        foreach (var e in episodes)
        {
            if (e.Steps.Count > 0) texts.Add(bytes.Decode(corpus.Render(e, bytes).Tokens));
            texts.Add(string.Join("\n", e.ExpertReasons.Select(r => $"<think>{r}</think>")));
        }
        return BpeTrainer.Train(texts, new BpeTrainerOptions { VocabSize = Options.VocabSize });
    }

    HeldOutLoss Measure(Qwen2ForCausalLM model, SequenceScorer scorer, IReadOnlyList<TrainingSequence> sequences)
    {
        model.eval();
        using var _ = no_grad();
        return new HeldOutLoss(Loss(model, scorer, sequences.Select(s => TrainingSequence.LanguageModel(s.Tokens)).ToList()),
            Loss(model, scorer, sequences));
    }

    double Loss(Qwen2ForCausalLM model, SequenceScorer scorer, IReadOnlyList<TrainingSequence> sequences)
    {
        double sum = 0;
        long count = 0;
        foreach (var ix in SequenceBatcher.Chunk(sequences, Options.MicroBatchTokens))
        {
            using var scope = NewDisposeScope();
            var scores = scorer.Score(model, ix.Select(i => sequences[i]).ToList());
            sum -= scores.LogProbs.sum().item<float>();
            count += scores.Tokens;
        }
        return count == 0 ? double.NaN : sum / count;
    }
}
