using Spark.Core.Environments;

namespace Spark.Serving.Tests.Fakes;

/// <summary>
/// A tiny deterministic world for protocol and fault tests: bring a counter to a target, then "finish".
/// It can carry any suite name, so each AgentGym API is exercised with it. Observations change every step
/// (they include the step number), so a replay that goes wrong shows up in the observations.
/// </summary>
/// <param name="flavour">Appended to every step observation: a suite with another flavour is "another version".</param>
public sealed class CounterSuite(string name = "alfworld", int maxSteps = 12, string flavour = "") : IEnvironmentSuite
{
    static readonly Dictionary<string, int> Sizes = new() { ["train"] = 20, ["L0"] = 6, ["L1"] = 4 };

    public string Name => name;
    public IReadOnlyList<string> Splits => ["train", "L0", "L1"];
    public int Count(string split) => Sizes.TryGetValue(split, out int n) ? n : throw new ArgumentException($"no split {split}");
    public IExpert? Expert => null;

    /// <summary>Environments built so far (tests check the server builds them lazily).</summary>
    public int Built;

    public TaskInfo Describe(string split, int index)
    {
        if (index < 0 || index >= Count(split)) throw new ArgumentOutOfRangeException(nameof(index));
        return new TaskInfo(name, split, index, index % 2 == 0 ? "count_up" : "count_down", $"bring the counter to {Target(split, index)}");
    }

    public IEnvironment Create(string split, int index)
    {
        Interlocked.Increment(ref Built);
        return new CounterWorld(Describe(split, index), Target(split, index), maxSteps, flavour);
    }

    static int Target(string split, int index) => (index % 2 == 0 ? 1 : -1) * (2 + (index + split.Length) % 3);
}

/// <summary>One counter task. Actions: click[inc], click[dec], click[look], and click[finish] once on target.</summary>
public sealed class CounterWorld(TaskInfo task, int target, int maxSteps, string flavour = "") : IEnvironment
{
    readonly List<string> _history = [];
    int _value;
    bool _done;

    public TaskInfo Task { get; } = task;
    public int StepCount => _history.Count;
    public IReadOnlyList<string> ActionHistory => _history;
    public bool CanClone => true;

    public IReadOnlyList<string> AdmissibleActions =>
        _value == target ? ["click[dec]", "click[finish]", "click[inc]", "click[look]"] : ["click[dec]", "click[inc]", "click[look]"];

    public StepResult Reset()
    {
        _history.Clear();
        _value = 0;
        _done = false;
        return new StepResult($"{Task.Goal}\nThe counter shows 0.", 0, false, false, 0, true);
    }

    public StepResult Step(string action)
    {
        if (_done) throw new InvalidOperationException("episode over");
        _history.Add(action);
        bool accepted = AdmissibleActions.Contains(action);
        double before = Progress;
        bool won = false;
        string text;
        if (!accepted) text = "Nothing happens.";
        else if (action == "click[finish]") { won = true; text = "You win!"; }
        else
        {
            _value += action == "click[inc]" ? 1 : action == "click[dec]" ? -1 : 0;
            text = $"Step {StepCount}: the counter shows {_value}.{flavour}";
        }
        bool truncated = !won && StepCount >= maxSteps;
        _done = won || truncated;
        double score = won ? 1 : Progress;
        return new StepResult(text, won ? 1 : (score - before) * 100, _done, won, score, accepted, truncated);
    }

    /// <summary>A ScienceWorld-like partial score: a third of the way per correct move, capped below 1.</summary>
    double Progress => Math.Round(Math.Clamp((double)_value / target, 0, 0.99) * 100) / 100;

    public IEnvironment Clone()
    {
        var copy = new CounterWorld(Task, target, maxSteps, flavour);
        copy.Reset();
        foreach (var a in _history) copy.Step(a);
        return copy;
    }
}
