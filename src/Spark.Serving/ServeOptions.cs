using Microsoft.Extensions.Logging;
using Spark.Core.Configuration;

namespace Spark.Serving;

/// <summary>How to run an environment server.</summary>
/// <param name="Host">Address to listen on; 127.0.0.1 keeps it local, 0.0.0.0 (AgentGym's default) opens it to the network.</param>
/// <param name="Port">TCP port; 0 picks a free one (tests).</param>
/// <param name="MaxEnvironments">Live environments at most; a create beyond this first evicts idle ones, then answers 503.</param>
/// <param name="IdleTimeout">An environment unused this long is evicted (null: 30 minutes).</param>
/// <param name="Split">Serve only this split: task index i is the split's task i. Null: all splits end to end.</param>
/// <param name="SplitOrder">The order of the splits in the task index when <paramref name="Split"/> is null (default: the suite's).</param>
/// <param name="Seed">Seeds the random WebShop sessions (<c>session_id: null</c>).</param>
/// <param name="IdBase">First environment id; null derives one from the clock, so that a restarted server does
/// not hand out the ids its predecessor's clients still hold.</param>
/// <param name="LogLevel">Minimum level of Spark's log events (framework events: Warning and above).</param>
/// <param name="JsonLogs">One JSON object per log line instead of text.</param>
public sealed record ServeOptions(
    string Host = "127.0.0.1",
    int Port = 36001,
    int MaxEnvironments = 1024,
    TimeSpan? IdleTimeout = null,
    string? Split = null,
    IReadOnlyList<string>? SplitOrder = null,
    int Seed = 1,
    long? IdBase = null,
    LogLevel LogLevel = LogLevel.Information,
    bool JsonLogs = false)
{
    public TimeSpan EffectiveIdleTimeout => IdleTimeout ?? TimeSpan.FromMinutes(30);

    public void Validate()
    {
        ConfigException.Require(Port is >= 0 and <= 65535, "port", $"{Port} is not a TCP port");
        ConfigException.Require(MaxEnvironments >= 1, "max-envs", $"must be at least 1, got {MaxEnvironments}");
        ConfigException.Require(EffectiveIdleTimeout > TimeSpan.Zero, "idle-timeout", "must be positive");
        ConfigException.Require(System.Net.IPAddress.TryParse(Host, out _) || Host == "localhost", "host",
            $"'{Host}' is not an IP address (use 127.0.0.1, 0.0.0.0, ::1 or localhost)");
    }
}
