using Spark.Core.Environments;

namespace Spark.Serving.Registry;

/// <summary>
/// One environment slot on the server, as a client sees it through its id. AgentGym creates the slot
/// first and loads a task into it on <c>/reset</c>, so <see cref="Env"/> is null until then. Only the
/// request holding the slot's lease (<see cref="LiveEnvironmentRegistry.AcquireAsync"/>) may touch it.
/// </summary>
public sealed class LiveEnvironment(long id, DateTimeOffset createdAt)
{
    internal readonly SemaphoreSlim Gate = new(1, 1);

    public long Id { get; } = id;

    /// <summary>The world, built by the last reset; null before the first.</summary>
    public IEnvironment? Env { get; set; }

    /// <summary>The AgentGym task index of the last reset (<c>game</c>, <c>data_idx</c>, <c>session_id</c>).</summary>
    public int? TaskIndex { get; set; }

    /// <summary>The result of the last reset or step.</summary>
    public StepResult? Last { get; set; }

    /// <summary>Extra values the last reset recorded for <c>/detail</c> (e.g. ALFWorld's world_type).</summary>
    public Dictionary<string, object?> Detail { get; } = new(StringComparer.Ordinal);

    internal DateTimeOffset LastUsed { get; set; } = createdAt;

    /// <summary>Set once, under the gate, when the slot is closed or evicted; a lease holder then sees it gone.</summary>
    internal bool Closed { get; set; }
}
