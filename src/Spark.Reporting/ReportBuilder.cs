using Spark.Core.Configuration;
using Spark.Core.IO;
using Spark.Reporting.Analysis;
using Spark.Reporting.Html;
using Spark.Reporting.Input;
using Spark.Reporting.Plots;
using Spark.Reporting.Trees;

namespace Spark.Reporting;

/// <summary>What <see cref="ReportBuilder"/> wrote; paths of plots and data are relative to <see cref="Directory"/>.</summary>
/// <param name="DataFiles">The inputs copied into the folder: <c>data/report-input.json</c> and, when shown, <c>data/trees.json</c>.</param>
/// <param name="ResultsMarkdown">The results and token tables as Markdown (<c>results.md</c>).</param>
public sealed record ReportFiles(string Directory, string IndexHtml, string ResultsMarkdown, IReadOnlyList<PlotFile> Plots, IReadOnlyList<string> DataFiles);

/// <summary>
/// Builds a report folder from a <see cref="ReportInput"/>: <c>index.html</c> (inline CSS and script, no
/// network), <c>plots/*.png</c>, <c>results.md</c>, and under <c>data/</c> the input itself and the trees file
/// it shows. The folder is replaced atomically; an existing folder that is not a Spark report is refused.
/// </summary>
public static class ReportBuilder
{
    /// <summary>Marks a folder as a Spark report, so rebuilding may replace it.</summary>
    public const string Marker = ".spark-report";
    const string InputCopy = "data/report-input.json";
    const string TreesCopy = "data/trees.json";
    const string MarkdownFile = "results.md";

    /// <param name="baseDirectory">Where a relative <see cref="ReportInput.Trees"/> path starts (default: the current directory).</param>
    public static ReportFiles Build(ReportInput input, string outputDirectory, string? baseDirectory = null)
    {
        ReportInputValidator.Validate(input);
        string output = Path.GetFullPath(outputDirectory);
        RequireReplaceable(output);

        string? treesPath = input.Trees == null ? null : Path.GetFullPath(input.Trees, baseDirectory ?? Directory.GetCurrentDirectory());
        var trees = treesPath == null ? null : RolloutTreesFile.Read(treesPath);
        string? treeHtml = trees == null ? null : TreeView.Html(trees, input.TreeTask, TreesCopy);

        var results = new ResultsView(input);
        var tokens = new TokensView(input);
        var curves = new CurvesView(input);
        var ablations = input.Ablations.Select(a => new AblationView(a)).ToList();
        var dataFiles = new List<string> { InputCopy };
        if (trees != null) dataFiles.Add(TreesCopy);
        IReadOnlyList<PlotFile> plots = [];

        AtomicFile.ReplaceDirectory(output, dir =>
        {
            Directory.CreateDirectory(Path.Combine(dir, "data"));
            // The copy points at the trees file beside it, so the folder can be rebuilt from itself.
            ReportInputJson.Write(Path.Combine(dir, InputCopy), input with { Trees = trees == null ? null : Path.GetFileName(TreesCopy) });
            if (treesPath != null) File.Copy(treesPath, Path.Combine(dir, TreesCopy));
            File.WriteAllText(Path.Combine(dir, MarkdownFile), ResultsMarkdown.Render(input));
            plots = new ReportPlots(results, tokens, curves, ablations).RenderAll(dir);
            File.WriteAllText(Path.Combine(dir, "index.html"),
                ReportPage.Render(new PageContent(input, results, tokens, curves, ablations, plots, treeHtml, dataFiles)));
            File.WriteAllText(Path.Combine(dir, Marker), "Built by Spark.Reporting; `spark report` may replace this folder.\n");
        });
        return new ReportFiles(output, Path.Combine(output, "index.html"), Path.Combine(output, MarkdownFile), plots, dataFiles);
    }

    /// <summary>Reads report-input.json and builds; a relative trees path is taken from the input file's folder.</summary>
    public static ReportFiles BuildFromFile(string inputPath, string outputDirectory)
    {
        var input = ReportInputJson.Read(inputPath);
        return Build(input, outputDirectory, Path.GetDirectoryName(Path.GetFullPath(inputPath)));
    }

    // Replacing a folder deletes it: only an empty folder or an earlier report may be replaced.
    static void RequireReplaceable(string output)
    {
        if (!Directory.Exists(output) || !Directory.EnumerateFileSystemEntries(output).Any()) return;
        if (!File.Exists(Path.Combine(output, Marker)))
            throw new ConfigException("out", $"{output} exists and is not a Spark report folder (no {Marker}); choose a new or empty folder");
    }
}
