using Spark.Core.Environments;

namespace Spark.Environments.Remote;

/// <summary>
/// An <see cref="IEnvironmentSuite"/> whose worlds live on AgentGym-style servers: the rollout engine and the
/// evaluator use it like a built-in suite. Task (split, index) pairs become the servers' flat task index
/// through <see cref="Tasks"/>, which must be the map the servers use.
/// </summary>
public sealed class RemoteEnvironmentSuite : IEnvironmentSuite, IDisposable
{
    readonly Func<string, int, TaskInfo>? _describe;

    /// <param name="describe">Describes a task without building it (a local catalogue); null when only the server
    /// knows, in which case task type and goal are filled in by the first reset.</param>
    /// <param name="splits">The split names in the suite's order (training first); default: the task index's order.</param>
    public RemoteEnvironmentSuite(RemoteEnvironmentPool pool, AgentGymTaskIndex tasks, Func<string, int, TaskInfo>? describe = null,
        IReadOnlyList<string>? splits = null)
    {
        Pool = pool;
        Tasks = tasks;
        _describe = describe;
        Splits = splits ?? [.. tasks.Ranges.Select(r => r.Split)];
        foreach (var split in Splits)
            if (!tasks.Contains(split)) throw new ArgumentException($"split '{split}' is not in the task index {tasks}", nameof(splits));
    }

    /// <summary>For Spark servers started from the same suite and options as <paramref name="local"/> (and the same
    /// <paramref name="split"/>/<paramref name="order"/>): tasks are described locally and map one to one.</summary>
    public static RemoteEnvironmentSuite Mirror(IEnvironmentSuite local, RemoteEnvironmentPool pool, string? split = null, IReadOnlyList<string>? order = null)
    {
        var tasks = AgentGymTaskIndex.For(local, split, order);
        return new(pool, tasks, local.Describe, [.. local.Splits.Where(tasks.Contains)]);
    }

    /// <summary>The layout of AgentGym's own ALFWorld server: 2,420 training games, then 200 from <c>valid_train</c>.</summary>
    public static AgentGymTaskIndex AgentGymAlfWorldLayout => new([("train", 2420), ("valid_train", 200)]);

    public RemoteEnvironmentPool Pool { get; }
    public AgentGymTaskIndex Tasks { get; }
    public string Name => Pool.Dialect.Env;
    public IReadOnlyList<string> Splits { get; }

    /// <summary>Remote suites have no expert: experts may read a built-in world's internals.</summary>
    public IExpert? Expert => null;

    public int Count(string split) => Tasks.SplitCount(split);

    public TaskInfo Describe(string split, int index)
    {
        Tasks.ToFlat(split, index); // validates
        return _describe?.Invoke(split, index) ?? new TaskInfo(Name, split, index, "", "");
    }

    public IEnvironment Create(string split, int index) => CreateRemote(split, index);

    public RemoteEnvironment CreateRemote(string split, int index) =>
        new(Pool, Describe(split, index), Tasks.ToFlat(split, index), taskKnown: _describe != null);

    public void Dispose() => Pool.Dispose();
}
