using System.Text;
using Spark.Reporting.Analysis;
using Spark.Reporting.Input;
using static System.Net.WebUtility;

namespace Spark.Reporting.Html;

/// <summary>The report's tables as HTML.</summary>
internal static class HtmlTables
{
    /// <summary>The paper's Table 1 shape: methods × (environment, split) success, and WebShop-style score columns where present; best per column in bold.</summary>
    public static string MainResults(ResultsView r)
    {
        var columns = new List<(string Env, string Split, bool Score)>();
        foreach (var env in r.Envs)
            foreach (var split in r.Splits(env))
            {
                columns.Add((env, split, false));
                if (r.HasScore(env)) columns.Add((env, split, true));
            }
        var html = new StringBuilder("<table class=\"results main\"><thead><tr><th class=\"name\" rowspan=\"2\">Method</th>");
        foreach (var env in r.Envs)
            html.Append($"<th colspan=\"{columns.Count(c => c.Env == env)}\">{HtmlEncode(env)}</th>");
        html.Append("</tr><tr>");
        foreach (var c in columns) html.Append($"<th>{HtmlEncode(c.Split)}{(c.Score ? " score" : "")}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var method in r.Methods)
        {
            html.Append($"<tr><th class=\"name\">{HtmlEncode(method)}</th>");
            foreach (var (env, split, score) in columns)
            {
                MeanStd? Value(string m) => score ? r.Cell(m, env, split)?.Score : r.Cell(m, env, split)?.Success;
                var v = Value(method);
                bool best = v is MeanStd mine && r.Methods.Count(m => Value(m) != null) > 1
                            && r.Methods.All(m => Value(m) is not MeanStd o || o.Mean <= mine.Mean);
                double? paper = r.Paper(method, env, split, score ? PaperMetric.Score : PaperMetric.Success);
                html.Append($"<td{(best ? " class=\"best\"" : "")}>{Format.Percent(v)}{PaperNote(paper)}</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Everything measured per split and method in one environment.</summary>
    public static string EnvDetails(ResultsView r, string env)
    {
        bool score = r.HasScore(env);
        var html = new StringBuilder("<table class=\"results detail\"><thead><tr><th class=\"name\">Split</th><th class=\"name\">Method</th><th>Seeds</th><th>Episodes</th><th>Success %</th>");
        if (score) html.Append("<th>Score %</th>");
        html.Append("<th>Tokens / episode</th><th>Mean steps</th><th>Repetitive %</th><th>&lt;explore&gt; %</th></tr></thead><tbody>");
        foreach (var c in r.CellsOf(env))
        {
            html.Append($"<tr><td class=\"name\">{HtmlEncode(c.Split)}</td><td class=\"name\">{HtmlEncode(c.Method)}</td><td>{c.Seeds}</td><td>{c.Episodes}</td>");
            html.Append($"<td>{Format.Percent(c.Success)}{PaperNote(r.Paper(c.Method, env, c.Split, PaperMetric.Success))}</td>");
            if (score) html.Append($"<td>{Format.Percent(c.Score)}{PaperNote(r.Paper(c.Method, env, c.Split, PaperMetric.Score))}</td>");
            html.Append($"<td>{Format.Number(c.TokensPerEpisode)}</td><td>{Format.Number(c.MeanSteps)}</td>");
            html.Append($"<td>{Format.Percent(c.Repetitive)}{PaperNote(r.Paper(c.Method, env, c.Split, PaperMetric.Repetitive))}</td>");
            html.Append($"<td>{Format.Percent(c.Explore)}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    public static string Tokens(TokensView t)
    {
        var html = new StringBuilder("<table class=\"tokens\"><thead><tr><th class=\"name\">Environment</th><th class=\"name\">Phase</th><th class=\"name\">Method</th><th>Seeds</th>");
        html.Append($"<th>Generated tokens</th><th>% of {HtmlEncode(t.Baseline)}</th><th>Prompt tokens</th><th>Environment steps</th><th>Trajectories</th></tr></thead><tbody>");
        foreach (var c in t.Cells)
        {
            html.Append($"<tr><td class=\"name\">{HtmlEncode(c.Env)}</td><td class=\"name\">{HtmlEncode(c.Phase)}</td><td class=\"name\">{HtmlEncode(c.Method)}</td><td>{c.Seeds}</td>");
            html.Append($"<td>{Format.Number(c.Generated)}</td><td>{(c.RelativeToBaseline is double rel ? Format.Percent(rel) : "–")}{PaperNote(c.Paper)}</td>");
            html.Append($"<td>{Format.Number(c.Prompt)}</td><td>{Format.Number(c.EnvironmentSteps)}</td><td>{Format.Number(c.Trajectories)}</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The last logged value of every metric no plot shows, per method (mean over seeds at that step).</summary>
    public static string OtherMetrics(CurvesView curves, string env)
    {
        var metrics = curves.OtherMetrics(env);
        var html = new StringBuilder("<table class=\"other\"><thead><tr><th class=\"name\">Metric</th>");
        foreach (var m in curves.Methods) html.Append($"<th>{HtmlEncode(m)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var metric in metrics)
        {
            html.Append($"<tr><td class=\"name\">{HtmlEncode(metric)}</td>");
            foreach (var method in curves.Methods)
            {
                var s = curves.Series(env, method, metric);
                html.Append($"<td>{(s.Count == 0 ? "–" : $"{Format.Number(s[^1].Value)} <span class=\"paper\">step {Format.Number(s[^1].Step)}</span>")}</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    public static string Ablation(AblationView view)
    {
        var a = view.Ablation;
        var html = new StringBuilder($"<table class=\"ablation\"><thead><tr><th class=\"name\">{HtmlEncode(a.XLabel ?? a.Id)}</th>");
        foreach (var x in view.Xs) html.Append($"<th>{HtmlEncode(x)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var s in view.Series)
        {
            html.Append($"<tr><th class=\"name\">{HtmlEncode(s)}</th>");
            foreach (var x in view.Xs)
                html.Append($"<td>{(a.Percent ? Format.Percent(view.Value(s, x)) : Format.Number(view.Value(s, x)))}</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    static string PaperNote(double? paper) => paper is double p ? $"<span class=\"paper\">paper {Format.Percent(p)}</span>" : "";
}
