using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.Tasks;

namespace Spark.Environments.Alfworld.World;

/// <summary>
/// What has to be true to win, as ALFWorld's goal PDDL says it:
/// place types — an object of <see cref="Object"/> class in a receptacle of <see cref="Receptacle"/> class
/// (clean / hot / cool as the type requires); pick-two — two distinct such objects in one receptacle;
/// look-at — the agent holds an object of the class while a toggled lamp of <see cref="Lamp"/> class
/// stands in a receptacle at the agent's location.
/// </summary>
/// <param name="Text">The goal text without the task line's final period, e.g. "put a clean lettuce in diningtable".</param>
internal sealed record Goal(TaskKind Kind, ObjectClass Object, ReceptacleClass? Receptacle, ObjectClass? Lamp, string Text)
{
    public static Goal FromText(string text)
    {
        if (!TaskKinds.TryParseGoal(text, out var kind, out var obj, out var target))
            throw new ArgumentException($"not an ALFWorld goal: '{text}'", nameof(text));
        var o = AlfworldCatalog.Object(obj);
        return kind == TaskKind.LookAtObjInLight
            ? new Goal(kind, o, null, AlfworldCatalog.Object(target), text.TrimEnd('.'))
            : new Goal(kind, o, AlfworldCatalog.Receptacle(target), null, text.TrimEnd('.'));
    }

    /// <summary>The state flag the place types require of the placed object (none for plain placing).</summary>
    public ObjectFlags RequiredFlag => Kind switch
    {
        TaskKind.PickCleanThenPlace => ObjectFlags.Clean,
        TaskKind.PickHeatThenPlace => ObjectFlags.Hot,
        TaskKind.PickCoolThenPlace => ObjectFlags.Cool,
        _ => ObjectFlags.None,
    };
}
