namespace Spark.Core.Environments;

/// <summary>
/// One task instance of a multi-step text world. Implementations know nothing about models: they take
/// action strings and return observation texts. Not thread-safe; one instance per trajectory.
/// </summary>
public interface IEnvironment
{
    TaskInfo Task { get; }

    /// <summary>Starts (or restarts) the episode and returns the first observation.</summary>
    StepResult Reset();

    /// <summary>Applies one action. An action the world does not accept leaves the state unchanged
    /// (but still uses up a step) and says so in its observation, as the original does.</summary>
    StepResult Step(string action);

    /// <summary>The actions the world accepts in the current state, in the original's order.</summary>
    IReadOnlyList<string> AdmissibleActions { get; }

    /// <summary>Steps taken since the last reset, accepted or not.</summary>
    int StepCount { get; }

    /// <summary>Every action sent since the last reset, in order; replaying them on a fresh instance
    /// of the same task reproduces the current state.</summary>
    IReadOnlyList<string> ActionHistory { get; }

    /// <summary>True when <see cref="Clone"/> is supported (built-in worlds); remote ones replay instead.</summary>
    bool CanClone { get; }

    /// <summary>An independent copy of the whole current state.</summary>
    IEnvironment Clone();
}
