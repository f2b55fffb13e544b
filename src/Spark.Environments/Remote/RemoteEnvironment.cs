using Spark.Core.Environments;

namespace Spark.Environments.Remote;

/// <summary>
/// A task instance living on an AgentGym-style server, usable wherever a built-in environment is. It keeps
/// the episode's action history and observations, so when its server fails (no answer, a garbled answer,
/// an evicted id) it moves the episode to a fresh environment — on another server when there is one — by
/// resetting to the same task and replaying the actions, checks that the replay shows the same
/// observations, and then carries on; the caller sees no difference. It cannot be cloned: branching is
/// done the same way (a new instance, reset, replay of <see cref="ActionHistory"/>). Not thread-safe, like
/// every <see cref="IEnvironment"/>; <see cref="Dispose"/> hands the server environment back for reuse.
/// </summary>
public sealed class RemoteEnvironment : IEnvironment, IDisposable
{
    readonly RemoteEnvironmentPool _pool;
    readonly int _remoteTask;
    readonly bool _taskKnown;
    readonly List<string> _actions = [];
    readonly List<string> _observations = [];
    RemoteSlot? _slot;
    StepResult? _first, _last;
    IReadOnlyList<string>? _admissible;

    /// <param name="task">The task as the caller names it.</param>
    /// <param name="remoteTask">The server's index for it (game, data_idx or session_id).</param>
    /// <param name="taskKnown">True when <paramref name="task"/> is complete (from a local catalogue); false lets the
    /// first reset fill in the task type and goal from the server's answer.</param>
    public RemoteEnvironment(RemoteEnvironmentPool pool, TaskInfo task, int remoteTask, bool taskKnown = true)
    {
        _pool = pool;
        Task = task;
        _remoteTask = remoteTask;
        _taskKnown = taskKnown;
    }

    public TaskInfo Task { get; private set; }
    public int StepCount => _actions.Count;
    public IReadOnlyList<string> ActionHistory => _actions;
    public bool CanClone => false;

    /// <summary>The server the episode is on now (null before the first reset).</summary>
    public Uri? Server => _slot?.Server.Url;

    /// <summary>Times this instance moved its episode to a fresh environment.</summary>
    public int Recoveries { get; private set; }

    public IReadOnlyList<string> AdmissibleActions =>
        _last == null ? [] : _admissible ??= Run("available actions", slot => _pool.Dialect.Admissible(slot.Http, slot.Id));

    public StepResult Reset()
    {
        _actions.Clear();
        _observations.Clear();
        _first = _last = null;
        _admissible = null;
        var reply = Run("reset", slot => _pool.Dialect.Reset(slot.Http, slot.Id, _remoteTask));
        if (!_taskKnown)
            Task = Task with { TaskType = reply.TaskType ?? Task.TaskType, Goal = reply.Goal ?? Task.Goal };
        _first = _last = reply.Result;
        _admissible = reply.Admissible;
        return reply.Result;
    }

    public StepResult Step(string action)
    {
        if (_last == null) throw new InvalidOperationException($"{Task.Id}: call Reset() before Step()");
        if (_last.Done && !_pool.Dialect.StepsAfterDone)
            throw new InvalidOperationException($"{Task.Id}: the episode is over; Reset() to play again");
        var reply = Run("step", slot => _pool.Dialect.Step(slot.Http, slot.Id, action));
        _actions.Add(action);
        _observations.Add(reply.Result.Observation);
        _last = reply.Result;
        _admissible = reply.Admissible;
        return reply.Result;
    }

    public IEnvironment Clone() =>
        throw new NotSupportedException($"{Task.Id}: remote environments cannot be cloned; create one for the task, reset it and replay ActionHistory");

    public void Dispose()
    {
        if (_slot == null) return;
        _pool.Return(_slot);
        _slot = null;
    }

    /// <summary>Runs <paramref name="call"/> on the episode's environment; when it fails, moves the episode to a
    /// fresh one (at most <see cref="RemoteOptions.MaxRecoveries"/> times) and tries again.</summary>
    T Run<T>(string what, Func<RemoteSlot, T> call)
    {
        Uri? failedServer = null;
        for (int attempt = 0; ; attempt++)
        {
            RemoteEnvironmentException failure;
            try
            {
                _slot ??= Attach(failedServer);
                return call(_slot);
            }
            catch (RemoteEnvironmentException e)
            {
                failure = e;
            }
            if (_slot != null) _pool.Discard(_slot, failure);
            _slot = null;
            failedServer = failure.Server;
            if (attempt >= _pool.Options.MaxRecoveries)
                throw new RemoteEnvironmentException(failure.Kind, failure.Server,
                    $"{Task.Id}: {what} failed {attempt + 1} times, last: {failure.Message}", failure);
            Recoveries++;
        }
    }

    /// <summary>A fresh environment brought to the episode's current state: reset to the task, then every action
    /// replayed and its observation compared with the one recorded.</summary>
    RemoteSlot Attach(Uri? avoid)
    {
        var slot = _pool.Rent(avoid);
        if (_first == null) return slot;
        try
        {
            var reset = _pool.Dialect.Reset(slot.Http, slot.Id, _remoteTask).Result;
            Verify(reset, _first.Observation, "the first observation");
            for (int i = 0; i < _actions.Count; i++)
                Verify(_pool.Dialect.Step(slot.Http, slot.Id, _actions[i]).Result, _observations[i], $"the observation after action {i + 1} '{_actions[i]}'");
            return slot;
        }
        catch (RemoteEnvironmentException e)
        {
            _pool.Discard(slot, e);
            throw;
        }
        catch (ReplayDivergedException)
        {
            _pool.Return(slot);
            throw;
        }
    }

    void Verify(StepResult replayed, string recorded, string what)
    {
        if (_pool.Options.VerifyReplay && replayed.Observation != recorded)
            throw new ReplayDivergedException(
                $"{Task.Id}: replay on a fresh environment gave a different {what}:\n  recorded: {Excerpt(recorded)}\n  replayed: {Excerpt(replayed.Observation)}");
    }

    static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
