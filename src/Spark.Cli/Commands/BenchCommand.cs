using System.CommandLine;
using Spark.Cli.Pipeline;
using Spark.Core.Configuration;
using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark bench</c>: the paper's comparisons at CPU scale — for each environment, one SFT model, then every arm of
/// the chosen studies (<see cref="BenchStudies"/>) trained with RL over several seeds and evaluated on every split;
/// writes results.md (mean ± std over seeds), report-input.json and an HTML report per environment.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var envs = new Option<string>("--envs") { Description = "Environments, comma-separated.", DefaultValueFactory = _ => "alfworld" };
        var seeds = new Option<int>("--seeds") { Description = "RL seeds per arm (1..K).", DefaultValueFactory = _ => 3 };
        var studies = new Option<string>("--studies") { Description = $"Studies, comma-separated: {string.Join(", ", BenchStudies.Names)}.", DefaultValueFactory = _ => "main,triggers" };
        var output = new Option<string>("--out") { Description = "Folder; each environment gets its own sub-folder.", DefaultValueFactory = _ => Path.Combine("runs", "bench") };

        var c = new Command("bench", "The paper's comparisons at CPU scale: SFT vs GRPO vs SPARK, token use, branching triggers, sample efficiency, M/B/N ablations; mean ± std over seeds.");
        foreach (var o in new Option[] { envs, seeds, studies, output })
            c.Options.Add(o);
        var shared = new PlanOptions();
        shared.AddTo(c);
        c.SetAction((r, cancel) =>
        {
            if (shared.StartOrRestart(r) is int exit) return Task.FromResult(exit);
            int k = r.GetValue(seeds);
            ConfigException.Require(k >= 1, "--seeds", $"must be at least 1, got {k}");
            var chosen = BenchStudies.Parse(r.GetValue(studies)!);
            foreach (string env in r.GetValue(envs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var plan = shared.Apply(RunPlan.For(RunPlan.Full, env.ToLowerInvariant()), r) with
                {
                    Name = "bench",
                    Methods = BenchStudies.AllArms(chosen),
                    Seeds = Enumerable.Range(1, k).ToList(),
                };
                string dir = Path.GetFullPath(Path.Combine(r.GetValue(output)!, plan.Env));
                AnsiConsole.MarkupLineInterpolated(
                    $"spark bench on {plan.Env}: studies {string.Join(", ", chosen)} = {plan.Methods.Count} arms x {k} seeds, {plan.Iterations} iterations x {plan.TasksPerIteration} tasks; folder {dir}");
                var pipeline = new RunPipeline(plan, dir) { Display = new ConsoleStages() };
                var input = pipeline.Collect(cancel);
                input = input with
                {
                    Title = $"spark bench on {plan.Env}: {string.Join(", ", chosen)} ({k} seeds)",
                    Ablations = BenchStudies.Ablations(chosen, input.Results),
                };
                var files = pipeline.Write(input);
                Console.WriteLine();
                Console.WriteLine(File.ReadAllText(Path.Combine(dir, "results.md")));
                AnsiConsole.MarkupLineInterpolated($"[green]done[/]: report {files.IndexHtml}");
            }
            return Task.FromResult(0);
        });
        return c;
    }
}
