using Spark.Core.Environments;

namespace Spark.Core.Rollouts;

/// <summary>A replayed child did not reach its parent's state: the environment is not deterministic per task.</summary>
public sealed class ReplayMismatchException(string message) : InvalidOperationException(message);

/// <summary>
/// Gives a new child the world of its parent: <see cref="IEnvironment.Clone"/> when it can (and is allowed to),
/// otherwise a fresh instance of the same task, reset, with the parent's <see cref="IEnvironment.ActionHistory"/>
/// replayed. Every replayed observation is checked against what the parent saw at that step.
/// </summary>
internal sealed class WorldBrancher(Func<TaskInfo, IEnvironment> createEnvironment, BranchWorld mode)
{
    /// <param name="parent">The parent's environment, just after the branch step.</param>
    /// <param name="initial">The observation the task starts from.</param>
    /// <param name="expected">The parent's observations after each of its steps so far (its path, in order).</param>
    /// <returns>The child's environment and the environment steps the replay cost.</returns>
    public (IEnvironment Env, int ReplaySteps) Branch(IEnvironment parent, string initial, IReadOnlyList<string> expected)
    {
        if (mode == BranchWorld.Auto && parent.CanClone) return (parent.Clone(), 0);

        var actions = parent.ActionHistory.ToArray();
        if (actions.Length != expected.Count)
            throw new ReplayMismatchException(
                $"Cannot replay task {parent.Task.Id} for a branch: its environment recorded {actions.Length} actions " +
                $"but the trajectory took {expected.Count} steps.");
        var child = createEnvironment(parent.Task);
        try
        {
            Replay(child, actions, initial, expected);
        }
        catch
        {
            (child as IDisposable)?.Dispose();
            throw;
        }
        return (child, actions.Length);
    }

    static void Replay(IEnvironment child, string[] actions, string initial, IReadOnlyList<string> expected)
    {
        var start = child.Reset();
        if (start.Observation != initial)
            throw new ReplayMismatchException(
                $"Cannot replay task {child.Task.Id} for a branch: a fresh instance starts with '{Shorten(start.Observation)}' " +
                $"but the parent started with '{Shorten(initial)}'.");
        for (int i = 0; i < actions.Length; i++)
        {
            var result = child.Step(actions[i]);
            if (result.Observation != expected[i])
                throw new ReplayMismatchException(
                    $"Replaying task {child.Task.Id} for a branch did not reproduce the parent's state: after action {i} " +
                    $"'{actions[i]}' the fresh environment said '{Shorten(result.Observation)}' but the parent saw " +
                    $"'{Shorten(expected[i])}'. The environment must be deterministic for a given task to be replayed; " +
                    "make it so, or implement Clone().");
        }
    }

    static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
