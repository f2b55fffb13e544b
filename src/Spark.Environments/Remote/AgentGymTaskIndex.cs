using Spark.Core.Configuration;
using Spark.Core.Environments;

namespace Spark.Environments.Remote;

/// <summary>One split's block of the flat index: tasks <c>Start … Start+Count-1</c> are that split's 0 … Count-1.</summary>
public sealed record TaskRange(string Split, int Start, int Count);

/// <summary>
/// AgentGym's servers name a task by one integer (ALFWorld <c>game</c>, SciWorld <c>data_idx</c>, WebShop
/// <c>session_id</c>); our suites name it by (split, index). This map lays the splits end to end in a fixed
/// order: the first split's tasks come first, then the next split's, and so on. The server and every
/// client must use the same map, so both build it the same way (<see cref="For"/>) or spell it out.
/// </summary>
public sealed class AgentGymTaskIndex
{
    readonly TaskRange[] _ranges;

    public AgentGymTaskIndex(IEnumerable<(string Split, int Count)> splits)
    {
        var ranges = new List<TaskRange>();
        int start = 0;
        foreach (var (split, count) in splits)
        {
            ConfigException.Require(count >= 0, "splits", $"split '{split}' has a negative size {count}");
            ConfigException.Require(ranges.All(r => r.Split != split), "splits", $"split '{split}' appears twice");
            ranges.Add(new TaskRange(split, start, count));
            start = checked(start + count);
        }
        ConfigException.Require(ranges.Count > 0, "splits", "no split given");
        _ranges = [.. ranges];
        Count = start;
    }

    /// <summary>The suite's splits in <paramref name="order"/> (default: <see cref="DefaultOrder"/>), or only
    /// <paramref name="onlySplit"/> when given, so that index i is task i of that split.</summary>
    public static AgentGymTaskIndex For(IEnvironmentSuite suite, string? onlySplit = null, IReadOnlyList<string>? order = null)
    {
        if (onlySplit != null)
        {
            ConfigException.Require(suite.Splits.Contains(onlySplit), "split",
                $"'{onlySplit}' is not a split of {suite.Name}; known: {string.Join(", ", suite.Splits)}");
            return new AgentGymTaskIndex([(onlySplit, suite.Count(onlySplit))]);
        }
        var splits = order ?? DefaultOrder(suite);
        foreach (var s in splits)
            ConfigException.Require(suite.Splits.Contains(s), "split", $"'{s}' is not a split of {suite.Name}");
        return new AgentGymTaskIndex(splits.Select(s => (s, suite.Count(s))));
    }

    /// <summary>The suite's own split order (training split first), except for WebShop, whose test split (goals
    /// 0–499) comes first so that AgentGym's <c>session_id</c> keeps meaning WebShop's goal index.</summary>
    public static IReadOnlyList<string> DefaultOrder(IEnvironmentSuite suite) =>
        suite.Name == "webshop" && suite.Splits.Contains("test")
            ? ["test", .. suite.Splits.Where(s => s != "test")]
            : suite.Splits;

    /// <summary>Parses "train=2420,valid_train=200" (the layout of a server we cannot ask).</summary>
    public static AgentGymTaskIndex Parse(string layout)
    {
        var splits = new List<(string, int)>();
        foreach (var part in layout.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            ConfigException.Require(eq > 0 && int.TryParse(part[(eq + 1)..], out _), "layout",
                $"expected SPLIT=COUNT[,SPLIT=COUNT…], got '{part}'");
            splits.Add((part[..eq], int.Parse(part[(eq + 1)..])));
        }
        return new AgentGymTaskIndex(splits);
    }

    public int Count { get; }

    public IReadOnlyList<TaskRange> Ranges => _ranges;

    public bool Contains(string split) => _ranges.Any(r => r.Split == split);

    public int SplitCount(string split) => Range(split).Count;

    public (string Split, int Index) ToTask(int flat)
    {
        foreach (var r in _ranges)
            if (flat >= r.Start && flat < r.Start + r.Count) return (r.Split, flat - r.Start);
        throw new ArgumentOutOfRangeException(nameof(flat), flat, $"task index must be in [0, {Count})");
    }

    public int ToFlat(string split, int index)
    {
        var r = Range(split);
        if (index < 0 || index >= r.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"split '{split}' has {r.Count} tasks");
        return r.Start + index;
    }

    public override string ToString() => string.Join(",", _ranges.Select(r => $"{r.Split}={r.Count}"));

    TaskRange Range(string split) =>
        _ranges.FirstOrDefault(r => r.Split == split)
        ?? throw new ArgumentException($"unknown split '{split}'; known: {string.Join(", ", _ranges.Select(r => r.Split))}", nameof(split));
}
