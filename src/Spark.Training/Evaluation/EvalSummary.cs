using Spark.Core.Metrics;

namespace Spark.Training.Evaluation;

/// <summary>One evaluated episode.</summary>
/// <param name="TaskId">"alfworld/L0/7".</param>
/// <param name="Score">The environment's final score (WebShop's reward, ScienceWorld's progress; ALFWorld 0/1).</param>
/// <param name="Truncated">Ended by the step limit rather than by the task.</param>
/// <param name="GeneratedTokens">Response tokens sampled over the episode.</param>
/// <param name="InvalidSteps">Steps whose response broke the format rules.</param>
/// <param name="ExploreSteps">Steps whose response held a complete &lt;explore&gt;…&lt;/explore&gt;.</param>
/// <param name="RepeatedSteps">Steps that repeat an (observation, action) pair of an earlier step of the episode
/// (<see cref="RolloutMetrics.IsRepeat"/>).</param>
/// <param name="Actions">The actions sent, in order.</param>
public sealed record EvalEpisode(
    string TaskId,
    string TaskType,
    bool Won,
    double Score,
    int Steps,
    bool Truncated,
    long GeneratedTokens,
    int InvalidSteps,
    int ExploreSteps,
    int RepeatedSteps,
    IReadOnlyList<string> Actions);

/// <summary>Success of one task type.</summary>
public sealed record TaskTypeResult(string TaskType, int Episodes, double SuccessRate);

/// <summary>
/// What a linear evaluation measured. Rates over steps count every step of every episode; the definitions are
/// <see cref="RolloutMetrics"/>'s (a linear episode is a tree without branches).
/// </summary>
/// <param name="SuccessRate">Share of episodes won.</param>
/// <param name="SuccessStdErr">Binomial standard error of <paramref name="SuccessRate"/>: √(p(1−p)/n).</param>
/// <param name="MeanScore">Mean final score (WebShop's score).</param>
/// <param name="MeanSteps">Mean episode length in steps.</param>
/// <param name="GeneratedTokens">Response tokens sampled over all episodes.</param>
/// <param name="RepetitiveActionRatio">Share of steps that repeat an action already taken in the same episode from the
/// same observation (<see cref="RolloutMetrics.RepetitiveActionRatio"/>).</param>
/// <param name="ExploreRatio">Share of steps with a complete &lt;explore&gt;…&lt;/explore&gt;.</param>
/// <param name="InvalidRatio">Share of steps whose response broke the format rules.</param>
/// <param name="Seconds">Wall time of the evaluation.</param>
public sealed record EvalSummary(
    string Env,
    string Split,
    int Episodes,
    double SuccessRate,
    double SuccessStdErr,
    double MeanScore,
    double MeanSteps,
    long GeneratedTokens,
    double RepetitiveActionRatio,
    double ExploreRatio,
    double InvalidRatio,
    double Seconds,
    IReadOnlyList<TaskTypeResult> ByTaskType,
    IReadOnlyList<EvalEpisode> EpisodeResults)
{
    /// <summary>One line for logs: "L0: success 12.1% ± 2.8 (140 episodes), …".</summary>
    public string Describe() =>
        FormattableString.Invariant($"{Env} {Split}: success {SuccessRate:P1} ± {SuccessStdErr * 100:F1} ({Episodes} episodes), score {MeanScore:F3}, ") +
        FormattableString.Invariant($"mean steps {MeanSteps:F1}, generated tokens {GeneratedTokens:N0}, repetitive {RepetitiveActionRatio:P1}, ") +
        FormattableString.Invariant($"explore {ExploreRatio:P1}, invalid {InvalidRatio:P1}, {Seconds:F1} s");
}
