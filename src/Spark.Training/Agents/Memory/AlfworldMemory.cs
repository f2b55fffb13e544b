using System.Text.RegularExpressions;

namespace Spark.Training.Agents.Memory;

/// <summary>
/// ALFWorld memory line: the receptacles visited with what was seen in them, what is held and what has been
/// done to it, and what has been put where. Reads ALFWorld's feedback sentences (envs.md §1.3), v0.3 and v0.5.
/// Example: <c>visited countertop 1 [apple 1, mug 2], cabinet 1 [closed]; holding mug 2 (cleaned); done: put mug 1 in coffeemachine 1</c>.
/// </summary>
public sealed partial class AlfworldMemory : IMemoryTracker
{
    // Receptacle → what it holds; null while it was only seen closed. Insertion order = visiting order.
    readonly List<(string Name, List<string>? Items)> _visited = [];
    readonly Dictionary<string, string> _objectStates = [];
    readonly List<string> _done = [];
    string? _held;

    public void Start(string observation) { }

    public void Record(string before, string action, string after)
    {
        if (after.StartsWith("Nothing happens", StringComparison.Ordinal)) return;

        foreach (Match m in ClosedPattern().Matches(after)) See(m.Groups["r"].Value, null);
        foreach (Match m in OpenPattern().Matches(after)) See(m.Groups["r"].Value, MemoryText.SplitList(m.Groups["l"].Value));
        foreach (Match m in SurfacePattern().Matches(after)) See(m.Groups["r"].Value, MemoryText.SplitList(m.Groups["l"].Value));

        if (TakePattern().Match(after) is { Success: true } take)
        {
            _held = take.Groups["o"].Value;
            Items(take.Groups["r"].Value)?.Remove(_held);
        }
        else if (PutPattern().Match(after) is { Success: true } put)
        {
            string obj = put.Groups["o"].Value, recep = put.Groups["r"].Value;
            _held = null;
            Items(recep)?.Add(obj);
            _done.Add($"put {Describe(obj)} in {recep}");
        }
        else if (ChangePattern().Match(after) is { Success: true } change)
        {
            _objectStates[change.Groups["o"].Value] = change.Groups["v"].Value + "ed";
        }
        else if (SlicePattern().Match(after) is { Success: true } slice)
        {
            _objectStates[slice.Groups["o"].Value] = "sliced";
        }
        else if (TurnOnPattern().Match(after) is { Success: true } use)
        {
            _done.Add($"turned on {use.Groups["o"].Value}");
        }
        else if (CarryingPattern().Match(after) is { Success: true } carrying)
        {
            _held = MemoryText.SplitList(carrying.Groups["l"].Value).FirstOrDefault();
        }
        else if (after.Contains("You are not carrying anything", StringComparison.Ordinal))
        {
            _held = null;
        }
    }

    public string Render()
    {
        var parts = new List<string>();
        if (_visited.Count > 0)
            parts.Add("visited " + string.Join(", ", _visited.Select(v =>
                $"{v.Name} [{(v.Items == null ? "closed" : v.Items.Count == 0 ? "nothing" : string.Join(", ", v.Items))}]")));
        if (_held != null || parts.Count > 0) parts.Add("holding " + (_held == null ? "nothing" : Describe(_held)));
        if (_done.Count > 0) parts.Add("done: " + string.Join(", ", _done));
        return string.Join("; ", parts);
    }

    public IMemoryTracker Clone()
    {
        var copy = new AlfworldMemory { _held = _held };
        copy._visited.AddRange(_visited.Select(v => (v.Name, v.Items == null ? null : new List<string>(v.Items))));
        foreach (var kv in _objectStates) copy._objectStates[kv.Key] = kv.Value;
        copy._done.AddRange(_done);
        return copy;
    }

    string Describe(string obj) => _objectStates.TryGetValue(obj, out var state) ? $"{obj} ({state})" : obj;

    List<string>? Items(string receptacle) => _visited.FirstOrDefault(v => v.Name == receptacle).Items;

    void See(string receptacle, List<string>? items)
    {
        int i = _visited.FindIndex(v => v.Name == receptacle);
        if (i < 0) _visited.Add((receptacle, items));
        else if (items != null) _visited[i] = (receptacle, items); // a closed look keeps what was seen inside
    }

    [GeneratedRegex(@"The (?<r>[^,.]+?) is closed\.")]
    private static partial Regex ClosedPattern();

    [GeneratedRegex(@"The (?<r>[^,.]+?) is open\. In it, you see (?<l>[^.]*)\.")]
    private static partial Regex OpenPattern();

    [GeneratedRegex(@"On the (?<r>[^,.]+?), you see (?<l>[^.]*)\.")]
    private static partial Regex SurfacePattern();

    [GeneratedRegex(@"You pick up the (?<o>[^,.]+?) from the (?<r>[^,.]+?)\.")]
    private static partial Regex TakePattern();

    [GeneratedRegex(@"You (?:put the (?<o>[^,.]+?) in/on the|move the (?<o>[^,.]+?) to the) (?<r>[^,.]+?)\.")]
    private static partial Regex PutPattern();

    [GeneratedRegex(@"You (?<v>heat|cool|clean) the (?<o>[^,.]+?) using the")]
    private static partial Regex ChangePattern();

    [GeneratedRegex(@"You sliced the (?<o>[^,.]+?) with the")]
    private static partial Regex SlicePattern();

    [GeneratedRegex(@"You turn on the (?<o>[^,.]+?)\.")]
    private static partial Regex TurnOnPattern();

    [GeneratedRegex(@"You are carrying: (?<l>[^.]*)\.")]
    private static partial Regex CarryingPattern();
}
