namespace Spark.Environments.Remote;

/// <summary>Why a call to an environment server failed.</summary>
public enum RemoteFailure
{
    /// <summary>No answer: refused connection, timeout, or an HTTP 5xx/408/429 (including 503 "at capacity").</summary>
    Unreachable,

    /// <summary>The server answered that it would not: <c>{"error": …}</c> (AgentGym's 200-with-error) or a 4xx.</summary>
    Rejected,

    /// <summary>The answer was not what the route returns (bad JSON, a missing or mistyped field).</summary>
    Malformed,
}

/// <summary>A failed call to an AgentGym-style environment server; the message names the server and the route.</summary>
public sealed class RemoteEnvironmentException(RemoteFailure kind, Uri server, string message, Exception? inner = null)
    : Exception($"{server} {message}", inner)
{
    public RemoteFailure Kind { get; } = kind;
    public Uri Server { get; } = server;

    /// <summary>Worth asking again (the same server, after a pause, or another one).</summary>
    public bool Transient => Kind != RemoteFailure.Rejected;
}

/// <summary>Replaying an episode's actions on a fresh environment did not reproduce what the episode saw: the
/// server is not deterministic for this task (or is a different version), so the episode cannot be moved.</summary>
public sealed class ReplayDivergedException(string message) : Exception(message);
