using System.Text.Json;
using System.Text.RegularExpressions;
using Spark.Tests.Shared;

namespace Spark.Environments.Tests.Alfworld;

/// <summary>
/// The rules of an ALFWorld .twl2 grammar fixture: each feedback symbol's alternatives (condition, text)
/// in file order, and each action's command template. Just enough of the format to read the texts back.
/// </summary>
public sealed partial class Twl2Grammar
{
    readonly Dictionary<string, List<(string? Condition, string Rhs)>> _rules = [];
    readonly Dictionary<string, string> _templates = [];

    public static Twl2Grammar V03 { get; } = Load("alfred_v0.3.twl2");
    public static Twl2Grammar V05 { get; } = Load("alfred_v0.5.twl2");

    static Twl2Grammar Load(string file)
    {
        var g = new Twl2Grammar();
        string? key = null, condition = null;
        var lines = File.ReadAllLines(RepoPaths.Fixture("alfworld", file));
        foreach (var line in lines)
        {
            if (KeyLine().Match(line) is { Success: true } k) { key = k.Groups[1].Value; condition = null; continue; }
            if (ConditionLine().Match(line) is { Success: true } c) { condition = c.Groups[1].Value; continue; }
            if (RhsLine().Match(line) is { Success: true } r && key != null)
            {
                if (!g._rules.TryGetValue(key, out var list)) g._rules[key] = list = [];
                list.Add((condition, JsonSerializer.Deserialize<string>("\"" + r.Groups[1].Value + "\"")!));
                condition = null;
            }
        }
        foreach (Match m in ActionTemplate().Matches(string.Join('\n', lines)))
            g._templates[m.Groups[1].Value] = m.Groups[2].Value;
        return g;
    }

    /// <summary>The alternatives of a symbol, e.g. "examineReceptacle.feedback".</summary>
    public IReadOnlyList<(string? Condition, string Rhs)> Rules(string key) =>
        _rules.TryGetValue(key, out var r) ? r : throw new KeyNotFoundException($"no rule '{key}' in the grammar");

    /// <summary>The text of the alternative with exactly this condition (null: the unconditional one).</summary>
    public string Rhs(string key, string? condition = null) => Rules(key).Single(r => r.Condition == condition).Rhs;

    /// <summary>The command template of an action, e.g. "take {o} from {r}".</summary>
    public string Template(string action) => _templates[action];

    public bool HasAction(string action) => _templates.ContainsKey(action);

    /// <summary>Renders a list the grammar's way, with its own list_empty / list_separator / list_last_separator.</summary>
    public string List(IReadOnlyList<string> items)
    {
        if (items.Count == 0) return Rhs("list_empty");
        string sep = Rhs("list_separator"), last = Rhs("list_last_separator");
        return items.Count == 1 ? items[0] : string.Join(sep, items.Take(items.Count - 1)) + last + items[^1];
    }

    [GeneratedRegex("""^\s*"([A-Za-z_.\-()]+(?:, r)?)": \[\s*$""")]
    private static partial Regex KeyLine();

    [GeneratedRegex("""^\s*"condition": "(.*)",?\s*$""")]
    private static partial Regex ConditionLine();

    [GeneratedRegex("""^\s*"rhs": "(.*)"\s*$""")]
    private static partial Regex RhsLine();

    [GeneratedRegex("""action (\w+) \{\s*template :: "([^"]*)";""")]
    private static partial Regex ActionTemplate();
}
