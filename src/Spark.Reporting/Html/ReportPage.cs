using System.Globalization;
using System.Text;
using Spark.Reporting.Analysis;
using Spark.Reporting.Input;
using Spark.Reporting.Plots;
using static System.Net.WebUtility;

namespace Spark.Reporting.Html;

/// <summary>Everything the page shows, already analysed.</summary>
internal sealed record PageContent(
    ReportInput Input, ResultsView Results, TokensView Tokens, CurvesView Curves, IReadOnlyList<AblationView> Ablations,
    IReadOnlyList<PlotFile> Plots, string? TreeHtml, IReadOnlyList<string> DataFiles);

/// <summary>Assembles index.html: one self-contained page (inline CSS and script) that links only to files in its own folder.</summary>
internal static class ReportPage
{
    public static string Render(PageContent c)
    {
        var sections = new List<(string Id, string Title, string Body)>();
        if (c.Input.Commands.Count > 0 || c.Input.Notes.Count > 0) sections.Add(("about", "How these numbers were made", About(c.Input)));
        if (!c.Results.IsEmpty) sections.Add(("results", "Results", Results(c)));
        if (!c.Tokens.IsEmpty) sections.Add(("tokens", "Token use", Figures(c, PlotSection.Tokens) + HtmlTables.Tokens(c.Tokens)));
        if (!c.Curves.IsEmpty) sections.Add(("training", "Training", Training(c)));
        if (c.Ablations.Count > 0) sections.Add(("ablations", "Ablations", Ablations(c)));
        if (c.TreeHtml != null) sections.Add(("tree", "A rollout tree", TreeIntro + c.TreeHtml));
        sections.Add(("data", "Data", Data(c.DataFiles)));

        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<link rel=\"icon\" href=\"data:,\">") // no favicon request: the folder has none
            .Append($"<title>{HtmlEncode(c.Input.Title)}</title><style>{PageAssets.Css}</style></head><body>");
        page.Append($"<header><h1>{HtmlEncode(c.Input.Title)}</h1><div class=\"meta\">{HtmlEncode(Meta(c))}</div></header>");
        page.Append("<nav>").AppendJoin("", sections.Select(s => $"<a href=\"#{s.Id}\">{HtmlEncode(s.Title)}</a>")).Append("</nav><main>");
        foreach (var (id, title, body) in sections)
            page.Append($"<section id=\"{id}\"><h2>{HtmlEncode(title)}</h2>{body}</section>");
        page.Append("</main><footer>Built by Spark.Reporting from <a href=\"data/report-input.json\">data/report-input.json</a> ")
            .Append($"(schema {ReportInputJson.Schema}). Plots drawn with ScottPlot.</footer>");
        page.Append($"<script>{PageAssets.Script}</script></body></html>\n");
        return page.ToString();
    }

    static string Meta(PageContent c)
    {
        var parts = new List<string>();
        if (c.Input.Created is DateTimeOffset when) parts.Add(when.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(c.Input.Machine)) parts.Add(c.Input.Machine!);
        if (!c.Results.IsEmpty) parts.Add(c.Results.Seeds == 1 ? "1 seed" : $"{c.Results.Seeds} seeds (mean ± std)");
        return string.Join(" · ", parts);
    }

    static string About(ReportInput input)
    {
        var html = new StringBuilder();
        if (input.Commands.Count > 0)
            html.Append("<h3>Commands</h3><pre>").AppendJoin("\n", input.Commands.Select(HtmlEncode)).Append("</pre>");
        if (input.Notes.Count > 0)
            html.Append("<h3>Notes</h3><ul class=\"notes\">").AppendJoin("", input.Notes.Select(n => $"<li>{HtmlEncode(n)}</li>")).Append("</ul>");
        return html.ToString();
    }

    static string Results(PageContent c)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"caption\">Success rate (%) on each evaluation split");
        html.Append(c.Results.Seeds > 1 ? $", mean ± std over {c.Results.Seeds} seeds" : ", one seed");
        if (c.Results.HasPaper(PaperMetric.Success)) html.Append("; grey: the paper's 1.5B figure for comparison (its scale is far larger)");
        html.Append(". Best per column in bold.</p>").Append(HtmlTables.MainResults(c.Results));
        var claims = PaperClaims.Check(c.Results, c.Tokens);
        if (claims.Count > 0)
            html.Append("<h3>The paper's claims on these numbers</h3><ul class=\"claims\">")
                .AppendJoin("", claims.Select(k => $"<li class=\"{(k.Holds ? "holds" : "fails")}\"><b>{k.Verdict}</b>: {HtmlEncode(k.Claim)} ({HtmlEncode(k.Evidence)})</li>"))
                .Append("</ul>");
        foreach (var env in c.Results.Envs)
            html.Append($"<h3>{HtmlEncode(env)}</h3>").Append(HtmlTables.EnvDetails(c.Results, env));
        return html.Append(Figures(c, PlotSection.Results)).ToString();
    }

    static string Training(PageContent c)
    {
        var html = new StringBuilder(Figures(c, PlotSection.Training));
        foreach (var env in c.Curves.Envs)
            if (c.Curves.OtherMetrics(env).Count > 0)
                html.Append($"<h3>{HtmlEncode(env)}: other logged metrics (last value)</h3>").Append(HtmlTables.OtherMetrics(c.Curves, env));
        return html.ToString();
    }

    static string Ablations(PageContent c)
    {
        var html = new StringBuilder();
        var figures = c.Plots.Where(p => p.Section == PlotSection.Ablations).ToList();
        for (int i = 0; i < c.Ablations.Count; i++)
            html.Append(Figure(figures[i])).Append(HtmlTables.Ablation(c.Ablations[i]));
        return html.ToString();
    }

    static string Figures(PageContent c, PlotSection section) =>
        string.Concat(c.Plots.Where(p => p.Section == section).Select(Figure));

    static string Figure(PlotFile p) =>
        $"<figure><img src=\"{HtmlEncode(p.Path)}\" alt=\"{HtmlEncode(p.Title)}\"><figcaption>{HtmlEncode(p.Caption)}</figcaption></figure>";

    static string Data(IReadOnlyList<string> files) =>
        "<p>The files this report was built from, copied into its folder (<code>spark report --input data/report-input.json</code> rebuilds it):</p><ul>" +
        string.Concat(files.Select(f => $"<li><a href=\"{HtmlEncode(f)}\">{HtmlEncode(f)}</a></li>")) +
        "</ul><p>The tables as Markdown: <a href=\"results.md\">results.md</a>.</p>";

    const string TreeIntro =
        "<p class=\"caption\">One rollout batch as the trainer saw it: each task starts M roots; a trajectory whose response fires " +
        "&lt;explore&gt; branches into B while the task's leaf budget N lasts. Columns are steps, rows are trajectories; a node's " +
        "colour is the mean reward of the leaves below it.</p>";
}
