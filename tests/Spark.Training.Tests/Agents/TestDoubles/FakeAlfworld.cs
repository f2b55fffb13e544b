using Spark.Core.Environments;

namespace Spark.Training.Tests.Agents.TestDoubles;

/// <summary>
/// A one-room ALFWorld look-alike for harness tests (named "alfworld" so the ALFWorld prompt piece serves it):
/// eight receptacles, one goal object hidden in one of them, "put a [clean] X in Y" tasks, ALFWorld's feedback
/// sentences (envs.md §1.3), sorted admissible lists, a 30-step limit. Task i of a split is fixed by i.
/// </summary>
public sealed class FakeAlfworldSuite : IEnvironmentSuite
{
    public static readonly string[] Receptacles =
        ["cabinet 1", "cabinet 2", "countertop 1", "diningtable 1", "drawer 1", "fridge 1", "shelf 1", "sinkbasin 1"];
    static readonly string[] Objects = ["mug", "apple", "cup", "plate"];
    static readonly string[] Targets = ["diningtable", "shelf", "countertop"];

    public string Name => "alfworld";
    public IReadOnlyList<string> Splits => ["train", "test"];
    public int Count(string split) => 40;
    public IExpert? Expert { get; } = new FakeAlfworldExpert();

    public TaskInfo Describe(string split, int index)
    {
        bool clean = index % 2 == 0;
        string obj = Objects[index % Objects.Length], target = Targets[index / 2 % Targets.Length];
        return new TaskInfo("alfworld", split, index, clean ? "pick_clean_then_place_in_recep" : "pick_and_place_simple",
            clean ? $"put a clean {obj} in {target}." : $"put a {obj} in {target}.");
    }

    public IEnvironment Create(string split, int index)
    {
        var task = Describe(split, index);
        string target = Targets[index / 2 % Targets.Length] + " 1";
        // The object hides somewhere other than the target and the sink; which place is fixed by the index.
        var places = Receptacles.Where(r => r != target && r != "sinkbasin 1").ToArray();
        string hiding = places[(index * 7 + (split == "test" ? 3 : 0)) % places.Length];
        return new FakeAlfworldEnv(task, Objects[index % Objects.Length] + " 1", hiding, target, index % 2 == 0);
    }
}

public sealed class FakeAlfworldEnv : IEnvironment
{
    const int StepLimit = 30;
    readonly Dictionary<string, List<string>> _contents = [];
    readonly HashSet<string> _open = [];
    readonly List<string> _actions = [];
    readonly string _object, _target;
    readonly bool _needsClean;
    string? _location, _held;
    bool _cleaned, _won;

    public FakeAlfworldEnv(TaskInfo task, string obj, string hiding, string target, bool needsClean)
    {
        Task = task;
        (_object, _target, _needsClean) = (obj, target, needsClean);
        foreach (var r in FakeAlfworldSuite.Receptacles) _contents[r] = [];
        _contents[hiding].Add(obj);
        _contents["countertop 1"].Add("knife 1");
    }

    public TaskInfo Task { get; }
    public int StepCount => _actions.Count;
    public IReadOnlyList<string> ActionHistory => _actions;
    public bool CanClone => true;

    public IEnvironment Clone()
    {
        var copy = new FakeAlfworldEnv(Task, _object, "cabinet 1", _target, _needsClean);
        foreach (var (r, items) in _contents) copy._contents[r] = [.. items];
        copy._open.UnionWith(_open);
        copy._actions.AddRange(_actions);
        (copy._location, copy._held, copy._cleaned, copy._won) = (_location, _held, _cleaned, _won);
        return copy;
    }

    public StepResult Reset()
    {
        var fresh = (FakeAlfworldEnv)new FakeAlfworldSuite().Create(Task.Split, Task.Index);
        _contents.Clear();
        foreach (var (r, items) in fresh._contents) _contents[r] = items;
        _open.Clear();
        _actions.Clear();
        (_location, _held, _cleaned, _won) = (null, null, false, false);
        string all = List(FakeAlfworldSuite.Receptacles);
        return new StepResult($"You are in the middle of a room. Looking quickly around you, you see {all}.\nYour task is to: {Task.Goal}", 0, false, false, 0, true);
    }

    static bool Openable(string r) => r.StartsWith("cabinet") || r.StartsWith("drawer") || r.StartsWith("fridge");
    bool Accessible(string r) => !Openable(r) || _open.Contains(r);

    public IReadOnlyList<string> AdmissibleActions
    {
        get
        {
            var list = new List<string> { "inventory", "look" };
            list.AddRange(FakeAlfworldSuite.Receptacles.Where(r => r != _location).Select(r => $"go to {r}"));
            if (_location is { } at)
            {
                list.Add($"examine {at}");
                if (Openable(at)) list.Add(_open.Contains(at) ? $"close {at}" : $"open {at}");
                if (Accessible(at) && _held == null) list.AddRange(_contents[at].Select(o => $"take {o} from {at}"));
                if (Accessible(at) && _held != null) list.Add($"put {_held} in/on {at}");
                if (at == "sinkbasin 1" && _held != null) list.Add($"clean {_held} with {at}");
            }
            return [.. list.Order(StringComparer.Ordinal)];
        }
    }

    public StepResult Step(string action)
    {
        action = action.Trim();
        bool accepted = AdmissibleActions.Contains(action);
        _actions.Add(action);
        string obs = accepted ? Apply(action) : "Nothing happens.";
        bool truncated = !_won && _actions.Count >= StepLimit;
        return new StepResult(obs, _won ? 1 : 0, _won || truncated, _won, _won ? 1 : 0, accepted, truncated);
    }

    string Apply(string action)
    {
        string[] w = action.Split(' ');
        switch (w[0])
        {
            case "go":
                _location = action[6..];
                return Describe(_location);
            case "examine":
                return Describe(_location!);
            case "open":
                _open.Add(_location!);
                return $"You open the {_location}. The {_location} is open. In it, you see {List(_contents[_location!])}.";
            case "close":
                _open.Remove(_location!);
                return $"You close the {_location}.";
            case "take":
                _held = $"{w[1]} {w[2]}";
                _contents[_location!].Remove(_held);
                return $"You pick up the {_held} from the {_location}.";
            case "put":
                string put = _held!;
                _contents[_location!].Add(put);
                _held = null;
                _won = put == _object && _location == _target && (_cleaned || !_needsClean);
                return $"You put the {put} in/on the {_location}.";
            case "clean":
                _cleaned |= _held == _object;
                return $"You clean the {_held} using the {_location}.";
            case "inventory":
                return _held == null ? "You are not carrying anything." : $"You are carrying: a {_held}.";
            default:
                return _location == null
                    ? "You are in the middle of a room. Looking quickly around you, you see nothing."
                    : $"You are facing the {_location}. Next to it, you see nothing.";
        }
    }

    string Describe(string r) =>
        Openable(r)
            ? _open.Contains(r) ? $"The {r} is open. In it, you see {List(_contents[r])}." : $"The {r} is closed."
            : $"On the {r}, you see {List(_contents[r])}.";

    static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nothing",
        1 => $"a {items[0]}",
        _ => string.Join(", ", items.Take(items.Count - 1).Select(i => $"a {i}")) + $", and a {items[^1]}",
    };
}
