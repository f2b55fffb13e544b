using Microsoft.Extensions.Logging;

namespace Spark.Serving;

/// <summary>
/// The server's log events (structured, source-generated). Lifecycle events are Debug and steps Trace,
/// so a default (Information) run prints start-up, evictions, refusals and failures only.
/// </summary>
static partial class ServingLog
{
    [LoggerMessage(1, LogLevel.Information, "Serving {Env} (AgentGym API) on {Urls}: {Tasks} tasks ({Layout}), at most {Capacity} environments, idle timeout {IdleTimeout}")]
    public static partial void Started(ILogger log, string env, string urls, int tasks, string layout, int capacity, TimeSpan idleTimeout);

    [LoggerMessage(2, LogLevel.Debug, "Environment {Id} created ({Live}/{Capacity} live)")]
    public static partial void Created(ILogger log, long id, int live, int capacity);

    [LoggerMessage(3, LogLevel.Debug, "Environment {Id} closed ({Live} live)")]
    public static partial void Closed(ILogger log, long id, int live);

    [LoggerMessage(4, LogLevel.Information, "Environment {Id} evicted after {Idle} idle")]
    public static partial void Evicted(ILogger log, long id, TimeSpan idle);

    [LoggerMessage(5, LogLevel.Warning, "Create refused: {Capacity} environments live and none idle")]
    public static partial void Full(ILogger log, int capacity);

    [LoggerMessage(6, LogLevel.Debug, "Environment {Id} reset to task {Task} ({TaskId})")]
    public static partial void Reset(ILogger log, long id, int task, string taskId);

    [LoggerMessage(7, LogLevel.Trace, "Environment {Id} step {Step}: {Action} -> reward {Reward}, done {Done}")]
    public static partial void Stepped(ILogger log, long id, int step, string action, double reward, bool done);

    [LoggerMessage(8, LogLevel.Warning, "{Route} on environment {Id} failed: {Message}")]
    public static partial void Failed(ILogger log, string route, long id, string message, Exception error);

    [LoggerMessage(9, LogLevel.Debug, "{Route} on environment {Id} refused: {Message}")]
    public static partial void Refused(ILogger log, string route, long id, string message);
}
