using System.CommandLine;
using System.Globalization;
using System.Text;
using Spark.Core.Configuration;
using Spark.Core.Metrics;
using Spark.Training.Evaluation;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark compare --base FILE… --candidate FILE…</c>: does the candidate side raise success on the evaluated tasks,
/// and by how much beyond the noise? Reads <c>spark eval</c> files; files of one checkpoint are its seeds
/// (<see cref="PairedComparison"/>; docs/evaluation.md).
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var baseFiles = new Option<string[]>("--base") { Description = "Evaluation files of the base side (e.g. the SFT model, one per seed).", Required = true, AllowMultipleArgumentsPerToken = true };
        var candidateFiles = new Option<string[]>("--candidate") { Description = "Evaluation files of the candidate side (e.g. RL models, one per seed each).", Required = true, AllowMultipleArgumentsPerToken = true };
        var metric = new Option<string>("--metric") { Description = "success (won or lost) or score (the environment's final score).", DefaultValueFactory = _ => "success" };

        var c = new Command("compare", "Compare evaluation files of two sides on the same tasks: each side's mean, the gain and its standard error (seeds and training runs as the noise).");
        foreach (var o in new Option[] { baseFiles, candidateFiles, metric }) c.Options.Add(o);
        c.SetAction(r =>
        {
            string m = r.GetValue(metric)!;
            ConfigException.Require(m is "success" or "score", "--metric", $"must be success or score, got '{m}'");
            var b = Read(r.GetValue(baseFiles)!, "--base");
            var cand = Read(r.GetValue(candidateFiles)!, "--candidate");
            RequireOneSplit(b.Concat(cand).ToArray());
            GainEstimate gain;
            try { gain = PairedComparison.Compare(Outcomes(b, m), Outcomes(cand, m)); }
            catch (ArgumentException e) { throw new InvalidDataException(e.Message); }
            Console.Write(Describe(gain, b[0], m));
            return 0;
        });
        return c;
    }

    static EvalFile[] Read(string[] paths, string option)
    {
        ConfigException.Require(paths.Length > 0, option, "give at least one evaluation file");
        var files = paths.Select(EvalFile.Read).ToArray();
        var twice = files.GroupBy(f => (Model(f), f.Seed)).FirstOrDefault(g => g.Key.Seed is not null && g.Count() > 1);
        if (twice is not null)
            throw new ConfigException(option, $"{string.Join(" and ", twice.Select(f => f.Path))} both evaluate {twice.Key.Item1} with seed {twice.Key.Seed}");
        return files;
    }

    static void RequireOneSplit(EvalFile[] files)
    {
        var odd = files.FirstOrDefault(f => f.Env != files[0].Env || f.Split != files[0].Split);
        if (odd is not null)
            throw new InvalidDataException($"{odd.Path} evaluates {odd.Env}/{odd.Split}, {files[0].Path} {files[0].Env}/{files[0].Split}: compare one split");
    }

    // Files of one checkpoint are evaluations of one model; a file without the label stands alone.
    static string Model(EvalFile f) => f.Checkpoint ?? f.Path;

    static TaskOutcomes[] Outcomes(EvalFile[] files, string metric) => files.Select(f => f.Outcomes(metric == "score", Model(f))).ToArray();

    static string Describe(GainEstimate g, EvalFile first, string metric)
    {
        var sb = new StringBuilder();
        string P(double x) => (100 * x).ToString("F2", CultureInfo.InvariantCulture);
        string Pm(double x) => (x >= 0 ? "+" : "") + P(x);
        string Se(double x) => double.IsNaN(x) ? "n/a" : P(x);
        sb.AppendLine(CultureInfo.InvariantCulture, $"{first.Env}/{first.Split}, {g.Tasks} tasks, {metric} in points (percent of the maximum)");
        sb.AppendLine();
        sb.AppendLine("| side | model | evaluations | mean | vs base mean |");
        sb.AppendLine("|---|---|---|---|---|");
        var sides = new[] { ("base", g.Base), ("candidate", g.Candidate) };
        foreach (var (name, side) in sides)
            foreach (var model in side.Models)
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {model.Model} | {model.Evaluations} | {P(model.Mean)} | {Pm(model.Mean - g.Base.Mean)} |");
        sb.AppendLine();
        foreach (var (name, side) in sides)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{name}: {P(side.Mean)} ± {Se(side.StdErr)} over {side.Models.Count} model(s), {side.Evaluations} evaluation(s) ({side.ErrorFrom})");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"gain: {Pm(g.Gain)} ± {Se(g.StdErr)} points{(double.IsNaN(g.StdErr) ? "" : $" (z = {g.Z.ToString("F1", CultureInfo.InvariantCulture)})")}");
        return sb.ToString();
    }
}
