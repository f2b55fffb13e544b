using Spark.Core.Environments;

namespace Spark.Core.Tests.Rollouts.Fakes;

/// <summary>
/// A tiny deterministic world for rollout tests: walk right from 0 to the end of a corridor of length L to win;
/// "jump" past the middle loses at once; "left" at 0 is not accepted; the episode is truncated after
/// <c>stepLimit</c> steps. The task index fixes L = 2 + index % 4.
/// </summary>
public sealed class CorridorWorld : IEnvironment, IDisposable
{
    readonly int _length;
    readonly int _stepLimit;
    readonly List<string> _history = [];
    int _position;
    bool _done;

    public CorridorWorld(TaskInfo task, int stepLimit, bool canClone = true)
    {
        Task = task;
        _length = 2 + task.Index % 4;
        _stepLimit = stepLimit;
        CanClone = canClone;
    }

    /// <summary>Called when the world is disposed (clones inherit it).</summary>
    public Action? OnDispose { get; init; }

    public void Dispose() => OnDispose?.Invoke();

    public static TaskInfo TaskAt(int index) => new("corridor", "train", index, "walk", "reach the end of the corridor");

    public TaskInfo Task { get; }
    public bool CanClone { get; }
    public int StepCount => _history.Count;
    public IReadOnlyList<string> ActionHistory => _history;

    public IReadOnlyList<string> AdmissibleActions =>
        _position > 0 ? ["right", "left", "wait", "jump"] : ["right", "wait", "jump"];

    public StepResult Reset()
    {
        _history.Clear();
        _position = 0;
        _done = false;
        return new StepResult(Describe(), 0, false, false, 0, true);
    }

    public StepResult Step(string action)
    {
        if (_done) throw new InvalidOperationException("stepped a finished episode");
        _history.Add(action);
        bool accepted = true;
        bool lost = false;
        switch (action)
        {
            case "right": _position++; break;
            case "left" when _position > 0: _position--; break;
            case "wait": break;
            case "jump": lost = 2 * _position >= _length; break;
            default: accepted = false; break;
        }
        bool won = _position >= _length;
        bool truncated = !won && !lost && _history.Count >= _stepLimit;
        _done = won || lost || truncated;
        string text = !accepted ? "Nothing happens." : lost ? "You fell." : Describe();
        return new StepResult(text, won ? 1 : 0, _done, won, won ? 1 : lost ? -1 : (double)_position / _length, accepted, truncated);
    }

    public IEnvironment Clone()
    {
        if (!CanClone) throw new NotSupportedException("this corridor replays instead");
        var copy = new CorridorWorld(Task, _stepLimit, CanClone) { _position = _position, _done = _done, OnDispose = OnDispose };
        copy._history.AddRange(_history);
        return copy;
    }

    string Describe() => $"You are at {_position} of {_length}.";
}
