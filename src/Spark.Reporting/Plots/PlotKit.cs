using ScottPlot;
using Spark.Reporting.Analysis;

namespace Spark.Reporting.Plots;

/// <summary>The two chart shapes the report draws (grouped bars and lines with seed bands), styled alike.</summary>
internal static class PlotKit
{
    public const int Width = 960;
    public const int Height = 400;
    const double BandAlpha = 0.18;

    /// <summary>DejaVu ships with the machine image (fonts-dejavu-core); ScottPlot falls back to its default when it is missing.</summary>
    const string FontName = "DejaVu Sans";

    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        Style(plot);
        plot.Title(title, size: 16);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        return plot;
    }

    public static void Style(Plot plot) => plot.Font.Set(FontName);

    public static Color ColorOf(string hex) => Color.FromHex(hex);

    /// <summary>
    /// Bars grouped by <paramref name="groups"/> (x ticks), one bar per series in each group, error bars = std
    /// over seeds, the value written on top; a group without a value for a series leaves a gap. Optional
    /// <paramref name="reference"/> values (the paper's) are drawn as black diamonds on their bar's position.
    /// </summary>
    public static void GroupedBars(Plot plot, IReadOnlyList<string> groups, IReadOnlyList<string> series,
        Func<string, string, MeanStd?> value, Func<string, string> color, double scale,
        Func<string, string, double?>? reference = null, string referenceLabel = "paper")
    {
        int width = series.Count + 1;
        var refX = new List<double>();
        var refY = new List<double>();
        for (int j = 0; j < series.Count; j++)
        {
            var bars = new List<Bar>();
            for (int g = 0; g < groups.Count; g++)
            {
                double x = g * width + j;
                if (reference?.Invoke(series[j], groups[g]) is double r) { refX.Add(x); refY.Add(r * scale); }
                if (value(series[j], groups[g]) is not MeanStd v || v.N == 0) continue;
                bars.Add(new Bar
                {
                    Position = x,
                    Value = v.Mean * scale,
                    Error = v.N > 1 ? v.Std * scale : 0,
                    FillColor = ColorOf(color(series[j])),
                    Label = Format(v.Mean * scale),
                });
            }
            if (bars.Count == 0) continue;
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[j];
            plottable.ValueLabelStyle.FontSize = 11;
        }
        if (refX.Count > 0)
        {
            var marks = plot.Add.ScatterPoints(refX.ToArray(), refY.ToArray(), Colors.Black);
            marks.MarkerShape = MarkerShape.FilledDiamond;
            marks.MarkerSize = 9;
            marks.LegendText = referenceLabel;
        }
        double[] ticks = Enumerable.Range(0, groups.Count).Select(g => g * width + (series.Count - 1) / 2.0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, groups.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.ShowLegend(Edge.Right);
    }

    /// <summary>One line per series (mean over seeds) with a band of ± one std where several seeds logged the point.</summary>
    public static void Lines(Plot plot, IReadOnlyList<string> series, Func<string, IReadOnlyList<CurvePoint>> points,
        Func<string, string> color, double scale, bool legend)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var name in series)
        {
            var pts = points(name);
            if (pts.Count == 0) continue;
            var c = ColorOf(color(name));
            double[] xs = pts.Select(p => p.Step).ToArray();
            double[] ys = pts.Select(p => p.Value.Mean * scale).ToArray();
            min = Math.Min(min, pts.Min(p => (p.Value.Mean - p.Value.Std) * scale));
            max = Math.Max(max, pts.Max(p => (p.Value.Mean + p.Value.Std) * scale));
            if (pts.Any(p => p.Value.N > 1))
            {
                var band = plot.Add.FillY(xs, pts.Select(p => (p.Value.Mean - p.Value.Std) * scale).ToArray(),
                    pts.Select(p => (p.Value.Mean + p.Value.Std) * scale).ToArray());
                band.FillColor = c.WithAlpha(BandAlpha);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(xs, ys, c);
            line.LineWidth = 2;
            line.MarkerSize = pts.Count <= 30 ? 5 : 0;
            line.LegendText = name;
        }
        if (legend) plot.ShowLegend(Alignment.UpperLeft);
        else plot.HideLegend();
        // A constant series would give an empty y range; open it up around the value.
        if (double.IsFinite(min) && max - min < 1e-9 * Math.Max(1, Math.Abs(max)))
        {
            double pad = Math.Max(Math.Abs(max) * 0.1, 1e-3);
            plot.Axes.SetLimitsY(min - pad, max + pad);
        }
    }

    public static string Format(double v) =>
        Math.Abs(v) >= 100 || v == Math.Round(v) ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
                                                 : v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A file-name-safe form of an environment, metric or ablation name.</summary>
    public static string Slug(string s)
    {
        var chars = s.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray();
        string slug = new string(chars).Trim('-');
        while (slug.Contains("--")) slug = slug.Replace("--", "-");
        return slug.Length == 0 ? "x" : slug;
    }
}
