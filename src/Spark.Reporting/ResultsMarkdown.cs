using System.Text;
using Spark.Reporting.Analysis;
using Spark.Reporting.Input;

namespace Spark.Reporting;

/// <summary>The results and token tables as Markdown (results.md in the report folder), ready for a README.</summary>
public static class ResultsMarkdown
{
    public static string Render(ReportInput input)
    {
        var results = new ResultsView(input);
        var tokens = new TokensView(input);
        var md = new StringBuilder($"# {input.Title}\n\n");
        if (!string.IsNullOrWhiteSpace(input.Machine)) md.Append($"Machine: {input.Machine}\n\n");
        if (input.Commands.Count > 0) md.Append("```\n").AppendJoin("\n", input.Commands).Append("\n```\n\n");

        if (!results.IsEmpty)
        {
            md.Append(results.Seeds > 1 ? $"Success rate (%), mean ± std over {results.Seeds} seeds" : "Success rate (%), one seed");
            md.Append(results.HasPaper(PaperMetric.Success) ? "; the paper's 1.5B figure in brackets.\n\n" : ".\n\n");
            var columns = results.Envs.SelectMany(env => results.Splits(env).SelectMany(split =>
                results.HasScore(env) ? new[] { (env, split, false), (env, split, true) } : [(env, split, false)])).ToList();
            md.Append("| Method | ").AppendJoin(" | ", columns.Select(c => $"{c.env} {c.split}{(c.Item3 ? " score" : "")}")).Append(" |\n");
            md.Append("|---|").Append(string.Concat(columns.Select(_ => "---|"))).Append('\n');
            foreach (var method in results.Methods)
            {
                md.Append($"| {method} |");
                foreach (var (env, split, score) in columns)
                {
                    var cell = results.Cell(method, env, split);
                    var paper = results.Paper(method, env, split, score ? PaperMetric.Score : PaperMetric.Success);
                    md.Append($" {Format.Percent(score ? cell?.Score : cell?.Success)}{(paper is double p ? $" ({Format.Percent(p)})" : "")} |");
                }
                md.Append('\n');
            }
            md.Append('\n');
        }

        if (tokens.HasRelative)
        {
            md.Append($"Generated tokens relative to {tokens.Baseline} (= 100):\n\n| Method | ")
              .AppendJoin(" | ", tokens.Groups.Select(g => $"{g.Env} ({g.Phase})")).Append(" |\n|---|")
              .Append(string.Concat(tokens.Groups.Select(_ => "---|"))).Append('\n');
            foreach (var method in tokens.Methods)
            {
                md.Append($"| {method} |");
                foreach (var (env, phase) in tokens.Groups)
                {
                    var c = tokens.Cell(method, env, phase);
                    md.Append($" {Format.Percent(c?.RelativeToBaseline)}{(c?.Paper is double p ? $" ({Format.Percent(p)})" : "")} |");
                }
                md.Append('\n');
            }
            md.Append('\n');
        }

        var claims = PaperClaims.Check(results, tokens);
        if (claims.Count > 0)
        {
            md.Append("The paper's claims on these numbers (means):\n\n");
            foreach (var c in claims)
                md.Append($"- {c.Verdict}: {c.Claim} ({c.Evidence})\n");
            md.Append('\n');
        }

        foreach (var ablation in input.Ablations)
            AppendAblation(md, ablation);
        return md.ToString();
    }

    /// <summary>One ablation as a table: a row per x, a column per series, mean ± std over seeds.</summary>
    static void AppendAblation(StringBuilder md, Ablation a)
    {
        var series = a.Points.Select(p => p.Series).Distinct().ToList();
        var xs = a.Points.Select(p => p.X).Distinct().ToList();
        md.Append($"{a.Title}{(a.Percent ? " (%)" : "")}:\n\n| {a.XLabel ?? "x"} | ").AppendJoin(" | ", series).Append(" |\n|---|")
          .Append(string.Concat(series.Select(_ => "---|"))).Append('\n');
        foreach (var x in xs)
        {
            md.Append($"| {x} |");
            foreach (var s in series)
            {
                var v = MeanStd.Of(a.Points.Where(p => p.X == x && p.Series == s).Select(p => p.Value));
                md.Append(' ').Append(a.Percent ? Format.Percent(v) : Format.Number(v)).Append(" |");
            }
            md.Append('\n');
        }
        md.Append('\n');
    }
}
