using System.Text.Json;

namespace Spark.Reporting.Trees;

/// <summary>
/// A <c>spark.rollout-trees/1</c> file (written by Spark.Core's RolloutTreeJson; schema in docs/rollouts.md),
/// read on its own terms so the report does not depend on the rollout engine's types. Fields the report does
/// not show (accounting, branches' slots) are ignored; unknown fields are allowed.
/// </summary>
public sealed record RolloutTreesFile
{
    public const string SchemaName = "spark.rollout-trees/1";

    public string Schema { get; init; } = "";
    public string Strategy { get; init; } = "";
    public TreeBudget? Budget { get; init; }
    public long Seed { get; init; }
    public int Iteration { get; init; }
    public IReadOnlyList<TaskTree> Tasks { get; init; } = [];

    static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static RolloutTreesFile Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"rollout trees file not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and checks the file: schema, node links and leaf paths. A problem throws <see cref="InvalidDataException"/> naming it.</summary>
    public static RolloutTreesFile Parse(string json, string source = "rollout trees")
    {
        RolloutTreesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RolloutTreesFile>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a rollout-trees file ({e.Message})", e);
        }
        if (file == null) throw new InvalidDataException($"{source}: empty document");
        if (file.Schema != SchemaName)
            throw new InvalidDataException($"{source}: schema is \"{file.Schema}\", expected \"{SchemaName}\"");
        foreach (var task in file.Tasks) Check(task, source);
        return file;
    }

    static void Check(TaskTree task, string source)
    {
        var ids = new HashSet<int>();
        foreach (var n in task.Nodes)
        {
            if (!ids.Add(n.Id)) throw new InvalidDataException($"{source}: task {task.Task}: node id {n.Id} appears twice");
            if (n.Parent is int p && (p >= n.Id || !ids.Contains(p)))
                throw new InvalidDataException($"{source}: task {task.Task}: node {n.Id} has parent {p}, which is not an earlier node");
        }
        foreach (var leaf in task.Leaves)
            foreach (int id in leaf.Path)
                if (!ids.Contains(id))
                    throw new InvalidDataException($"{source}: task {task.Task}: leaf of slot {leaf.Slot} passes through unknown node {id}");
    }
}

public sealed record TreeBudget
{
    public int Roots { get; init; }
    public int Leaves { get; init; }
    public int Factor { get; init; }
}

/// <summary>One task's tree: its nodes in creation order (a parent before its children) and its finished leaves.</summary>
public sealed record TaskTree
{
    public string Task { get; init; } = "";
    public string TaskType { get; init; } = "";
    public string Goal { get; init; } = "";
    public string InitialObservation { get; init; } = "";
    public IReadOnlyList<TreeNode> Nodes { get; init; } = [];
    public IReadOnlyList<TreeLeaf> Leaves { get; init; } = [];
    public IReadOnlyList<TreeBranch> Branches { get; init; } = [];
}

/// <summary>One decided step. <see cref="Observation"/> is what the world answered; the step was decided from its parent's.</summary>
public sealed record TreeNode
{
    public int Id { get; init; }
    public int? Parent { get; init; }
    public int Step { get; init; }
    public int Slot { get; init; }
    public string Action { get; init; } = "";
    public string Response { get; init; } = "";
    public bool Explore { get; init; }
    public bool Valid { get; init; }
    public string Observation { get; init; } = "";
    public bool Accepted { get; init; }
    public bool Done { get; init; }
    public int PromptTokens { get; init; }
    public int ResponseTokens { get; init; }
    public LeafMark? Leaf { get; init; }
}

public sealed record LeafMark
{
    public int Slot { get; init; }
    public double Reward { get; init; }
    public bool Won { get; init; }
    public bool Truncated { get; init; }
}

public sealed record TreeLeaf
{
    public int Slot { get; init; }
    public IReadOnlyList<int> Path { get; init; } = [];
    public double Reward { get; init; }
    public bool Won { get; init; }
    public bool Truncated { get; init; }
    public double Score { get; init; }
}

public sealed record TreeBranch
{
    public int Node { get; init; }
    public int Step { get; init; }
    public int ParentSlot { get; init; }
    public IReadOnlyList<int> ChildSlots { get; init; } = [];
}
