using Spark.Core.Environments;
using Spark.Environments.ScienceWorld.Actions;

namespace Spark.Environments.ScienceWorld;

/// <summary>
/// One ScienceWorld task variation. Observations are the original's step texts; the reward is the change of
/// the 0–100 score; the episode ends when the task is completed, failed (score −100), or after
/// <c>maxSteps</c> steps. Besides <see cref="AdmissibleActions"/> (the original's concrete "valid" list) it
/// exposes the task description, the action templates and the object names an agent prompt shows.
/// </summary>
public sealed class ScienceWorldEnvironment : IEnvironment
{
    /// <summary>The state after the reset's "look around", and what it printed: every Reset clones it.</summary>
    readonly Episode _started;
    readonly string _startText;
    readonly bool _startAccepted;
    readonly int _maxSteps;
    Episode _episode;
    readonly List<string> _history = [];
    int _lastScore;
    bool _done;
    IReadOnlyList<string>? _admissible;

    internal ScienceWorldEnvironment(TaskInfo task, Episode initial, int maxSteps)
    {
        Task = task;
        _maxSteps = maxSteps;
        _started = initial.Clone();
        (_startText, _startAccepted) = _started.Step("look around");
        // Every reset copies the start state, and with it this walk: an episode's first teleport reuses it.
        Visibility.ForOracle(_started.World);
        _episode = initial;
    }

    ScienceWorldEnvironment(ScienceWorldEnvironment other)
    {
        Task = other.Task;
        _started = other._started;
        _startText = other._startText;
        _startAccepted = other._startAccepted;
        _maxSteps = other._maxSteps;
        _episode = other._episode.Clone();
        _history.AddRange(other._history);
        StepCount = other.StepCount;
        _lastScore = other._lastScore;
        _done = other._done;
        _admissible = other._admissible;
    }

    public TaskInfo Task { get; }
    public int StepCount { get; private set; }

    /// <summary>The running episode (for the expert and tests inside this assembly).</summary>
    internal Episode CurrentEpisode => _episode;
    public IReadOnlyList<string> ActionHistory => _history;
    public bool CanClone => true;
    public IEnvironment Clone() => new ScienceWorldEnvironment(this);

    /// <summary>The task description the agent is given.</summary>
    public string TaskDescription => _episode.TaskDescription;

    /// <summary>The action templates ("focus on OBJ", ...), sorted, as the original's <c>get_possible_actions</c>.</summary>
    public IReadOnlyList<string> PossibleActions => ValidActions.Templates(_episode.Actions);

    /// <summary>The names of the objects in view, sorted, as the original's <c>get_possible_objects</c>.</summary>
    public IReadOnlyList<string> PossibleObjects => ValidActions.ObjectNames(_episode.World);

    /// <summary>The paper's prompt line: "Valid_actions: [...], OBJ needs to be replaced with one of the following objects: [...]".</summary>
    public string ValidActionsPrompt =>
        "Valid_actions: " + PythonList(PossibleActions) + ", OBJ needs to be replaced with one of the following objects: " + PythonList(PossibleObjects)
        + "\n example: <action>focus on door</action>";

    /// <summary>Universe ticks so far (the original's "moves").</summary>
    public int Moves => _episode.World.Ticks;

    /// <summary>The current score on the original's 0–100 scale (−100 after a failure).</summary>
    public int Score => _episode.Score;

    /// <summary>The concrete valid actions of the current state (the original's "valid" info), sorted;
    /// while an ambiguity question is pending, the choice numbers.</summary>
    public IReadOnlyList<string> AdmissibleActions => _admissible ??= _episode.Pending is { } pending
        ? Enumerable.Range(0, pending.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()
        : ValidActions.Generate(_episode.World, _episode.Actions);

    public StepResult Reset()
    {
        _episode.CopyFrom(_started);
        _history.Clear();
        StepCount = 0;
        _done = false;
        _admissible = null;
        _lastScore = _episode.Score;
        return new StepResult(_startText, 0, false, false, _lastScore / 100.0, _startAccepted);
    }

    public StepResult Step(string action)
    {
        action ??= "";
        _history.Add(action);
        StepCount++;
        _admissible = null;
        var outcome = _episode.Step(action);
        int score = _episode.Score;
        int reward = score - _lastScore;
        _lastScore = score;
        bool won = _episode.IsCompleted && !_episode.IsFailed;
        bool failed = score < 0;
        bool truncated = !won && !failed && StepCount >= _maxSteps;
        _done = _done || won || failed || truncated;
        return new StepResult(outcome.Text, reward, _done, won, score / 100.0, outcome.Accepted, truncated);
    }

    static string PythonList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => "'" + i + "'")) + "]";
}
