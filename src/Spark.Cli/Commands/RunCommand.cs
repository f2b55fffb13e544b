using System.CommandLine;
using Spark.Cli.Pipeline;
using Spark.Core.Configuration;
using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark run</c>: the whole job on the built-in default — cold-start data, SFT from the shipped base model, RL with
/// SPARK and with plain GRPO from the same SFT model, evaluation on every split, a results table and an HTML report.
/// Started again with the same command it continues where it stopped.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--preset") { Description = $"Size of the run: {string.Join(", ", RunPlan.Names)} (quick: under 15 minutes on 2 cores).", DefaultValueFactory = _ => RunPlan.Quick };
        var env = new Option<string>("--env") { Description = "Environment: alfworld, scienceworld or webshop.", DefaultValueFactory = _ => "alfworld" };
        var output = new Option<string?>("--out") { Description = "Run folder (default: runs/PRESET-ENV)." };
        var methods = new Option<string?>("--methods") { Description = "RL methods to compare: strategies, optionally labelled (default: SPARK=spark,GRPO=chains)." };
        var seeds = new Option<string?>("--seeds") { Description = "RL seeds, comma-separated (quick: 1; full: 1,2)." };

        var c = new Command("run", "The whole job: cold-start data -> SFT -> RL (SPARK and GRPO) -> evaluation -> results table and report.");
        foreach (var o in new Option[] { plan, env, output, methods, seeds })
            c.Options.Add(o);
        var shared = new PlanOptions();
        shared.AddTo(c);
        c.SetAction((r, cancel) =>
        {
            if (shared.StartOrRestart(r) is int exit) return Task.FromResult(exit);
            var p = shared.Apply(RunPlan.For(r.GetValue(plan)!, r.GetValue(env)!.Trim().ToLowerInvariant()), r);
            p = p with
            {
                Methods = r.GetValue(methods) is { } m ? RunPlan.ParseMethods(m) : p.Methods,
                Seeds = r.GetValue(seeds) is { } s ? ParseSeeds(s) : p.Seeds,
            };
            string outDir = Path.GetFullPath(r.GetValue(output) ?? Path.Combine("runs", $"{p.Name}-{p.Env}"));
            AnsiConsole.MarkupLineInterpolated(
                $"spark run --preset {p.Name}: {p.Env}, SFT on {p.ColdStart} trajectories, then {string.Join(" vs ", p.Methods.Select(x => x.Label))} x seeds {string.Join(",", p.Seeds)}, {p.Iterations} iterations x {p.TasksPerIteration} tasks; folder {outDir}");
            var files = new RunPipeline(p, outDir) { Display = new ConsoleStages() }.Run(cancel);
            Console.WriteLine();
            Console.WriteLine(File.ReadAllText(Path.Combine(outDir, "results.md")));
            AnsiConsole.MarkupLineInterpolated($"[green]done[/]: report {files.IndexHtml}");
            return Task.FromResult(0);
        });
        return c;
    }

    static IReadOnlyList<int> ParseSeeds(string text)
    {
        var seeds = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            seeds.Add(int.TryParse(part, out int v) && v >= 1 ? v : throw new ConfigException("--seeds", $"'{part}' is not a positive whole number"));
        return seeds;
    }
}

/// <summary>Stages shown with <see cref="TrainingProgress"/> bars; log lines printed as they come.</summary>
internal sealed class ConsoleStages : IStageDisplay
{
    public T Run<T>(string label, Func<Action<int, int?, string>, Action<string>, T> work) => TrainingProgress.Run(label, work);
    public void Log(string line) => AnsiConsole.MarkupLine(Markup.Escape(line));
}
