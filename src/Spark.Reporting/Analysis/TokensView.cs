using Spark.Reporting.Input;

namespace Spark.Reporting.Analysis;

/// <summary>One method's token use in one (environment, phase), averaged over seeds, and relative to the baseline.</summary>
public sealed record TokenCell(
    string Method, string Env, string Phase, int Seeds,
    MeanStd Generated, MeanStd? Prompt, MeanStd? EnvironmentSteps, MeanStd? Trajectories,
    double? RelativeToBaseline, double? Paper);

/// <summary>
/// Token accounting in the manner of the paper's Table 2: each method's mean generated tokens over seeds,
/// divided by the baseline's mean in the same environment and phase (baseline = 1).
/// </summary>
public sealed class TokensView
{
    public TokensView(ReportInput input)
    {
        Baseline = input.Baseline;
        Methods = Ordering.Methods(input.Tokens.Select(t => t.Method));
        var groups = Ordering.Envs(input.Tokens.Select(t => t.Env))
            .SelectMany(env => input.Tokens.Where(t => t.Env == env).Select(t => t.Phase).Distinct().Select(phase => (env, phase)))
            .ToList();
        var cells = new List<TokenCell>();
        foreach (var (env, phase) in groups)
        {
            var rows = input.Tokens.Where(t => t.Env == env && t.Phase == phase).ToList();
            double? baseline = rows.Any(r => r.Method == Baseline) ? rows.Where(r => r.Method == Baseline).Average(r => (double)r.GeneratedTokens) : null;
            foreach (var method in Methods)
            {
                var mine = rows.Where(r => r.Method == method).ToList();
                if (mine.Count == 0) continue;
                var generated = MeanStd.Of(mine.Select(r => (double)r.GeneratedTokens));
                double? paper = input.Paper.FirstOrDefault(p => p.Metric == PaperMetric.Tokens && p.Method == method && p.Env == env)?.Value;
                cells.Add(new TokenCell(method, env, phase, mine.Count, generated,
                    MeanStd.OfOptional(mine.Select(r => (double?)r.PromptTokens)),
                    MeanStd.OfOptional(mine.Select(r => (double?)r.EnvironmentSteps)),
                    MeanStd.OfOptional(mine.Select(r => (double?)r.Trajectories)),
                    baseline is > 0 ? generated.Mean / baseline.Value : null,
                    paper));
            }
        }
        Groups = groups;
        Cells = cells;
    }

    public string Baseline { get; }
    public IReadOnlyList<string> Methods { get; }
    /// <summary>(environment, phase) pairs in display order.</summary>
    public IReadOnlyList<(string Env, string Phase)> Groups { get; }
    public IReadOnlyList<TokenCell> Cells { get; }
    public bool IsEmpty => Cells.Count == 0;
    public bool HasRelative => Cells.Any(c => c.RelativeToBaseline != null);

    public TokenCell? Cell(string method, string env, string phase) =>
        Cells.FirstOrDefault(c => c.Method == method && c.Env == env && c.Phase == phase);
}
