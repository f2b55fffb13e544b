using ScottPlot;
using Spark.Reporting.Analysis;
using Spark.Reporting.Input;

namespace Spark.Reporting.Plots;

/// <summary>Where a plot goes on the page.</summary>
public enum PlotSection { Results, Tokens, Training, Ablations }

/// <summary>A PNG the report wrote, relative to the report folder (e.g. <c>plots/success-alfworld.png</c>).</summary>
public sealed record PlotFile(PlotSection Section, string Path, string Title, string Caption);

/// <summary>Draws every plot the input has data for, with ScottPlot, as PNG files.</summary>
internal sealed class ReportPlots(ResultsView results, TokensView tokens, CurvesView curves, IReadOnlyList<AblationView> ablations)
{
    public const string Folder = "plots";
    readonly List<PlotFile> _files = [];
    string _root = "";

    public IReadOnlyList<PlotFile> RenderAll(string reportDir)
    {
        _root = reportDir;
        Directory.CreateDirectory(System.IO.Path.Combine(reportDir, Folder));
        foreach (var env in results.Envs) SuccessPerSplit(env);
        foreach (var env in results.Envs) if (results.HasRepetitive(env)) RepetitionPerSplit(env);
        if (tokens.HasRelative) TokenUse();
        foreach (var env in curves.Envs)
        {
            if (curves.LearningMetrics(env).Count > 0) LearningCurves(env);
            if (curves.Has(env, "explore_ratio")) ExploreRatio(env);
            if (curves.DiagnosticMetrics(env).Count > 0) Diagnostics(env);
        }
        foreach (var a in ablations) Ablation(a);
        return _files;
    }

    string MethodColor(string method) => Ordering.Color(method, AllMethods);

    IReadOnlyList<string> AllMethods => Ordering.Methods(results.Methods.Concat(tokens.Methods).Concat(curves.Methods)
        .Concat(ablations.SelectMany(a => a.Series)));

    string SeedNote(int seeds) => seeds > 1 ? $"mean over {seeds} seeds, error bars ± 1 std" : "one seed";

    void SuccessPerSplit(string env)
    {
        var plot = PlotKit.New($"{env}: success rate per split", "split", "success (%)");
        PlotKit.GroupedBars(plot, results.Splits(env), results.Methods, (m, s) => results.Cell(m, env, s)?.Success,
            MethodColor, 100, (m, s) => results.Paper(m, env, s, PaperMetric.Success), "paper (1.5B)");
        plot.Axes.SetLimitsY(0, 112);
        Save(plot, PlotSection.Results, $"success-{PlotKit.Slug(env)}.png", $"{env}: success per split",
            $"Evaluation success rate per split and method ({SeedNote(results.Seeds)}); diamonds: the paper's figure where given.");
    }

    void RepetitionPerSplit(string env)
    {
        var plot = PlotKit.New($"{env}: repetitive action ratio (lower is better)", "split", "repeated steps (%)");
        PlotKit.GroupedBars(plot, results.Splits(env), results.Methods, (m, s) => results.Cell(m, env, s)?.Repetitive,
            MethodColor, 100, (m, s) => results.Paper(m, env, s, PaperMetric.Repetitive), "paper (1.5B)");
        Save(plot, PlotSection.Results, $"repetition-{PlotKit.Slug(env)}.png", $"{env}: repetitive actions",
            "Share of steps that repeat an earlier action taken from the same observation in the same episode (the paper's Table 6).");
    }

    void TokenUse()
    {
        var labels = tokens.Groups.Select(g => $"{g.Env} ({g.Phase})").ToList();
        TokenCell? CellOf(string method, string label) => tokens.Cell(method, tokens.Groups[labels.IndexOf(label)].Env, tokens.Groups[labels.IndexOf(label)].Phase);
        var plot = PlotKit.New($"Generated tokens relative to {tokens.Baseline} (= 100)", "environment (phase)", $"tokens (% of {tokens.Baseline})");
        PlotKit.GroupedBars(plot, labels, tokens.Methods,
            (m, g) => CellOf(m, g) is { RelativeToBaseline: double r } ? new MeanStd(r, 0, 1) : null,
            MethodColor, 100, (m, g) => CellOf(m, g)?.Paper, "paper (1.5B)");
        plot.Add.HorizontalLine(100, 1, Colors.Gray, LinePattern.Dashed);
        Save(plot, PlotSection.Tokens, "tokens.png", "Token use",
            $"Mean generated tokens of each method divided by {tokens.Baseline}'s in the same environment and phase, as in the paper's Table 2.");
    }

    void LearningCurves(string env)
    {
        var metrics = curves.LearningMetrics(env);
        var grid = Grid(metrics, (plot, metric, first) =>
        {
            plot.Title(CurvesView.Label(metric), size: 14);
            plot.XLabel("training step", size: 12);
            plot.YLabel(metric.EndsWith("_score", StringComparison.Ordinal) ? "score (%)" : "success (%)", size: 12);
            PlotKit.Lines(plot, curves.Methods, m => curves.Series(env, m, metric), MethodColor, 100, legend: first);
            plot.Axes.SetLimitsY(-2, 102);
        });
        SaveGrid(grid, metrics.Count, PlotSection.Training, $"curves-{PlotKit.Slug(env)}.png", $"{env}: learning curves",
            "Rollout success (training batches) and evaluation success (and score, where logged) per split over training; one line per method, band ± 1 std over seeds.");
    }

    void ExploreRatio(string env)
    {
        var plot = PlotKit.New($"{env}: <explore> ratio over training", "training step", "steps with <explore> (%)");
        PlotKit.Lines(plot, curves.Methods, m => curves.Series(env, m, "explore_ratio"), MethodColor, 100, legend: true);
        Save(plot, PlotSection.Training, $"explore-{PlotKit.Slug(env)}.png", $"{env}: <explore> ratio",
            "Share of decided steps whose response fired <explore>…</explore> (the paper's Table 7).");
    }

    void Diagnostics(string env)
    {
        var metrics = curves.DiagnosticMetrics(env);
        var grid = Grid(metrics, (plot, metric, first) =>
        {
            plot.Title(CurvesView.Label(metric), size: 14);
            plot.XLabel("training step", size: 12);
            double scale = CurvesView.IsRate(metric) ? 100 : 1;
            plot.YLabel(scale == 100 ? "%" : "", size: 12);
            PlotKit.Lines(plot, curves.Methods, m => curves.Series(env, m, metric), MethodColor, scale, legend: first);
        });
        SaveGrid(grid, metrics.Count, PlotSection.Training, $"diagnostics-{PlotKit.Slug(env)}.png", $"{env}: training diagnostics",
            "Optimisation signals per training step: reward, invalid actions, generated tokens, KL, entropy, clip fraction, gradient norm (those logged).");
    }

    void Ablation(AblationView view)
    {
        var a = view.Ablation;
        double scale = a.Percent ? 100 : 1;
        string yLabel = a.YLabel ?? (a.Percent ? "success (%)" : "value");
        var plot = PlotKit.New(a.Title, a.XLabel ?? a.Id, yLabel);
        if (a.Kind == AblationKind.Bar)
            PlotKit.GroupedBars(plot, view.Xs, view.Series, (s, x) => view.Value(s, x), MethodColor, scale);
        else
            PlotKit.Lines(plot, view.Series,
                s => view.Xs.Where(x => view.Value(s, x) != null).Select(x => new CurvePoint(AblationView.Numeric(x), view.Value(s, x)!.Value)).ToList(),
                MethodColor, scale, legend: true);
        Save(plot, PlotSection.Ablations, $"ablation-{PlotKit.Slug(a.Id)}.png", a.Title,
            view.Seeds > 1 ? $"Mean over {view.Seeds} seeds, ± 1 std." : "One seed.");
    }

    static Multiplot Grid(IReadOnlyList<string> metrics, Action<Plot, string, bool> draw)
    {
        var grid = new Multiplot();
        grid.AddPlots(metrics.Count);
        int cols = metrics.Count == 1 ? 1 : 2;
        grid.Layout = new ScottPlot.MultiplotLayouts.Grid((metrics.Count + cols - 1) / cols, cols);
        for (int i = 0; i < metrics.Count; i++)
        {
            PlotKit.Style(grid.GetPlot(i));
            draw(grid.GetPlot(i), metrics[i], i == 0);
        }
        return grid;
    }

    void Save(Plot plot, PlotSection section, string file, string title, string caption)
    {
        file = Unique(file);
        plot.SavePng(System.IO.Path.Combine(_root, Folder, file), PlotKit.Width, PlotKit.Height);
        _files.Add(new PlotFile(section, $"{Folder}/{file}", title, caption));
    }

    void SaveGrid(Multiplot grid, int panels, PlotSection section, string file, string title, string caption)
    {
        file = Unique(file);
        int rows = (panels + 1) / 2;
        grid.SavePng(System.IO.Path.Combine(_root, Folder, file), PlotKit.Width, Math.Max(PlotKit.Height, rows * 300));
        _files.Add(new PlotFile(section, $"{Folder}/{file}", title, caption));
    }

    // Names made file-safe can collide ("web shop" and "web-shop"): number the later ones.
    string Unique(string file)
    {
        string stem = System.IO.Path.GetFileNameWithoutExtension(file), candidate = file;
        for (int i = 2; _files.Any(f => f.Path == $"{Folder}/{candidate}"); i++) candidate = $"{stem}-{i}.png";
        return candidate;
    }
}
