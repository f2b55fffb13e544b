namespace Spark.Environments.Remote;

/// <summary>A server's state as the pool sees it.</summary>
/// <param name="Busy">Environments of this pool's episodes on the server now.</param>
/// <param name="Idle">Finished environments kept for reuse.</param>
/// <param name="Healthy">False while the server cools down after a failure.</param>
public sealed record ServerStatus(Uri Url, int Busy, int Idle, bool Healthy, long Failures);

/// <summary>An environment on one server, rented by one episode.</summary>
public sealed record RemoteSlot(RemoteServer Server, long Id)
{
    public AgentGymHttp Http => Server.Http;
}

/// <summary>One server of the pool. Mutable fields are guarded by the pool's lock.</summary>
public sealed class RemoteServer(Uri url, AgentGymHttp http)
{
    public Uri Url { get; } = url;
    public AgentGymHttp Http { get; } = http;
    internal readonly Stack<long> Idle = new();
    internal int Busy;
    internal long Failures;
    internal DateTimeOffset DownUntil = DateTimeOffset.MinValue;
}

/// <summary>
/// Environment slots sharded over several servers of one kind. A new slot goes to the healthy server with
/// the fewest busy slots (ties in turn), reusing a finished environment there when one is kept. A server
/// whose call failed is avoided for <see cref="RemoteOptions.ServerCooldown"/> and its kept environments
/// are dropped (a restarted server no longer knows them). Thread-safe.
/// </summary>
public sealed class RemoteEnvironmentPool : IDisposable
{
    readonly RemoteServer[] _servers;
    readonly Lock _lock = new();
    readonly TimeProvider _time;
    int _turn;

    public RemoteEnvironmentPool(AgentGymDialect dialect, IEnumerable<Uri> servers, RemoteOptions? options = null,
        Func<Uri, HttpMessageHandler>? handlers = null, TimeProvider? time = null)
    {
        Dialect = dialect;
        Options = options ?? new RemoteOptions();
        _time = time ?? TimeProvider.System;
        _servers = [.. servers.Distinct().Select(u => new RemoteServer(u, new AgentGymHttp(u, Options, handlers?.Invoke(u))))];
        if (_servers.Length == 0) throw new ArgumentException("at least one server URL is needed", nameof(servers));
    }

    public AgentGymDialect Dialect { get; }
    public RemoteOptions Options { get; }

    public IReadOnlyList<ServerStatus> Servers
    {
        get
        {
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                return [.. _servers.Select(s => new ServerStatus(s.Url, s.Busy, s.Idle.Count, now >= s.DownUntil, s.Failures))];
            }
        }
    }

    /// <summary>A slot on the best server, preferring any but <paramref name="avoid"/>. Tries the servers in
    /// order of preference until one creates an environment; throws the last failure if none does.</summary>
    public RemoteSlot Rent(Uri? avoid = null)
    {
        RemoteEnvironmentException? last = null;
        foreach (var server in Preference(avoid))
        {
            lock (_lock)
            {
                server.Busy++;
                if (server.Idle.TryPop(out long kept)) return new RemoteSlot(server, kept);
            }
            try
            {
                return new RemoteSlot(server, Dialect.Create(server.Http));
            }
            catch (RemoteEnvironmentException e)
            {
                lock (_lock) server.Busy--;
                MarkDown(server);
                last = e;
            }
        }
        throw last!;
    }

    /// <summary>The episode is finished with the slot and it still works: keep it for the next episode there.</summary>
    public void Return(RemoteSlot slot)
    {
        bool keep;
        lock (_lock)
        {
            slot.Server.Busy--;
            keep = _time.GetUtcNow() >= slot.Server.DownUntil && slot.Server.Idle.Count < Options.MaxIdlePerServer;
            if (keep) slot.Server.Idle.Push(slot.Id);
        }
        if (!keep) CloseQuietly(slot.Server, slot.Id);
    }

    /// <summary>The slot failed with <paramref name="cause"/>. No answer or a garbled one puts its server in
    /// cool-down and the environment is left to the server's idle eviction (closing it could hang too); a refusal
    /// leaves the server in use and closes the environment.</summary>
    public void Discard(RemoteSlot slot, RemoteEnvironmentException cause)
    {
        lock (_lock) slot.Server.Busy--;
        if (cause.Transient) MarkDown(slot.Server);
        else CloseQuietly(slot.Server, slot.Id);
    }

    /// <summary>Closes the environments kept for reuse. Slots still rented are their episodes' to return.</summary>
    public void Dispose()
    {
        foreach (var server in _servers)
        {
            long[] idle;
            lock (_lock)
            {
                idle = [.. server.Idle];
                server.Idle.Clear();
            }
            foreach (long id in idle) CloseQuietly(server, id);
            server.Http.Dispose();
        }
    }

    IEnumerable<RemoteServer> Preference(Uri? avoid)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            int turn = _turn++;
            return [.. _servers
                .Select((s, i) => (s, i))
                .OrderBy(x => now >= x.s.DownUntil ? 0 : 1)          // healthy first
                .ThenBy(x => x.s.Url == avoid ? 1 : 0)                  // then any but the one that just failed
                .ThenBy(x => now >= x.s.DownUntil ? x.s.Busy : 0)     // then the least loaded
                .ThenBy(x => now >= x.s.DownUntil ? TimeSpan.Zero : x.s.DownUntil - now) // or the first back
                .ThenBy(x => (x.i - turn % _servers.Length + _servers.Length) % _servers.Length) // ties in turn
                .Select(x => x.s)];
        }
    }

    void MarkDown(RemoteServer server)
    {
        lock (_lock)
        {
            server.Failures++;
            server.DownUntil = _time.GetUtcNow() + Options.ServerCooldown;
            server.Idle.Clear();
        }
    }

    void CloseQuietly(RemoteServer server, long id)
    {
        try { Dialect.Close(server.Http, id); }
        catch (RemoteEnvironmentException) { /* best effort: the server evicts idle environments itself */ }
    }
}
