using Spark.Reporting.Input;

namespace Spark.Reporting.Analysis;

/// <summary>One method on one split, averaged over its seeds.</summary>
public sealed record ResultCell(
    string Method, string Env, string Split, int Seeds, int Episodes,
    MeanStd Success, MeanStd? Score, MeanStd? TokensPerEpisode, MeanStd? MeanSteps,
    MeanStd? Repetitive, MeanStd? Explore);

/// <summary>The evaluation results grouped by method × environment × split, with the paper's numbers beside them.</summary>
public sealed class ResultsView
{
    readonly Dictionary<(string, string, string), ResultCell> _cells = [];
    readonly Dictionary<(string, string, string, PaperMetric), PaperValue> _paper = [];
    readonly Dictionary<string, IReadOnlyList<string>> _splits = [];

    public ResultsView(ReportInput input)
    {
        Methods = Ordering.Methods(input.Results.Select(r => r.Method));
        Envs = Ordering.Envs(input.Results.Select(r => r.Env));
        foreach (var env in Envs)
            _splits[env] = Ordering.Splits(input.Results.Where(r => r.Env == env).Select(r => r.Split));
        foreach (var g in input.Results.GroupBy(r => (r.Method, r.Env, r.Split)))
        {
            var rows = g.ToList();
            _cells[g.Key] = new ResultCell(
                g.Key.Method, g.Key.Env, g.Key.Split, rows.Count, rows.Sum(r => r.Episodes),
                MeanStd.Of(rows.Select(r => r.SuccessRate)),
                MeanStd.OfOptional(rows.Select(r => r.Score)),
                MeanStd.OfOptional(rows.Select(r => r.GeneratedTokens is long t && r.Episodes > 0 ? (double?)t / r.Episodes : null)),
                MeanStd.OfOptional(rows.Select(r => r.MeanSteps)),
                MeanStd.OfOptional(rows.Select(r => r.RepetitiveActionRatio)),
                MeanStd.OfOptional(rows.Select(r => r.ExploreRatio)));
        }
        foreach (var p in input.Paper)
            _paper[(p.Method, p.Env, p.Split, p.Metric)] = p;
        Seeds = input.Results.Select(r => r.Seed).Distinct().Count();
    }

    public IReadOnlyList<string> Methods { get; }
    public IReadOnlyList<string> Envs { get; }
    /// <summary>How many distinct seeds the results hold.</summary>
    public int Seeds { get; }
    public bool IsEmpty => _cells.Count == 0;

    public IReadOnlyList<string> Splits(string env) => _splits.TryGetValue(env, out var s) ? s : [];

    public ResultCell? Cell(string method, string env, string split) => _cells.GetValueOrDefault((method, env, split));

    public IEnumerable<ResultCell> CellsOf(string env) =>
        from split in Splits(env) from method in Methods
        let c = Cell(method, env, split) where c != null select c;

    /// <summary>The paper's figure for this cell, if the input carries one.</summary>
    public double? Paper(string method, string env, string split, PaperMetric metric) =>
        _paper.TryGetValue((method, env, split, metric), out var p) ? p.Value : null;

    public bool HasPaper(PaperMetric metric) => _paper.Keys.Any(k => k.Item4 == metric && Envs.Contains(k.Item2));

    public bool HasScore(string env) => CellsOf(env).Any(c => c.Score != null);
    public bool HasRepetitive(string env) => CellsOf(env).Any(c => c.Repetitive != null);
}
