namespace Spark.Environments.Remote;

/// <summary>How patient the remote-environment clients are. Defaults suit real servers; tests shrink the times.</summary>
public sealed record RemoteOptions
{
    /// <summary>Per HTTP request. AgentGym's clients wait 300 s (WebShop searches and ScienceWorld loads are slow).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Retries of one idempotent request (create, reset, reads, close) on 5xx, timeouts and refused connections.
    /// A step is never re-sent blindly: it may have been applied, so the episode is rebuilt by replay instead.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First back-off; each retry doubles it (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Times one reset or step may move its episode to a fresh environment (on any server) before it gives up.</summary>
    public int MaxRecoveries { get; init; } = 3;

    /// <summary>A server that failed is not given new environments for this long (unless every server has failed).</summary>
    public TimeSpan ServerCooldown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Finished environments kept per server for reuse (AgentGym's guidance: create once per slot, reset per episode).</summary>
    public int MaxIdlePerServer { get; init; } = 64;

    /// <summary>Check that replayed observations equal the recorded ones (on by default; off only to measure its cost).</summary>
    public bool VerifyReplay { get; init; } = true;

    /// <summary>Seeds the back-off jitter.</summary>
    public int Seed { get; init; } = 1;
}
