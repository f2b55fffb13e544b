using System.Globalization;
using Spark.Core.Configuration;
using Spark.Core.Environments;
using Spark.Environments.ScienceWorld.Expert;
using Spark.Environments.ScienceWorld.Tasks;

namespace Spark.Environments.ScienceWorld;

/// <summary>
/// The built-in ScienceWorld: the implemented task types with the original's variations, split into
/// train/L0/L1/L2 (see <see cref="SplitPlan"/>). Settings in <see cref="SuiteOptions.Extra"/>:
/// <c>simplifications</c> ("easy" by default, or the original's comma-separated labels),
/// <c>train_per_type</c> and <c>eval_per_type</c> (variations per task type and split; a number or "all"),
/// <c>task_types</c> (comma-separated task names to keep). The step limit defaults to 30 (the paper).
/// </summary>
public sealed class ScienceWorldSuite : IEnvironmentSuite
{
    public const int DefaultMaxSteps = 30;
    const int DefaultTrainPerType = 40, DefaultEvalPerType = 12;
    static readonly string[] KnownKeys = ["simplifications", "train_per_type", "eval_per_type", "task_types"];

    readonly Dictionary<string, SplitEntry[]> _splits;
    readonly string _simplifications;
    readonly int _maxSteps;

    public ScienceWorldSuite(SuiteOptions options)
    {
        var extra = options.Extra ?? new Dictionary<string, string>();
        foreach (var key in extra.Keys)
            ConfigException.Require(KnownKeys.Contains(key), key, $"unknown ScienceWorld setting; known: {string.Join(", ", KnownKeys)}");
        _maxSteps = options.MaxSteps ?? DefaultMaxSteps;
        ConfigException.Require(_maxSteps > 0, "max_steps", $"must be positive, got {_maxSteps}");
        _simplifications = extra.GetValueOrDefault("simplifications", "easy");
        var types = TaskTypes(extra.GetValueOrDefault("task_types"));
        foreach (var t in types) WorldFactory.ParseSimplifications(_simplifications, t.Name);
        _splits = SplitPlan.Build(types, options.Seed,
            PerType(extra, "train_per_type", DefaultTrainPerType), PerType(extra, "eval_per_type", DefaultEvalPerType));
    }

    public string Name => "scienceworld";
    public IReadOnlyList<string> Splits => SplitPlan.Names;
    public IExpert? Expert { get; } = new ScienceWorldExpert();

    public int Count(string split) => Entries(split).Length;

    public TaskInfo Describe(string split, int index)
    {
        var entry = Entry(split, index);
        return new TaskInfo(Name, split, index, entry.Type.Name, entry.Type.Description(entry.Variation));
    }

    public IEnvironment Create(string split, int index) => CreateEnvironment(split, index);

    /// <summary>The concrete environment type, with the ScienceWorld-specific members (templates, objects, score).</summary>
    public ScienceWorldEnvironment CreateEnvironment(string split, int index)
    {
        var entry = Entry(split, index);
        var simplifications = WorldFactory.ParseSimplifications(_simplifications, entry.Type.Name);
        var episode = WorldFactory.Build(entry.Type, entry.Variation, simplifications);
        return new ScienceWorldEnvironment(Describe(split, index), episode, _maxSteps);
    }

    /// <summary>A task by its original identity (task name and variation index), outside the splits.</summary>
    public ScienceWorldEnvironment CreateVariation(string taskType, int variation)
    {
        var type = TaskCatalog.ByName(taskType);
        if (variation < 0 || variation >= type.VariationCount)
            throw new ArgumentOutOfRangeException(nameof(variation), $"{taskType} has {type.VariationCount} variations");
        var episode = WorldFactory.Build(type, variation, WorldFactory.ParseSimplifications(_simplifications, type.Name));
        return new ScienceWorldEnvironment(new TaskInfo(Name, "variation", variation, type.Name, type.Description(variation)), episode, _maxSteps);
    }

    /// <summary>The task type and original variation index behind a task.</summary>
    public (string TaskType, int Variation) Variation(string split, int index)
    {
        var entry = Entry(split, index);
        return (entry.Type.Name, entry.Variation);
    }

    SplitEntry[] Entries(string split) =>
        _splits.TryGetValue(split, out var entries) ? entries : throw new ConfigException("split", $"unknown split '{split}'; known: {string.Join(", ", Splits)}");

    SplitEntry Entry(string split, int index)
    {
        var entries = Entries(split);
        if (index < 0 || index >= entries.Length) throw new ArgumentOutOfRangeException(nameof(index), $"{split} has {entries.Length} tasks");
        return entries[index];
    }

    static TaskType[] TaskTypes(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return TaskCatalog.All;
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var n in names)
            ConfigException.Require(TaskCatalog.All.Any(t => t.Name == n), "task_types",
                $"unknown task type '{n}'; known: {string.Join(", ", TaskCatalog.All.Select(t => t.Name))}");
        return [.. TaskCatalog.All.Where(t => names.Contains(t.Name))];
    }

    static int PerType(IReadOnlyDictionary<string, string> extra, string key, int fallback)
    {
        if (!extra.TryGetValue(key, out var text)) return fallback;
        if (text == "all") return int.MaxValue;
        ConfigException.Require(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0, key,
            $"expected a positive number or 'all', got '{text}'");
        return n;
    }
}
