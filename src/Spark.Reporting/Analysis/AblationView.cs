using System.Globalization;
using Spark.Reporting.Input;

namespace Spark.Reporting.Analysis;

/// <summary>One ablation with its points averaged over seeds per (series, x); x in numeric order for lines, as given for bars.</summary>
public sealed class AblationView
{
    readonly Dictionary<(string Series, string X), MeanStd> _values = [];

    public AblationView(Ablation ablation)
    {
        Ablation = ablation;
        Series = Ordering.Methods(ablation.Points.Select(p => p.Series));
        var xs = ablation.Points.Select(p => p.X).Distinct();
        Xs = ablation.Kind == AblationKind.Line ? xs.OrderBy(Numeric).ToList() : xs.ToList();
        foreach (var g in ablation.Points.GroupBy(p => (p.Series, p.X)))
            _values[g.Key] = MeanStd.Of(g.Select(p => p.Value));
        Seeds = ablation.Points.Select(p => p.Seed).Distinct().Count();
    }

    public Ablation Ablation { get; }
    public IReadOnlyList<string> Series { get; }
    public IReadOnlyList<string> Xs { get; }
    public int Seeds { get; }

    public MeanStd? Value(string series, string x) => _values.TryGetValue((series, x), out var v) ? v : null;

    public static double Numeric(string x) => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture);
}
