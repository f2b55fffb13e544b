namespace Spark.Reporting.Analysis;

/// <summary>
/// The order and colours the report uses everywhere: SFT, GRPO, SPARK first (the paper's order), then any
/// other method in order of first appearance; known environments and splits in the paper's order.
/// </summary>
public static class Ordering
{
    static readonly string[] KnownMethods = ["SFT", "GRPO", "SPARK"];
    static readonly string[] KnownEnvs = ["alfworld", "scienceworld", "webshop"];
    static readonly string[] KnownSplits = ["L0", "L1", "L2", "test"];

    // Paper-like palette: baselines muted, SPARK strong; the rest from Tableau 10.
    static readonly Dictionary<string, string> KnownColors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SFT"] = "#8c8c8c", ["GRPO"] = "#1f77b4", ["SPARK"] = "#d62728",
    };
    static readonly string[] Palette = ["#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

    public static IReadOnlyList<string> Methods(IEnumerable<string> names) => Sort(names, KnownMethods);
    public static IReadOnlyList<string> Envs(IEnumerable<string> names) => Sort(names, KnownEnvs);
    public static IReadOnlyList<string> Splits(IEnumerable<string> names) => Sort(names, KnownSplits);

    /// <summary>A fixed colour per method: known methods by name, others by their position among the unknown ones.</summary>
    public static string Color(string method, IReadOnlyList<string> allMethods)
    {
        if (KnownColors.TryGetValue(method, out var c)) return c;
        int i = allMethods.Where(m => !KnownColors.ContainsKey(m)).ToList().IndexOf(method);
        return Palette[Math.Max(i, 0) % Palette.Length];
    }

    static IReadOnlyList<string> Sort(IEnumerable<string> names, string[] known)
    {
        var distinct = names.Distinct().ToList();
        return distinct
            .Select((n, i) => (n, rank: Array.FindIndex(known, k => string.Equals(k, n, StringComparison.OrdinalIgnoreCase)), i))
            .OrderBy(x => x.rank < 0 ? known.Length : x.rank).ThenBy(x => x.i)
            .Select(x => x.n).ToList();
    }
}
