using System.CommandLine;
using Spark.Reporting;

namespace Spark.Cli.Commands;

/// <summary><c>spark report --input FILE --out DIR</c>: build the results report (HTML, PNG plots, tree view) from a report-input.json.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "A report-input.json (schema spark.report-input/1; see docs/report.md).", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write index.html, plots/, results.md and data/ into (replaced if it is an earlier report).", Required = true };
        var command = new Command("report", "Build a self-contained results report: tables, learning curves, token use, ablations and a clickable rollout tree.");
        command.Options.Add(input);
        command.Options.Add(output);
        command.SetAction(r =>
        {
            var files = ReportBuilder.BuildFromFile(r.GetValue(input)!, r.GetValue(output)!);
            Console.WriteLine($"plots   {files.Plots.Count}");
            Console.WriteLine($"data    {string.Join(", ", files.DataFiles)}");
            Console.WriteLine($"tables  {files.ResultsMarkdown}");
            Console.WriteLine($"wrote   {files.IndexHtml}");
            return 0;
        });
        return command;
    }
}
