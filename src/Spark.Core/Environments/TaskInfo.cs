namespace Spark.Core.Environments;

/// <summary>
/// Identifies one task instance: environment, split and index fix everything about it, so
/// <c>suite.Create(task.Split, task.Index)</c> rebuilds the same world on any machine.
/// </summary>
/// <param name="Env">Environment name: "alfworld", "scienceworld", "webshop".</param>
/// <param name="Split">Split name: "train", "L0", "L1", "L2" (WebShop: "train", "test").</param>
/// <param name="Index">Index within the split.</param>
/// <param name="TaskType">The task family, e.g. "pick_clean_then_place_in_recep" or "boil".</param>
/// <param name="Goal">The task description the agent is given.</param>
public sealed record TaskInfo(string Env, string Split, int Index, string TaskType, string Goal)
{
    /// <summary>"alfworld/L0/7": stable, human-readable, used as the group id of a task's rollouts.</summary>
    public string Id => $"{Env}/{Split}/{Index}";

    public override string ToString() => Id;
}
