using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.Tasks;

namespace Spark.Environments.Alfworld.Expert;

/// <summary>
/// The expert's mind: what it has seen (read from observation text only) and what to do next. It finds
/// things the way a person would: it checks receptacles in order of how likely they hold what it needs
/// (the type priors) per step spent (a closed one costs a visit and an opening), never looks inside a
/// receptacle it has not opened, remembers what it saw on the way, then fetches, treats and places.
/// Decisions are deterministic; only <see cref="ReasonWriter"/>'s wording is random.
/// </summary>
internal sealed class ExpertPlanner
{
    readonly string[] _recs;
    readonly ReceptacleClass?[] _recClass;
    readonly ReceptacleView[] _view;
    readonly List<string>[] _contents;
    readonly bool[] _unreachable;
    readonly int[] _classCounts;
    readonly TaskKind _kind;
    readonly ObjectClass _object;
    readonly string _target;
    readonly bool _moveGrammar;
    readonly HashSet<string> _placed = [];
    readonly Dictionary<ObjectClass, double[]> _scores = [];
    int _at = -1, _destination = -1;
    string? _held;
    bool _treated, _surprised;
    string? _checked;

    ExpertPlanner(List<string> receptacles, TaskKind kind, ObjectClass obj, string target, bool moveGrammar)
    {
        _recs = [.. receptacles];
        _recClass = [.. receptacles.Select(r => AlfworldCatalog.TryReceptacle(ObservationText.ClassOf(r), out var c) ? c : null)];
        _view = new ReceptacleView[_recs.Length];
        _contents = [.. _recs.Select(_ => new List<string>())];
        _unreachable = new bool[_recs.Length];
        _classCounts = new int[AlfworldCatalog.Receptacles.Count];
        foreach (var rc in _recClass.OfType<ReceptacleClass>()) _classCounts[rc.Id]++;
        (_kind, _object, _target, _moveGrammar) = (kind, obj, target, moveGrammar);
    }

    /// <summary>A planner for the task the intro states, or null when the intro is not an ALFWorld one.</summary>
    public static ExpertPlanner? TryCreate(string intro, bool moveGrammar)
    {
        var receptacles = ObservationText.IntroReceptacles(intro);
        string? goal = ObservationText.Goal(intro);
        if (receptacles.Count == 0 || goal == null || !TaskKinds.TryParseGoal(goal, out var kind, out var obj, out var target)
            || !AlfworldCatalog.TryObject(obj, out var objectClass))
            return null;
        return new ExpertPlanner(receptacles, kind, objectClass, target, moveGrammar);
    }

    public TaskKind Kind => _kind;

    /// <summary>The next step, or null when the expert has run out of ideas.</summary>
    public ExpertDecision? Next()
    {
        if (_held == null) return Acquire();
        if (_kind == TaskKind.LookAtObjInLight) return ToLamp();
        string? appliance = Appliance();
        if (appliance != null && !_treated)
        {
            int a = FirstOfClass(appliance);
            if (a < 0) return null;
            return _at == a
                ? Decide($"{TreatVerb()} {_held} with {_recs[a]}", Move.Treat, _held, a)
                : Decide($"go to {_recs[a]}", Move.GoToAppliance, _held, a);
        }
        if (_destination < 0) _destination = ChooseDestination();
        if (_destination < 0) return null;
        int t = _destination;
        if (_at != t) return Decide($"go to {_recs[t]}", Move.GoToTarget, _held, t);
        if (_view[t] == ReceptacleView.Closed) return Decide($"open {_recs[t]}", Move.OpenTarget, _held, t);
        string put = _moveGrammar ? $"move {_held} to {_recs[t]}" : $"put {_held} in/on {_recs[t]}";
        return Decide(put, Move.Put, _held, t);
    }

    /// <summary>Updates what the expert knows from the feedback to <paramref name="decision"/>.</summary>
    public void Observe(ExpertDecision decision, string observation, bool accepted)
    {
        _surprised = !accepted;
        _checked = null;
        int place = Array.IndexOf(_recs, decision.Place);
        if (!accepted)
        {
            if (decision.Action.StartsWith("go to ", StringComparison.Ordinal) && place >= 0) _unreachable[place] = true;
            return;
        }
        switch (decision.Move)
        {
            case Move.Search or Move.SearchLamp or Move.GoToKnown or Move.GoToAppliance or Move.GoToTarget or Move.GoToLamp:
                _at = place;
                See(place, observation, decision);
                break;
            case Move.OpenToSearch or Move.OpenToSearchLamp or Move.OpenTarget:
                See(place, observation, decision);
                break;
            case Move.Take:
                _held = decision.Subject;
                _treated = false;
                _contents[place].Remove(decision.Subject);
                break;
            case Move.Treat:
                _treated = true;
                break;
            case Move.Put:
                _contents[place].Add(decision.Subject);
                _placed.Add(decision.Subject);
                _held = null;
                break;
        }
    }

    ExpertDecision? Acquire()
    {
        var (known, at) = FindKnown(_object.Name, skipDestination: _kind == TaskKind.PickTwoObjAndPlace);
        if (known != null)
            return _at == at
                ? Decide($"take {known} from {_recs[at]}", Move.Take, known, at)
                : Decide($"go to {_recs[at]}", Move.GoToKnown, known, at);
        return Search(_object, Move.Search, Move.OpenToSearch);
    }

    ExpertDecision? ToLamp()
    {
        if (!AlfworldCatalog.TryObject(_target, out var lamp)) return null;
        var (known, at) = FindKnown(lamp.Name, skipDestination: false);
        if (known != null)
            return _at == at
                ? Decide($"use {known}", Move.UseLamp, known, at)
                : Decide($"go to {_recs[at]}", Move.GoToLamp, known, at);
        return Search(lamp, Move.SearchLamp, Move.OpenToSearchLamp);
    }

    ExpertDecision? Search(ObjectClass sought, Move go, Move open)
    {
        if (_at >= 0 && _view[_at] == ReceptacleView.Closed && !_unreachable[_at])
            return Decide($"open {_recs[_at]}", open, sought.Name, _at);
        var order = SearchOrder(sought);
        if (order.Count == 0) return null;
        return Decide($"go to {_recs[order[0]]}", go, sought.Name, order[0], order);
    }

    /// <summary>Unchecked receptacles, most promising first: the chance the type priors give the receptacle
    /// per step a check costs (two for a closed one). The goal's own receptacle type goes last: a task never
    /// asks to put a thing where it already is.</summary>
    List<int> SearchOrder(ObjectClass sought)
    {
        if (!_scores.TryGetValue(sought, out var scores)) _scores[sought] = scores = Scores(sought);
        var open = Enumerable.Range(0, _recs.Length)
            .Where(i => i != _at && !_unreachable[i] && _view[i] is ReceptacleView.Unknown or ReceptacleView.Closed).ToList();
        int Rank(int i) => _recClass[i] is { } rc && Array.IndexOf(sought.Places, rc) is >= 0 and var k ? k : int.MaxValue;
        open.Sort((a, b) =>
        {
            int c = scores[b].CompareTo(scores[a]);
            if (c != 0) return c;
            c = Rank(a).CompareTo(Rank(b));
            return c != 0 ? c : Number(_recs[a]).CompareTo(Number(_recs[b]));
        });
        return open;
    }

    double[] Scores(ObjectClass sought)
    {
        var p = TypePriors.Distribution(sought, _classCounts);
        return [.. _recClass.Select(rc =>
        {
            if (rc == null) return 1e-9;
            double score = (p[rc.Id] + 1e-6) / _classCounts[rc.Id] / (rc.Openable ? 2 : 1);
            return sought == _object && rc.Name == _target ? score * 1e-3 : score;
        })];
    }

    (string? Entity, int Receptacle) FindKnown(string cls, bool skipDestination)
    {
        (string?, int) best = (null, -1);
        for (int i = 0; i < _recs.Length; i++)
        {
            if (skipDestination && i == _destination) continue;
            foreach (var item in _contents[i])
                if (ObservationText.ClassOf(item) == cls && !_placed.Contains(item))
                {
                    if (i == _at) return (item, i);
                    if (best.Item1 == null) best = (item, i);
                    break;
                }
        }
        return best;
    }

    /// <summary>The receptacle to place into: one of the goal's type already seen open or open-topped, else the lowest-numbered.</summary>
    int ChooseDestination()
    {
        var candidates = Enumerable.Range(0, _recs.Length)
            .Where(i => _recClass[i]?.Name == _target && !_unreachable[i])
            .OrderBy(i => _view[i] is ReceptacleView.Open or ReceptacleView.Surface ? 0 : 1).ThenBy(i => Number(_recs[i]));
        return candidates.DefaultIfEmpty(-1).First();
    }

    void See(int place, string observation, ExpertDecision decision)
    {
        if (place < 0) return;
        var view = ObservationText.Describe(observation, _recs[place], out var contents);
        if (view == ReceptacleView.Unknown) return;
        _view[place] = view;
        if (view == ReceptacleView.Closed) return;
        _contents[place].Clear();
        _contents[place].AddRange(contents);
        bool searching = decision.Move is Move.Search or Move.OpenToSearch or Move.SearchLamp or Move.OpenToSearchLamp;
        if (searching && !contents.Any(c => ObservationText.ClassOf(c) == decision.Subject)) _checked = _recs[place];
    }

    ExpertDecision Decide(string action, Move move, string subject, int place, List<int>? order = null) =>
        new(action, move, subject, _recs[place], order?.Take(4).Select(i => _recs[i]).ToList() ?? [], _checked, _surprised,
            _held, _placed.Count);

    string? Appliance() => _kind switch
    {
        TaskKind.PickCleanThenPlace => "sinkbasin",
        TaskKind.PickHeatThenPlace => "microwave",
        TaskKind.PickCoolThenPlace => "fridge",
        _ => null,
    };

    string TreatVerb() => _kind switch
    {
        TaskKind.PickCleanThenPlace => "clean",
        TaskKind.PickHeatThenPlace => "heat",
        _ => "cool",
    };

    int FirstOfClass(string cls) => Enumerable.Range(0, _recs.Length)
        .Where(i => _recClass[i]?.Name == cls && !_unreachable[i]).OrderBy(i => Number(_recs[i])).DefaultIfEmpty(-1).First();

    static int Number(string entity) => int.TryParse(entity.AsSpan(entity.LastIndexOf(' ') + 1), out int n) ? n : 0;
}
