using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Alfworld.Tasks;

/// <summary>
/// Everything about a task that is fixed without building its world: the scene, the type, the goal's
/// classes and the goal template. Where the objects lie is decided later, by <see cref="WorldBuilder"/>.
/// </summary>
internal sealed record TaskSpec(string Split, int Index, int Scene, TaskKind Kind, ObjectClass Object,
    ReceptacleClass? Receptacle, ObjectClass? Lamp, int Template)
{
    public string GoalText => TaskKinds.GoalText(Kind, Template, Object.Name, Receptacle?.Name ?? Lamp!.Name);

    public Goal Goal => new(Kind, Object, Receptacle, Lamp, GoalText);
}
