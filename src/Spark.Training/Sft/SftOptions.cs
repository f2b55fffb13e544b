using Spark.Core.Configuration;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Sft;

/// <summary>
/// Cold-start SFT settings. The defaults are the paper's recipe where it carries over (AdamW β 0.9/0.95, weight decay
/// 0.01, cosine schedule with 10% warmup, gradient clip 1.0, 3 epochs, loss on response tokens only); the learning
/// rate and batch come from the preset (<see cref="Presets.TrainingPresets"/>), since a 1M-parameter model on a CPU
/// wants other numbers than a 1.5B one on GPUs.
/// </summary>
/// <param name="Prompt">Prompt style and mode: the sequences are built with the agent's own prompt code.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="WarmupRatio">Share of the optimizer steps spent warming up linearly.</param>
/// <param name="FinalLrFraction">The cosine ends at this fraction of the peak (veRL's SFT: 0).</param>
/// <param name="WeightDecay">AdamW weight decay.</param>
/// <param name="Beta1">AdamW β1.</param>
/// <param name="Beta2">AdamW β2.</param>
/// <param name="MaxGradNorm">Gradient clipping by global norm.</param>
/// <param name="BatchTokens">Padded tokens (rows × longest row) per forward pass.</param>
/// <param name="Accumulate">Forward passes whose gradients add up to one optimizer step.</param>
/// <param name="MaxLength">Longer sequences keep their last tokens (left truncation, as the paper); null keeps all.</param>
/// <param name="Seed">Fixes batch composition and order.</param>
/// <param name="CheckpointEvery">Optimizer steps between run checkpoints (the last step is always saved).</param>
public sealed record SftOptions(
    PromptOptions Prompt,
    int Epochs = 3,
    double LearningRate = 1e-3,
    double WarmupRatio = 0.1,
    double FinalLrFraction = 0.0,
    double WeightDecay = 0.01,
    double Beta1 = 0.9,
    double Beta2 = 0.95,
    double MaxGradNorm = 1.0,
    int BatchTokens = 8192,
    int Accumulate = 1,
    int? MaxLength = 4096,
    ulong Seed = 1,
    int CheckpointEvery = 50)
{
    public SftOptions Validate()
    {
        ConfigException.Require(Epochs >= 1, "epochs", $"must be at least 1, got {Epochs}");
        ConfigException.Require(LearningRate > 0 && double.IsFinite(LearningRate), "lr", $"must be a positive number, got {LearningRate}");
        ConfigException.Require(WarmupRatio is >= 0 and < 1, "warmup-ratio", $"must be in [0, 1), got {WarmupRatio}");
        ConfigException.Require(FinalLrFraction is >= 0 and <= 1, "final-lr-fraction", $"must be in [0, 1], got {FinalLrFraction}");
        ConfigException.Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), "weight-decay", $"must be 0 or more, got {WeightDecay}");
        ConfigException.Require(Beta1 is >= 0 and < 1, "beta1", $"must be in [0, 1), got {Beta1}");
        ConfigException.Require(Beta2 is >= 0 and < 1, "beta2", $"must be in [0, 1), got {Beta2}");
        ConfigException.Require(MaxGradNorm > 0, "max-grad-norm", $"must be positive, got {MaxGradNorm}");
        ConfigException.Require(BatchTokens >= 16, "batch-tokens", $"must be at least 16, got {BatchTokens}");
        ConfigException.Require(Accumulate >= 1, "accumulate", $"must be at least 1, got {Accumulate}");
        ConfigException.Require(MaxLength is null or >= 16, "max-length", $"must be at least 16, got {MaxLength}");
        ConfigException.Require(CheckpointEvery >= 1, "checkpoint-every", $"must be at least 1, got {CheckpointEvery}");
        ConfigException.Require(!(Prompt.Style == PromptStyle.Paper && Prompt.IncludeAdmissible), "prompt",
            "cold-start data has no admissible actions: use the compact prompt or the paper's cold-start (_CS) templates");
        Prompt.Validate();
        return this;
    }

    /// <summary>What must not change across a resume (the checkpoint interval may).</summary>
    public SftOptions ResumeSettings() => this with { CheckpointEvery = 1 };
}
