using System.Text.Json.Serialization;
using Spark.Core.Environments;

namespace Spark.Environments.Remote;

/// <summary>
/// What a Spark server adds, under the key <c>"spark"</c>, to AgentGym's reset and step answers: the
/// parts of <see cref="StepResult"/> that AgentGym's fields round or leave out. AgentGym's own clients
/// ignore the key; Spark's clients use it when present, so an episode over HTTP equals the in-process
/// one exactly, and infer the values from AgentGym's fields when talking to an original server.
/// </summary>
/// <param name="Observation">Set only when the in-process observation differs from the one AgentGym's field
/// carries (e.g. SciWorld puts the task description in its own field).</param>
public sealed record SparkStepInfo(
    [property: JsonPropertyName("reward")] double Reward,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("won")] bool Won,
    [property: JsonPropertyName("accepted")] bool Accepted,
    [property: JsonPropertyName("truncated")] bool Truncated,
    [property: JsonPropertyName("task_type")] string TaskType,
    [property: JsonPropertyName("goal")] string Goal,
    [property: JsonPropertyName("observation")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Observation = null)
{
    public const string Key = "spark";

    public static SparkStepInfo From(StepResult r, TaskInfo task, string nativeObservation) =>
        new(r.Reward, r.Score, r.Won, r.ActionAccepted, r.Truncated, task.TaskType, task.Goal,
            r.Observation == nativeObservation ? null : r.Observation);

    public StepResult ToResult(string nativeObservation, bool done) =>
        new(Observation ?? nativeObservation, Reward, done, Won, Score, Accepted, Truncated);
}
