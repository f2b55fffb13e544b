using Spark.Core.Configuration;

namespace Spark.Training.Pretraining;

/// <summary>
/// Settings of the built-in model's pretraining. The budget is either <see cref="Tokens"/> (exactly reproducible) or
/// <see cref="Minutes"/> (the run measures its speed over the first steps, fixes the step count, and records the
/// equivalent token budget so it can be re-run exactly).
/// </summary>
/// <param name="Seed">Fixes the corpus, the vocabulary and the initial weights.</param>
/// <param name="Preset">Model shape (<see cref="Spark.Models.Qwen2.Qwen2Presets"/>).</param>
/// <param name="Tokens">Training tokens (sequence tokens, no padding); rounded up to whole steps.</param>
/// <param name="Minutes">Wall-time budget instead of <see cref="Tokens"/>.</param>
/// <param name="Environments">Suites to play (null: every suite in the environment registry).</param>
/// <param name="EnvSeed">World seed of the suites (the same worlds SFT and evaluation use by default).</param>
/// <param name="VocabSize">Total vocabulary of the trained BPE tokenizer (special tokens included).</param>
/// <param name="TokenizerEpisodes">Episodes whose text (plus the expert's reasons) trains the vocabulary.</param>
/// <param name="StepTokens">Sequence tokens per optimizer step (whole episodes are added until this is reached).</param>
/// <param name="MicroBatchTokens">Padded tokens per forward pass.</param>
/// <param name="MaxLength">Longer episodes keep their last tokens.</param>
/// <param name="WarmupSteps">Linear warmup; with a time budget the speed is measured inside it, so the schedule up to
/// the moment the step count is fixed does not depend on it.</param>
/// <param name="HeldOutEpisodes">Episodes of a separate stream, never trained on, to measure the loss on.</param>
/// <param name="EvalEvery">Optimizer steps between held-out measurements.</param>
public sealed record PretrainOptions(
    ulong Seed = 1,
    string Preset = "tiny",
    long? Tokens = null,
    double? Minutes = null,
    IReadOnlyList<string>? Environments = null,
    int EnvSeed = 1,
    int VocabSize = 2048,
    int TokenizerEpisodes = 1000,
    int StepTokens = 16384,
    int MicroBatchTokens = 8192,
    int MaxLength = 4096,
    double LearningRate = 2e-3,
    int WarmupSteps = 30,
    double FinalLrFraction = 0.1,
    double WeightDecay = 0.01,
    double MaxGradNorm = 1.0,
    int HeldOutEpisodes = 32,
    int EvalEvery = 200)
{
    /// <summary>Steps whose speed decides the step count of a time-budgeted run.</summary>
    public const int CalibrationSteps = 10;

    public PretrainOptions Validate()
    {
        ConfigException.Require(Tokens is null != Minutes is null, "budget", "give exactly one of --tokens and --minutes");
        ConfigException.Require(Tokens is null or > 0, "tokens", $"must be positive, got {Tokens}");
        ConfigException.Require(Minutes is null or > 0, "minutes", $"must be positive, got {Minutes}");
        ConfigException.Require(VocabSize > 300, "vocab-size", $"must be more than 300, got {VocabSize}");
        ConfigException.Require(TokenizerEpisodes >= 1, "tokenizer-episodes", $"must be at least 1, got {TokenizerEpisodes}");
        ConfigException.Require(StepTokens >= 64, "step-tokens", $"must be at least 64, got {StepTokens}");
        ConfigException.Require(MicroBatchTokens >= 64, "micro-batch-tokens", $"must be at least 64, got {MicroBatchTokens}");
        ConfigException.Require(MaxLength >= 64, "max-length", $"must be at least 64, got {MaxLength}");
        ConfigException.Require(LearningRate > 0 && double.IsFinite(LearningRate), "lr", $"must be a positive number, got {LearningRate}");
        ConfigException.Require(Minutes is null ? WarmupSteps >= 0 : WarmupSteps >= CalibrationSteps, "warmup-steps",
            $"must be at least {(Minutes is null ? 0 : CalibrationSteps)} (the speed is measured during warmup), got {WarmupSteps}");
        ConfigException.Require(FinalLrFraction is >= 0 and <= 1, "final-lr-fraction", $"must be in [0, 1], got {FinalLrFraction}");
        ConfigException.Require(WeightDecay >= 0, "weight-decay", $"must be 0 or more, got {WeightDecay}");
        ConfigException.Require(MaxGradNorm > 0, "max-grad-norm", $"must be positive, got {MaxGradNorm}");
        ConfigException.Require(HeldOutEpisodes >= 1, "held-out-episodes", $"must be at least 1, got {HeldOutEpisodes}");
        ConfigException.Require(EvalEvery >= 1, "eval-every", $"must be at least 1, got {EvalEvery}");
        return this;
    }
}
