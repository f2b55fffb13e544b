using Spark.Environments.ScienceWorld.Tasks.Goals;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>
/// The implemented task types, in tasks.json order, and which of them are held out as unseen (L2). The
/// unseen ones are those RLVMR (whose L0/L1/L2 split the SPARK paper uses) holds out, restricted to the
/// implemented types: one per topic group.
/// </summary>
internal static class TaskCatalog
{
    public static readonly TaskType[] All =
    [
        new ChangeOfStateTask(StateChange.Boil),
        new ChangeOfStateTask(StateChange.Melt),
        new ChangeOfStateTask(StateChange.Freeze),
        new ChangeOfStateTask(StateChange.Any),
        new UseThermometerTask(),
        new PowerComponentTask(),
        new ConductivityTask(),
        new ConductivityUnknownTask(),
        new FindTask(LifeClass.Living),
        new FindTask(LifeClass.NonLiving),
        new FindTask(LifeClass.Plant),
        new FindTask(LifeClass.Animal),
        new PaintTask(tertiary: false),
        new PaintTask(tertiary: true),
        new LifespanTask(LifespanMode.Longest),
        new LifespanTask(LifespanMode.Shortest),
        new LifespanTask(LifespanMode.LongestThenShortest),
        new LifeStagesTask(plants: false),
        new LifeStagesTask(plants: true),
    ];

    /// <summary>Task types RLVMR holds out for its L2 (unseen task) evaluation.</summary>
    public static readonly HashSet<string> Unseen =
    [
        "change-the-state-of-matter-of", "chemistry-mix-paint-tertiary-color", "find-plant", "grow-plant",
        "identify-life-stages-2", "inclined-plane-friction-unnamed-surfaces", "lifespan-longest-lived-then-shortest-lived",
        "measure-melting-point-unknown-substance", "mendelian-genetics-unknown-plant", "test-conductivity-of-unknown-substances",
    ];

    public static TaskType ByName(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"unknown ScienceWorld task type '{name}'");
}
