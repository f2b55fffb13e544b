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
        var iterations = new Option<int?>("--iterations") { Description = "RL iterations per arm and seed (default: the full preset's)." };
        var tasks = new Option<int?>("--tasks") { Description = "Training tasks per RL iteration." };
        var evalCount = new Option<int?>("--eval-count") { Description = "Tasks per split per evaluation (default: every task)." };
        var model = new Option<string?>("--model") { Description = "Base model: tiny (the shipped one) or a checkpoint folder." };
        var coldStart = new Option<int?>("--cold-start") { Description = "Cold-start trajectories for the SFT model (paper: 300)." };
        var sftEpochs = new Option<int?>("--sft-epochs") { Description = "SFT epochs." };
        var lr = new Option<double?>("--lr") { Description = "RL learning rate (default: the cpu preset's)." };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default: one per core).", DefaultValueFactory = _ => 0 };
        var attempts = new Option<int>("--attempts") { Description = "Run in a child process, started again (resuming) if it dies, up to this many times; 1 runs in this process.", DefaultValueFactory = _ => 5 };

        var c = new Command("bench", "The paper's comparisons at CPU scale: SFT vs GRPO vs SPARK, token use, branching triggers, sample efficiency, M/B/N ablations; mean ± std over seeds.");
        foreach (var o in new Option[] { envs, seeds, studies, output, iterations, tasks, evalCount, coldStart, sftEpochs, model, lr, threads, attempts })
            c.Options.Add(o);
        c.SetAction((r, cancel) =>
        {
            ConfigException.Require(r.GetValue(attempts) >= 1, "--attempts", $"must be at least 1, got {r.GetValue(attempts)}");
            if (r.GetValue(attempts) > 1 && !RestartingRunner.IsChild)
                return Task.FromResult(RestartingRunner.Run([.. Environment.GetCommandLineArgs().Skip(1)], r.GetValue(attempts),
                    line => AnsiConsole.MarkupLine(Markup.Escape(line))));
            TrainingProgress.SetThreads(r.GetValue(threads));
            int k = r.GetValue(seeds);
            ConfigException.Require(k >= 1, "--seeds", $"must be at least 1, got {k}");
            var chosen = BenchStudies.Parse(r.GetValue(studies)!);
            foreach (string env in r.GetValue(envs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var full = RunPlan.For(RunPlan.Full, env.ToLowerInvariant());
                var plan = full with
                {
                    Name = "bench",
                    Methods = BenchStudies.AllArms(chosen),
                    Seeds = Enumerable.Range(1, k).ToList(),
                    Iterations = r.GetValue(iterations) ?? full.Iterations,
                    TasksPerIteration = r.GetValue(tasks) ?? full.TasksPerIteration,
                    EvalCount = r.GetValue(evalCount) ?? full.EvalCount,
                    BaseModel = r.GetValue(model) ?? full.BaseModel,
                    ColdStart = r.GetValue(coldStart) ?? full.ColdStart,
                    SftEpochs = r.GetValue(sftEpochs) ?? full.SftEpochs,
                    LearningRate = r.GetValue(lr) ?? full.LearningRate,
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
