using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Spark.Serving.Registry;

/// <summary>The server is full: it holds <see cref="Capacity"/> environments, none idle long enough to evict.</summary>
public sealed class CapacityExceededException(int capacity)
    : Exception($"server at capacity: {capacity} live environments; close some or retry later")
{
    public int Capacity { get; } = capacity;
}

/// <summary>Counters for the health route and the tests.</summary>
public sealed record RegistryStats(int Live, int Capacity, int HighWater, long Created, long Closed, long Evicted, TimeSpan IdleTimeout);

/// <summary>
/// The server's environments by id. Thread-safe. Memory stays bounded: at most <c>capacity</c> slots live
/// at once, and a slot unused for <c>idleTimeout</c> is evicted (by <see cref="Sweep"/>, which runs on a
/// timer and before a create would be refused). A slot is used by one request at a time: requests take
/// its lease and wait their turn; eviction only takes slots nobody holds. Ids are never reused within a
/// process and start at a per-process base, so a client holding an id from a dead server process cannot
/// silently drive somebody else's environment on its successor.
/// </summary>
public sealed class LiveEnvironmentRegistry
{
    readonly ConcurrentDictionary<long, LiveEnvironment> _entries = new();
    readonly object _createLock = new();
    readonly TimeProvider _time;
    readonly ILogger _log;
    long _nextId;
    int _highWater;
    long _created, _closed, _evicted;

    public LiveEnvironmentRegistry(int capacity, TimeSpan idleTimeout, TimeProvider time, ILogger log, long idBase)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTimeout, TimeSpan.Zero);
        Capacity = capacity;
        IdleTimeout = idleTimeout;
        _time = time;
        _log = log;
        _nextId = idBase;
    }

    public int Capacity { get; }
    public TimeSpan IdleTimeout { get; }
    public int Live => _entries.Count;

    public RegistryStats Stats => new(Live, Capacity, Volatile.Read(ref _highWater), Interlocked.Read(ref _created),
        Interlocked.Read(ref _closed), Interlocked.Read(ref _evicted), IdleTimeout);

    /// <summary>Ids of the live slots, in creation order.</summary>
    public IReadOnlyList<long> Ids => [.. _entries.Keys.Order()];

    /// <summary>Adds an empty slot; evicts idle slots first when full; throws <see cref="CapacityExceededException"/> if still full.</summary>
    public LiveEnvironment Create()
    {
        lock (_createLock)
        {
            if (_entries.Count >= Capacity) Sweep();
            if (_entries.Count >= Capacity) throw new CapacityExceededException(Capacity);
            var entry = new LiveEnvironment(_nextId++, _time.GetUtcNow());
            _entries[entry.Id] = entry;
            _highWater = Math.Max(_highWater, _entries.Count);
            Interlocked.Increment(ref _created);
            ServingLog.Created(_log, entry.Id, _entries.Count, Capacity);
            return entry;
        }
    }

    /// <summary>Waits for the slot's lease; null when the id is unknown, closed or evicted.</summary>
    public async Task<Lease?> AcquireAsync(long id, CancellationToken cancel)
    {
        if (!_entries.TryGetValue(id, out var entry)) return null;
        await entry.Gate.WaitAsync(cancel);
        if (entry.Closed)
        {
            entry.Gate.Release();
            return null;
        }
        return new Lease(this, entry);
    }

    /// <summary>Closes the slot once any request using it has finished. False when the id is not live.</summary>
    public async Task<bool> CloseAsync(long id, CancellationToken cancel)
    {
        using var lease = await AcquireAsync(id, cancel);
        if (lease == null) return false;
        Remove(lease.Entry);
        Interlocked.Increment(ref _closed);
        ServingLog.Closed(_log, id, _entries.Count);
        return true;
    }

    /// <summary>Evicts every slot idle for longer than the timeout and not in use; returns how many.</summary>
    public int Sweep()
    {
        var now = _time.GetUtcNow();
        int evicted = 0;
        foreach (var entry in _entries.Values)
        {
            if (now - entry.LastUsed <= IdleTimeout || !entry.Gate.Wait(0)) continue;
            try
            {
                if (entry.Closed || now - entry.LastUsed <= IdleTimeout) continue;
                Remove(entry);
                evicted++;
                Interlocked.Increment(ref _evicted);
                ServingLog.Evicted(_log, entry.Id, now - entry.LastUsed);
            }
            finally { entry.Gate.Release(); }
        }
        return evicted;
    }

    /// <summary>Closes everything (server shutdown).</summary>
    public void Clear()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Gate.Wait();
            try { Remove(entry); }
            finally { entry.Gate.Release(); }
        }
    }

    // Caller holds the entry's gate.
    void Remove(LiveEnvironment entry)
    {
        entry.Closed = true;
        _entries.TryRemove(entry.Id, out _);
        (entry.Env as IDisposable)?.Dispose();
        entry.Env = null;
    }

    /// <summary>Exclusive use of one slot for one request; disposing it marks the slot used now.</summary>
    public sealed class Lease(LiveEnvironmentRegistry owner, LiveEnvironment entry) : IDisposable
    {
        bool _released;

        public LiveEnvironment Entry { get; } = entry;

        public void Dispose()
        {
            if (_released) return;
            _released = true;
            Entry.LastUsed = owner._time.GetUtcNow();
            Entry.Gate.Release();
        }
    }
}
