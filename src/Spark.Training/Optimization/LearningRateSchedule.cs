using Spark.Core.Configuration;

namespace Spark.Training.Optimization;

/// <summary>
/// Learning rate as a pure function of the optimizer step: linear warmup, then cosine decay to a floor
/// (or constant, as the paper's RL stage). Stateless, so a resumed run gets the same rates.
/// </summary>
public sealed record LearningRateSchedule(double PeakLr, int TotalSteps, int WarmupSteps = 0, double FinalLrFraction = 0.1, bool Cosine = true)
{
    public static LearningRateSchedule Constant(double lr) => new(lr, 1, 0, 1.0, Cosine: false);

    public void Validate()
    {
        ConfigException.Require(PeakLr > 0 && double.IsFinite(PeakLr), "lr", $"must be a positive number, got {PeakLr}");
        ConfigException.Require(TotalSteps > 0, "steps", $"must be > 0, got {TotalSteps}");
        ConfigException.Require(WarmupSteps >= 0 && WarmupSteps <= TotalSteps, "warmup", $"must be in [0, {TotalSteps}], got {WarmupSteps}");
        ConfigException.Require(FinalLrFraction is >= 0 and <= 1, "final_lr_fraction", $"must be in [0, 1], got {FinalLrFraction}");
    }

    /// <summary>The rate for optimizer step <paramref name="step"/> (0-based).</summary>
    public double At(int step)
    {
        if (WarmupSteps > 0 && step < WarmupSteps) return PeakLr * (step + 1) / WarmupSteps;
        if (!Cosine) return PeakLr;
        int decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        double progress = Math.Clamp((double)(step - WarmupSteps) / decaySteps, 0, 1);
        double floor = PeakLr * FinalLrFraction;
        return floor + (PeakLr - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
