using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>A task as set up for one variation: its description, its goals, and the parameters its
/// description states (which the expert reads the way an agent reads the description).</summary>
internal sealed record TaskSetup(string Description, GoalSequence Goals, IReadOnlyDictionary<string, string> Facts)
{
    public string Fact(string key) => Facts.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"task fact '{key}'");
}

/// <summary>
/// One of the original's 30 task types: its tasks.json identity, number of variations, and how a variation
/// builds its world. <see cref="CreateObjects"/> runs before the house is built (the original constructs task
/// objects first, so they get the lower ids), <see cref="Setup"/> after.
/// </summary>
internal abstract class TaskType
{
    public abstract string Name { get; }
    /// <summary>The tasks.json id ("4-1"); its first number is the topic group.</summary>
    public abstract string Id { get; }
    /// <summary>The tasks.json topic ("Classification").</summary>
    public abstract string Topic { get; }
    public abstract int VariationCount { get; }

    /// <summary>The task description of a variation, without building anything.</summary>
    public abstract string Description(int variation);

    /// <summary>Creates the task's objects (not yet placed) for a variation.</summary>
    public abstract TaskObjects CreateObjects(SimWorld w, int variation);

    /// <summary>Places the objects in the built house and returns the description and goals.</summary>
    public abstract TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation);

    public int TopicGroup => int.Parse(Id.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The objects a variation adds, with the modifiers that place them.</summary>
internal sealed class TaskObjects
{
    public List<Placement> Placements { get; } = [];
    public Dictionary<string, string> Facts { get; } = [];

    /// <summary>Adds the object unless one named <paramref name="name"/> is already in the room (or its containers).</summary>
    public TaskObjects Add(int obj, string name, string room, params string[] containers)
    {
        Placements.Add(new Placement(obj, name, room, containers, ForceAdd: false));
        return this;
    }

    public TaskObjects Force(int obj, string name, string room, params string[] containers)
    {
        Placements.Add(new Placement(obj, name, room, containers, ForceAdd: true));
        return this;
    }

    /// <summary>The original's <c>TaskDisable</c>: devices with this name in these rooms are broken.</summary>
    public TaskObjects Disable(string device, params string[] rooms)
    {
        Disabled.Add((device, rooms));
        return this;
    }

    public List<(string Device, string[] Rooms)> Disabled { get; } = [];

    public TaskObjects Fact(string key, string value)
    {
        Facts[key] = value;
        return this;
    }
}

/// <summary>The original's <c>TaskObject</c>: put an object into a room (or a random container of one of the
/// given names in it), unless an object of that name is already there and adding is not forced.</summary>
internal sealed record Placement(int Obj, string Name, string Room, string[] Containers, bool ForceAdd);
