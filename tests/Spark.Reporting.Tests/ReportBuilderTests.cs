using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SkiaSharp;
using Spark.Core.Configuration;
using Spark.Reporting.Analysis;
using Spark.Reporting.Input;

namespace Spark.Reporting.Tests;

/// <summary>The synthetic three-seed sample, built once for the tests that only read it.</summary>
public sealed class ThreeSeedReport : IDisposable
{
    public ThreeSeedReport()
    {
        Root = Directory.CreateTempSubdirectory("spark-report-").FullName;
        Input = SampleInputs.Create(seeds: 3);
        Files = ReportBuilder.Build(Input, Path.Combine(Root, "report"));
        Html = File.ReadAllText(Files.IndexHtml);
    }

    public string Root { get; }
    public ReportInput Input { get; }
    public ReportFiles Files { get; }
    public string Html { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class ReportBuilderTests(ThreeSeedReport report) : IClassFixture<ThreeSeedReport>
{
    static readonly string[] ExpectedPlots =
    [
        "success-alfworld.png", "success-webshop.png", "repetition-alfworld.png", "tokens.png",
        "curves-alfworld.png", "explore-alfworld.png", "diagnostics-alfworld.png",
        "curves-webshop.png", "explore-webshop.png", "diagnostics-webshop.png",
        "ablation-m.png", "ablation-b.png", "ablation-n.png", "ablation-sample-efficiency.png", "ablation-cold-start.png", "ablation-branching.png",
    ];

    [Fact]
    public void Writes_a_plot_for_every_kind_of_data_in_the_input()
    {
        var written = Directory.GetFiles(Path.Combine(report.Files.Directory, "plots")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(ExpectedPlots.Order(), written);
        Assert.Equal(ExpectedPlots.Order(), report.Files.Plots.Select(p => Path.GetFileName(p.Path)).Order());
    }

    [Fact]
    public void Every_plot_is_a_drawn_png()
    {
        foreach (var plot in report.Files.Plots)
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(report.Files.Directory, plot.Path));
            Assert.NotNull(bitmap);
            Assert.Equal(960, bitmap.Width);
            Assert.True(DistinctColours(bitmap) > 20, $"{plot.Path} looks blank");
        }
    }

    [Fact]
    public void The_page_refers_only_to_files_inside_its_folder()
    {
        var references = Regex.Matches(report.Html, "(?:src|href)=\"([^\"#][^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("plots/curves-alfworld.png", references);
        foreach (var r in references.Where(r => r != "data:,"))
            Assert.True(File.Exists(Path.Combine(report.Files.Directory, r)), $"index.html refers to missing {r}");
        var external = Regex.Matches(report.Html, "(?:https?:)?//[a-z0-9.-]+").Select(m => m.Value).Where(u => u != "http://www.w3.org").Distinct();
        Assert.Empty(external);
        Assert.Contains("<style>", report.Html);
        Assert.Contains("<script>", report.Html);
    }

    [Fact]
    public void The_results_table_shows_mean_and_std_over_seeds_with_the_paper_beside()
    {
        var spark = report.Input.Results.Where(r => r.Method == "SPARK" && r.Env == "alfworld" && r.Split == "L0").Select(r => r.SuccessRate).ToList();
        Assert.Equal(3, spark.Count);
        string expected = Format.Percent(MeanStd.Of(spark));
        Assert.Matches(@"^\d+\.\d ± \d+\.\d$", expected);
        string table = MainTable(report.Html);
        Assert.Contains($"{expected}<span class=\"paper\">paper 96.9</span>", table);
        foreach (var method in new[] { "SFT", "GRPO", "SPARK", "SPARK-fixed" })
            Assert.Contains($"<th class=\"name\">{method}</th>", table);
        Assert.Contains("test score", table);
        Assert.Contains("3 seeds (mean ± std)", System.Net.WebUtility.HtmlDecode(report.Html));
    }

    [Fact]
    public void The_tree_view_embeds_the_most_branched_mixed_task_first()
    {
        var json = Regex.Match(report.Html, "<script type=\"application/json\" id=\"tree-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement[0];
        Assert.Equal("alfworld/train/7", first.GetProperty("id").GetString());
        Assert.Equal(15, first.GetProperty("nodes").EnumerateObject().Count());
        Assert.Equal("put mug 1 in/on coffeemachine 1", first.GetProperty("nodes").GetProperty("8").GetProperty("action").GetString());
        Assert.Equal(2, Regex.Matches(report.Html, "class=\"tree-pane\"").Count);
        Assert.Equal(2, Regex.Matches(report.Html, "class=\"node explore\"").Count);
    }

    [Fact]
    public void The_folder_holds_its_data_and_rebuilds_from_it()
    {
        string copy = Path.Combine(report.Files.Directory, "data", "report-input.json");
        var reread = ReportInputJson.Read(copy);
        Assert.Equal("trees.json", reread.Trees);
        Assert.Equal(report.Input.Results.Count, reread.Results.Count);
        Assert.Equal(File.ReadAllText(SampleInputs.TreesFile), File.ReadAllText(Path.Combine(report.Files.Directory, "data", "trees.json")));
        Assert.Equal(["data/report-input.json", "data/trees.json"], report.Files.DataFiles);
        Assert.Contains("| SPARK |", File.ReadAllText(report.Files.ResultsMarkdown));

        var again = ReportBuilder.BuildFromFile(copy, Path.Combine(report.Root, "rebuilt"));
        Assert.Equal(report.Files.Plots.Select(p => p.Path), again.Plots.Select(p => p.Path));
        Assert.Equal(MainTable(report.Html), MainTable(File.ReadAllText(again.IndexHtml)));
    }

    [Fact]
    public void One_seed_shows_plain_numbers_and_still_every_plot()
    {
        string root = Directory.CreateTempSubdirectory("spark-report-1-").FullName;
        try
        {
            var input = SampleInputs.Create(seeds: 1);
            var files = ReportBuilder.Build(input, Path.Combine(root, "report"));
            string html = File.ReadAllText(files.IndexHtml);
            string table = MainTable(html);
            Assert.DoesNotContain("±", table);
            var spark = input.Results.Single(r => r.Method == "SPARK" && r.Env == "alfworld" && r.Split == "L0");
            Assert.Contains((spark.SuccessRate * 100).ToString("0.0", CultureInfo.InvariantCulture), table);
            Assert.Contains("1 seed", System.Net.WebUtility.HtmlDecode(html));
            Assert.Equal(ExpectedPlots.Order(), files.Plots.Select(p => Path.GetFileName(p.Path)).Order());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Replaces_an_earlier_report_but_never_another_folder()
    {
        string root = Directory.CreateTempSubdirectory("spark-report-safe-").FullName;
        try
        {
            var input = new ReportInput { Title = "tiny", Trees = SampleInputs.TreesFile };
            string foreign = Path.Combine(root, "mine");
            Directory.CreateDirectory(foreign);
            File.WriteAllText(Path.Combine(foreign, "notes.txt"), "keep me");
            var e = Assert.Throws<ConfigException>(() => ReportBuilder.Build(input, foreign));
            Assert.Equal("out", e.Field);
            Assert.True(File.Exists(Path.Combine(foreign, "notes.txt")));

            string target = Path.Combine(root, "report");
            ReportBuilder.Build(input, target);
            File.WriteAllText(Path.Combine(target, "stale.txt"), "from an earlier build");
            var files = ReportBuilder.Build(input with { Title = "tiny, rebuilt" }, target);
            Assert.False(File.Exists(Path.Combine(target, "stale.txt")));
            Assert.Contains("tiny, rebuilt", File.ReadAllText(files.IndexHtml));
            Assert.Empty(files.Plots); // no results, curves or ablations: only the tree view
            Assert.Contains("id=\"tree-data\"", File.ReadAllText(files.IndexHtml));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Names_that_collide_as_file_names_get_their_own_plots()
    {
        string root = Directory.CreateTempSubdirectory("spark-report-names-").FullName;
        try
        {
            Ablation Of(string id, double v) => new() { Id = id, Title = id, Points = [new AblationPoint { X = "1", Series = "SPARK", Value = v }] };
            var files = ReportBuilder.Build(new ReportInput { Title = "names", Ablations = [Of("a b", 0.1), Of("a-b", 0.2)] }, Path.Combine(root, "r"));
            Assert.Equal(["plots/ablation-a-b.png", "plots/ablation-a-b-2.png"], files.Plots.Select(p => p.Path));
            Assert.All(files.Plots, p => Assert.True(File.Exists(Path.Combine(files.Directory, p.Path))));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static string MainTable(string html) =>
        Regex.Match(html, "<table class=\"results main\">.*?</table>", RegexOptions.Singleline).Value;

    internal static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 3)
            for (int x = 0; x < bitmap.Width; x += 3)
                colours.Add((uint)bitmap.GetPixel(x, y));
        return colours.Count;
    }
}
