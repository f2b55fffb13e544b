namespace Spark.Core.Environments;

/// <summary>
/// An environment family with its task splits: the factory the rollout engine, the evaluator and the
/// data generators create task instances from.
/// </summary>
public interface IEnvironmentSuite
{
    /// <summary>"alfworld", "scienceworld" or "webshop".</summary>
    string Name { get; }

    /// <summary>Split names, training split first.</summary>
    IReadOnlyList<string> Splits { get; }

    /// <summary>The number of tasks in a split.</summary>
    int Count(string split);

    /// <summary>Describes task <paramref name="index"/> of <paramref name="split"/> without building its world.</summary>
    TaskInfo Describe(string split, int index);

    /// <summary>Builds a fresh world for the task; call <see cref="IEnvironment.Reset"/> before stepping.</summary>
    IEnvironment Create(string split, int index);

    /// <summary>An expert that solves this suite's tasks from the agent's point of view, or null.</summary>
    IExpert? Expert { get; }
}
