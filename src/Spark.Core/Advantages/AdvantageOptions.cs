using Spark.Core.Configuration;

namespace Spark.Core.Advantages;

/// <summary>Constants of the estimators; the defaults are the paper's code (and verl-agent's GiGPO examples).</summary>
public sealed record AdvantageOptions
{
    /// <summary>Subtracted from the score of a sample whose response was invalid (verl-agent's <c>invalid_action_penalty_coef</c>).</summary>
    public double InvalidPenalty { get; init; } = 0.1;

    /// <summary>Added to the standard deviation before dividing.</summary>
    public double Epsilon { get; init; } = 1e-6;

    /// <summary>GiGPO: discount of the step returns (verl-agent's ALFWorld example: 0.95).</summary>
    public double Gamma { get; init; } = 0.95;

    /// <summary>GiGPO: weight of the step advantage added to the episode advantage.</summary>
    public double StepWeight { get; init; } = 1.0;

    /// <summary>GiGPO: divide by the group's standard deviation (<c>mean_std_norm</c>, verl-agent's examples) or only
    /// subtract the mean (<c>mean_norm</c>). Applies to both the episode and the step term.</summary>
    public bool GigpoDivideByStd { get; init; } = true;

    public void Validate()
    {
        ConfigException.Require(double.IsFinite(InvalidPenalty), "invalid-penalty", $"must be a finite number, got {InvalidPenalty}");
        ConfigException.Require(Epsilon > 0, "epsilon", $"must be positive, got {Epsilon}");
        ConfigException.Require(Gamma is >= 0 and <= 1, "gamma", $"must be in [0, 1], got {Gamma}");
        ConfigException.Require(double.IsFinite(StepWeight), "step-weight", $"must be a finite number, got {StepWeight}");
    }
}
