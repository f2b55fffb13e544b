using System.Text.RegularExpressions;
using Spark.Reporting.Input;

namespace Spark.Reporting.Analysis;

/// <summary>A metric at one training step, over the seeds that logged it there.</summary>
public readonly record struct CurvePoint(double Step, MeanStd Value);

/// <summary>
/// Per-iteration training metrics by environment, method and metric, aligned on the step and averaged over
/// seeds. Any numeric field is kept; the known ones are sorted into the report's plots.
/// </summary>
public sealed partial class CurvesView
{
    /// <summary>Fields that give the x axis, in order of preference (else the line number).</summary>
    static readonly string[] StepFields = ["step", "iteration"];
    /// <summary>Training diagnostics plotted in one panel each, in this order, when present.</summary>
    public static readonly IReadOnlyList<string> Diagnostics =
        ["reward_mean", "invalid_ratio", "tokens_generated", "kl", "entropy", "clip_fraction", "grad_norm"];

    readonly Dictionary<(string Env, string Method, string Metric), IReadOnlyList<CurvePoint>> _series = [];
    readonly Dictionary<string, IReadOnlyList<string>> _metrics = [];
    readonly Dictionary<(string Env, string Method), int> _seeds = [];

    public CurvesView(ReportInput input)
    {
        Methods = Ordering.Methods(input.Training.Select(t => t.Method));
        Envs = Ordering.Envs(input.Training.Select(t => t.Env));
        foreach (var env in Envs)
        {
            var runs = input.Training.Where(t => t.Env == env).ToList();
            var names = runs.SelectMany(r => r.Iterations).SelectMany(i => i.Keys).Where(k => !StepFields.Contains(k)).Distinct();
            _metrics[env] = SortMetrics(names);
            foreach (var method in Methods)
            {
                var mine = runs.Where(r => r.Method == method).ToList();
                if (mine.Count == 0) continue;
                _seeds[(env, method)] = mine.Count;
                foreach (var metric in _metrics[env])
                {
                    var points = mine
                        .SelectMany(run => run.Iterations.Select((it, i) => (step: StepOf(it, i), it)))
                        .Where(x => x.it.ContainsKey(metric))
                        .GroupBy(x => x.step)
                        .OrderBy(g => g.Key)
                        .Select(g => new CurvePoint(g.Key, MeanStd.Of(g.Select(x => x.it[metric]))))
                        .Where(p => p.Value.N > 0)
                        .ToList();
                    if (points.Count > 0) _series[(env, method, metric)] = points;
                }
            }
        }
    }

    public IReadOnlyList<string> Methods { get; }
    public IReadOnlyList<string> Envs { get; }
    public bool IsEmpty => _series.Count == 0;

    /// <summary>Every metric logged in <paramref name="env"/>: success metrics, explore ratio, diagnostics, then the rest alphabetically.</summary>
    public IReadOnlyList<string> Metrics(string env) => _metrics.TryGetValue(env, out var m) ? m : [];

    public IReadOnlyList<CurvePoint> Series(string env, string method, string metric) =>
        _series.TryGetValue((env, method, metric), out var s) ? s : [];

    public bool Has(string env, string metric) => Methods.Any(m => Series(env, m, metric).Count > 0);

    public int Seeds(string env, string method) => _seeds.GetValueOrDefault((env, method));

    /// <summary>The learning curves: rollout_success, every eval_&lt;split&gt;_success, then every eval_&lt;split&gt;_score, in split order.</summary>
    public IReadOnlyList<string> LearningMetrics(string env) =>
        Metrics(env).Where(m => m == "rollout_success" || EvalSuccess().IsMatch(m) || EvalScore().IsMatch(m)).ToList();

    public IReadOnlyList<string> DiagnosticMetrics(string env) => Metrics(env).Where(Diagnostics.Contains).ToList();

    /// <summary>Metrics no plot shows; the page lists their last values.</summary>
    public IReadOnlyList<string> OtherMetrics(string env) =>
        Metrics(env).Where(m => !IsKnown(m)).ToList();

    public static bool IsKnown(string metric) =>
        metric is "rollout_success" or "explore_ratio" || Diagnostics.Contains(metric) || EvalSuccess().IsMatch(metric) || EvalScore().IsMatch(metric);

    /// <summary>Metrics that are fractions, plotted as percentages.</summary>
    public static bool IsRate(string metric) =>
        metric is "rollout_success" or "explore_ratio" or "invalid_ratio" or "clip_fraction" || EvalSuccess().IsMatch(metric) || EvalScore().IsMatch(metric);

    /// <summary>"eval_L0_success" → "eval L0 success".</summary>
    public static string Label(string metric) => metric.Replace('_', ' ');

    static double StepOf(IReadOnlyDictionary<string, double> iteration, int index)
    {
        foreach (var f in StepFields)
            if (iteration.TryGetValue(f, out double s) && double.IsFinite(s)) return s;
        return index + 1;
    }

    static IReadOnlyList<string> SortMetrics(IEnumerable<string> names)
    {
        var all = names.ToList();
        var evalSplits = Ordering.Splits(all.Select(n => EvalSuccess().Match(n)).Where(m => m.Success).Select(m => m.Groups[1].Value));
        var scoreSplits = Ordering.Splits(all.Select(n => EvalScore().Match(n)).Where(m => m.Success).Select(m => m.Groups[1].Value));
        var ordered = new List<string>();
        if (all.Contains("rollout_success")) ordered.Add("rollout_success");
        ordered.AddRange(evalSplits.Select(s => $"eval_{s}_success"));
        ordered.AddRange(scoreSplits.Select(s => $"eval_{s}_score"));
        if (all.Contains("explore_ratio")) ordered.Add("explore_ratio");
        ordered.AddRange(Diagnostics.Where(all.Contains));
        ordered.AddRange(all.Where(n => !ordered.Contains(n)).Order(StringComparer.Ordinal));
        return ordered;
    }

    [GeneratedRegex("^eval_(.+)_success$")]
    private static partial Regex EvalSuccess();

    [GeneratedRegex("^eval_(.+)_score$")]
    private static partial Regex EvalScore();
}
