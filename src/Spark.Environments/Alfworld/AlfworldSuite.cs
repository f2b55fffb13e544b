using System.Collections.Concurrent;
using Spark.Core.Environments;
using Spark.Environments.Alfworld.Engine;
using Spark.Environments.Alfworld.Expert;
using Spark.Environments.Alfworld.Tasks;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Alfworld;

/// <summary>
/// Spark's in-process ALFWorld: procedurally generated ALFRED-style rooms, ALFWorld's six task types,
/// text and rules, and the splits of the SPARK paper — <c>train</c> (seen rooms), <c>L0</c> (new
/// instances in seen rooms), <c>L1</c> (unseen rooms), <c>L2</c> (unseen task categories, cool and
/// pick-two, in unseen rooms). Everything follows from <see cref="AlfworldOptions.Seed"/>.
/// </summary>
public sealed class AlfworldSuite : IEnvironmentSuite
{
    public const string SuiteName = "alfworld";

    /// <summary>Generated placements are kept only when the expert solves them within this many steps
    /// (the paper's limit), whatever <see cref="AlfworldOptions.MaxSteps"/> says, so worlds never depend on it.</summary>
    public const int GenerationBudget = 30;

    /// <summary>Placements tried per task before giving up with an error; far beyond need, as only a few
    /// percent of placements are rejected (<see cref="PlacementAttempts"/>).</summary>
    const int MaxAttempts = 200;

    readonly Dictionary<int, SceneLayout> _scenes;
    readonly Dictionary<string, SplitPlan> _splits;
    readonly TaskSampler _seenSampler, _unseenSampler;
    readonly ConcurrentDictionary<(string, int), int> _accepted = new();

    public AlfworldSuite(SuiteOptions? options = null) : this(AlfworldOptions.From(options ?? new SuiteOptions())) { }

    public AlfworldSuite(AlfworldOptions options)
    {
        Options = options;
        _scenes = SceneGenerator.SeenScenes.Concat(SceneGenerator.UnseenScenes)
            .ToDictionary(n => n, n => SceneGenerator.Generate(options.Seed, n));
        _seenSampler = new TaskSampler(options.Seed, [.. SceneGenerator.SeenScenes.Select(n => _scenes[n])]);
        _unseenSampler = new TaskSampler(options.Seed, [.. SceneGenerator.UnseenScenes.Select(n => _scenes[n])]);
        _splits = SplitPlan.Build(options).ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public AlfworldOptions Options { get; }
    public string Name => SuiteName;
    public IReadOnlyList<string> Splits { get; } = ["train", "L0", "L1", "L2"];
    public IExpert? Expert { get; } = new AlfworldExpert();

    public int Count(string split) => Plan(split).Count;

    public TaskInfo Describe(string split, int index) => Info(Spec(split, index));

    public IEnvironment Create(string split, int index) => CreateAlfworld(split, index);

    /// <summary><see cref="Create"/> with the concrete type (raw text, grammar, state for tests).</summary>
    public AlfworldEnvironment CreateAlfworld(string split, int index)
    {
        var spec = Spec(split, index);
        int attempt = _accepted.GetOrAdd((split, index), _ => FindPlacement(spec));
        return new AlfworldEnvironment(Build(spec, attempt), Options.Grammar, Options.MaxSteps);
    }

    /// <summary>How many generated placements this task needed until the expert solved one within
    /// <see cref="GenerationBudget"/> steps (1 = the first); the rest were rejected.</summary>
    public int PlacementAttempts(string split, int index)
    {
        var spec = Spec(split, index);
        return _accepted.GetOrAdd((split, index), _ => FindPlacement(spec)) + 1;
    }

    internal TaskSpec Spec(string split, int index)
    {
        var plan = Plan(split);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, plan.Count);
        return (plan.SeenScenes ? _seenSampler : _unseenSampler).Sample(split, index, plan.KindOf(index));
    }

    int FindPlacement(TaskSpec spec)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var env = new AlfworldEnvironment(Build(spec, attempt), AlfworldGrammar.V03, GenerationBudget);
            if (AlfworldExpert.Play(env) >= 0) return attempt;
        }
        throw new InvalidOperationException($"no placement of {Info(spec).Id} that the expert solves in {GenerationBudget} steps");
    }

    WorldLayout Build(TaskSpec spec, int attempt) =>
        WorldBuilder.Build(_scenes[spec.Scene], spec, Info(spec), Rng.For(Options.Seed, "alfworld/placement/" + spec.Split, spec.Index, attempt));

    static TaskInfo Info(TaskSpec spec) =>
        new(SuiteName, spec.Split, spec.Index, TaskKinds.TypeName(spec.Kind), spec.GoalText + ".");

    SplitPlan Plan(string split) => _splits.TryGetValue(split, out var plan)
        ? plan
        : throw new ArgumentException($"unknown alfworld split '{split}'; known: {string.Join(", ", Splits)}", nameof(split));
}
