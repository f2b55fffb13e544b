using Spark.Core.Environments;
using Spark.Environments.Alfworld.Engine;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Alfworld;

/// <summary>
/// One ALFWorld task instance. <see cref="StepResult.Observation"/> is the text agents see in ReAct,
/// Reflexion, AgentBench and AgentGym (intro without the welcome banner, room and task lines joined by
/// one "\n"; v0.3's "You arrive at loc N. " stripped); <see cref="RawObservation"/> is TextWorld's own.
/// Reward 1 on the winning step, Score 1 once won; an inadmissible command returns exactly
/// "Nothing happens." and changes nothing but the step count.
/// </summary>
public sealed class AlfworldEnvironment : IEnvironment
{
    enum RawForm : byte { Same, Intro, Arrive }

    readonly WorldLayout _layout;
    readonly AlfworldGrammar _grammar;
    readonly int _maxSteps;
    WorldState _state;
    List<string> _history;
    int _steps;
    bool _started, _done, _won;
    string _observation = "";
    RawForm _rawForm;
    string[]? _admissible;

    internal AlfworldEnvironment(WorldLayout layout, AlfworldGrammar grammar, int maxSteps)
    {
        _layout = layout;
        _grammar = grammar;
        _maxSteps = maxSteps;
        _state = layout.Initial.Copy();
        _history = [];
    }

    AlfworldEnvironment(AlfworldEnvironment source)
    {
        _layout = source._layout;
        _grammar = source._grammar;
        _maxSteps = source._maxSteps;
        _state = source._state.Copy();
        _history = new List<string>(source._history);
        (_steps, _started, _done, _won) = (source._steps, source._started, source._done, source._won);
        (_observation, _rawForm) = (source._observation, source._rawForm);
        _admissible = source._admissible;  // immutable once built; a state change replaces it
    }

    public TaskInfo Task => _layout.Task;
    public AlfworldGrammar Grammar => _grammar;
    public int MaxSteps => _maxSteps;
    public int StepCount => _steps;
    public IReadOnlyList<string> ActionHistory => _history;
    public bool CanClone => true;
    public bool Won => _won;
    public bool Done => _done;

    /// <summary>The text the agent sees after the last reset or step.</summary>
    public string Observation => _observation;

    /// <summary>TextWorld's text for the same moment: the intro with its welcome banner and blank lines,
    /// and v0.3's "You arrive at loc N. " before the go-to feedback.</summary>
    public string RawObservation => _rawForm switch
    {
        RawForm.Intro => $"{Feedback.Welcome}\n\n{_layout.IntroLook}\n\n{_layout.TaskLine}",
        RawForm.Arrive => Feedback.ArrivePrefix(_layout, _state.Agent) + _observation,
        _ => _observation,
    };

    public IReadOnlyList<string> AdmissibleActions => _admissible ??= AdmissibleCommands.Build(_layout, _state, _grammar);

    internal WorldLayout Layout => _layout;
    internal WorldState State => _state;

    public StepResult Reset()
    {
        _state = _layout.Initial.Copy();
        _history = [];
        (_steps, _started, _done, _won) = (0, true, false, false);
        _admissible = null;
        _observation = $"{_layout.IntroLook}\n{_layout.TaskLine}";
        _rawForm = RawForm.Intro;
        return new StepResult(_observation, 0, false, false, 0, true);
    }

    public StepResult Step(string action)
    {
        if (!_started) throw new InvalidOperationException("call Reset() before Step()");
        if (_done) throw new InvalidOperationException($"the episode of {Task.Id} is over");
        ArgumentNullException.ThrowIfNull(action);
        _history.Add(action);
        _steps++;

        bool accepted = CommandParser.TryParse(_layout, _grammar, action.AsSpan().Trim(), out var command)
                        && Rules.IsApplicable(_layout, _state, command);
        bool wonNow = false;
        if (accepted)
        {
            Rules.Apply(_state, command);
            if (command.Verb is not (Verb.Look or Verb.Inventory or Verb.Help or Verb.ExamineObject or Verb.ExamineReceptacle))
                _admissible = null;
            _observation = Feedback.Text(_layout, _state, command, _grammar);
            _rawForm = command.Verb == Verb.GoTo && _grammar == AlfworldGrammar.V03 ? RawForm.Arrive : RawForm.Same;
            wonNow = Rules.GoalSatisfied(_layout, _state);
        }
        else
        {
            _observation = Feedback.NothingHappens;
            _rawForm = RawForm.Same;
        }
        _won = wonNow;
        bool truncated = !wonNow && _steps >= _maxSteps;
        _done = wonNow || truncated;
        return new StepResult(_observation, wonNow ? 1 : 0, _done, wonNow, wonNow ? 1 : 0, accepted, truncated);
    }

    public IEnvironment Clone() => new AlfworldEnvironment(this);
}
