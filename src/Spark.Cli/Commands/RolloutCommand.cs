using System.CommandLine;
using System.Diagnostics;
using Spark.Core.Configuration;
using Spark.Core.Metrics;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Environments;
using Spark.Training.Agents;
using Spark.Training.Evaluation;
using Spark.Training.Presets;
using Spark.Training.Rl;
using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark rollout --env alfworld --strategy spark --checkpoint DIR --tasks 16 --out trees.json</c>: one batch of
/// tree rollouts from a checkpoint, written as rollout-trees JSON (docs/rollouts.md), with its token accounting.
/// </summary>
public static class RolloutCommand
{
    public static Command Create()
    {
        var env = new Option<string>("--env") { Description = "Environment: alfworld, scienceworld or webshop.", Required = true };
        var strategy = new Option<string>("--strategy") { Description = $"Rollout strategy: {string.Join(", ", BranchStrategies.Names)}.", DefaultValueFactory = _ => "spark" };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint folder, or tiny for the shipped base model.", Required = true };
        var split = new Option<string>("--split") { Description = "Split the tasks come from.", DefaultValueFactory = _ => "train" };
        var tasks = new Option<int>("--tasks") { Description = "Tasks in the batch.", DefaultValueFactory = _ => 16 };
        var roots = new Option<int?>("--roots") { Description = "M: initial roots per task (paper: 4)." };
        var budget = new Option<int?>("--budget") { Description = "N: leaves per task (paper: 8)." };
        var factor = new Option<int?>("--factor") { Description = "B: branching factor (paper: 2)." };
        var branch = new Option<string[]>("--branch") { Description = "Strategy setting KEY=VALUE.", AllowMultipleArgumentsPerToken = true };
        var preset = new Option<string>("--preset") { Description = $"Agent defaults: {string.Join(", ", TrainingPresets.Names)}.", DefaultValueFactory = _ => TrainingPresets.Cpu };
        var temperature = new Option<float?>("--temperature") { Description = "Sampling temperature (training rollouts: 1.0)." };
        var seed = new Option<int>("--seed") { Description = "Rollout seed.", DefaultValueFactory = _ => 1 };
        var envSeed = new Option<int>("--env-seed") { Description = "Seed of the generated worlds.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Trees JSON file.", DefaultValueFactory = _ => "trees.json" };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default: one per core).", DefaultValueFactory = _ => 0 };

        var c = new Command("rollout", "Roll out one batch of tasks as trees from a checkpoint; write the trees as JSON and print the token accounting.");
        foreach (var o in new Option[] { env, strategy, checkpoint, split, tasks, roots, budget, factor, branch, preset, temperature, seed, envSeed, output, threads })
            c.Options.Add(o);
        c.SetAction(r =>
        {
            TrainingProgress.SetThreads(r.GetValue(threads));
            string envName = r.GetValue(env)!;
            var options = BranchingOptions.Parse(r.GetValue(branch) ?? []);
            options = options with
            {
                Roots = r.GetValue(roots) ?? options.Roots,
                Budget = r.GetValue(budget) ?? options.Budget,
                Factor = r.GetValue(factor) ?? options.Factor,
            };
            var branching = BranchStrategies.Create(r.GetValue(strategy)!, options);
            var defaults = TrainingPresets.For(envName, r.GetValue(preset)!);
            var agentOptions = defaults.Agent with
            {
                Temperature = r.GetValue(temperature) ?? defaults.Agent.Temperature,
                ReturnEntropy = branching.NeedsEntropies,
            };
            agentOptions.Validate();
            var suite = EnvironmentRegistry.Create(envName, new SuiteOptions(r.GetValue(envSeed)));
            string splitName = r.GetValue(split)!;
            ConfigException.Require(suite.Splits.Contains(splitName), "--split", $"'{splitName}' is not a split of {envName} ({string.Join(", ", suite.Splits)})");
            ulong runSeed = (ulong)r.GetValue(seed);
            var taskList = TaskSampler.Sample(suite, splitName, r.GetValue(tasks), runSeed, iteration: 0);

            using var policy = PolicyCheckpoint.OpenPolicy(BuiltInModel.Resolve(r.GetValue(checkpoint)!, "--checkpoint"));
            var clock = Stopwatch.StartNew();
            var batch = AnsiConsole.Status().Start("rolling out", ctx =>
            {
                var progress = new Progress<RolloutProgress>(p => ctx.Status($"step {p.Step + 1}: {p.Stepped} trajectories stepped, {p.Allocated} leaves"));
                return new TreeRolloutEngine(new PolicyAgent(policy.Engine, agentOptions), branching,
                    new RolloutOptions { Seed = runSeed, Progress = progress }).Run(taskList, t => suite.Create(t.Split, t.Index));
            });
            double seconds = clock.Elapsed.TotalSeconds;
            string file = r.GetValue(output)!;
            RolloutTreeJson.Write(file, batch);
            Print(batch, RolloutMetrics.Of(batch), seconds);
            Console.WriteLine($"wrote {file}");
            return 0;
        });
        return c;
    }

    static void Print(RolloutBatch batch, RolloutMetrics m, double seconds)
    {
        var a = batch.Accounting;
        var table = new Table().AddColumns("", "this rollout", "chains for the same leaves");
        table.AddRow("tasks / leaves", $"{a.Tasks} / {a.Leaves}", $"{a.Tasks} / {a.Leaves}");
        table.AddRow("generated tokens", $"{a.GeneratedTokens:N0}", $"{a.ChainsGeneratedTokens:N0}");
        table.AddRow("prompt tokens computed", $"{a.PromptTokensComputed:N0}", $"{a.ChainsPromptTokens:N0}");
        table.AddRow("environment steps", $"{a.EnvironmentSteps:N0}", $"{a.ChainsEnvironmentSteps:N0}");
        table.AddRow("branch events / children", $"{a.BranchEvents} / {a.ChildrenCreated}", "0 / 0");
        AnsiConsole.Write(table);
        Console.WriteLine(FormattableString.Invariant(
            $"{batch.Strategy}: success {m.SuccessRate:P1}, explore ratio {m.ExploreRatio:P1}, invalid {m.InvalidActionRatio:P1}, mean steps {m.MeanSteps:F1}, {seconds:F1} s; generated tokens saved vs chains {a.GeneratedTokensSaved:P1}"));
    }
}
