using System.CommandLine;
using Spark.Core.Configuration;
using Spark.Environments;
using Spark.Models.Generation;
using Spark.Training.Agents;
using Spark.Training.Agents.Prompts;
using Spark.Training.Evaluation;
using Spark.Training.Presets;
using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark eval --env alfworld --split L0 --checkpoint DIR</c>: the paper's evaluation — one linear rollout per task
/// at temperature 0.4 — printing and writing success, score, steps, tokens and the behaviour ratios (docs/evaluation.md).
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var env = new Option<string>("--env") { Description = "Environment: alfworld, scienceworld or webshop.", Required = true };
        var split = new Option<string>("--split") { Description = "Split to evaluate (ALFWorld: L0, L1, L2).", Required = true };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint folder, or tiny for the shipped base model.", Required = true };
        var count = new Option<int?>("--count") { Description = "Evaluate the first K tasks of the split (default: all)." };
        var preset = new Option<string>("--preset") { Description = $"Defaults: {string.Join(", ", TrainingPresets.Names)}.", DefaultValueFactory = _ => TrainingPresets.Cpu };
        var temperature = new Option<float?>("--temperature") { Description = "Sampling temperature (the paper: 0.4; 0 is greedy)." };
        var mode = new Option<string?>("--mode") { Description = "Prompt mode: episode or window." };
        var style = new Option<string?>("--style") { Description = "Prompt words: compact or paper." };
        var constrained = new Option<string?>("--constrained") { Description = "on: actions are constrained to the admissible ones; off: free text." };
        var seed = new Option<int>("--seed") { Description = "Sampling seed (the paper: 0).", DefaultValueFactory = _ => 0 };
        var envSeed = new Option<int>("--env-seed") { Description = "Seed of the generated worlds (as used for the data).", DefaultValueFactory = _ => 1 };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Step limit per episode (default: the environment's, the paper's)." };
        var cacheMb = new Option<int>("--cache-mb") { Description = "Prefix-cache budget: episode-mode conversations of all running episodes should fit (tiny model: about 2 KB per token).", DefaultValueFactory = _ => 1024 };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default: one per core; 1 is faster on a busy machine).", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "JSON-lines file: one line per episode, then the summary (default: eval-ENV-SPLIT.jsonl)." };

        var c = new Command("eval", "Evaluate a checkpoint: one linear rollout per task (no branching), as the paper evaluates.");
        foreach (var o in new Option[] { env, split, checkpoint, count, preset, temperature, mode, style, constrained, seed, envSeed, maxSteps, output, cacheMb, threads })
            c.Options.Add(o);
        c.SetAction(r =>
        {
            TrainingProgress.SetThreads(r.GetValue(threads));
            string envName = r.GetValue(env)!, splitName = r.GetValue(split)!;
            var agent = TrainingPresets.For(envName, r.GetValue(preset)!).EvalAgent;
            var prompt = agent.PromptOptions;
            if (r.GetValue(style) is { } s)
                prompt = PromptOptions.ParseStyle(s, "--style") == PromptStyle.Paper
                    ? PromptOptions.PaperRl with { Mode = prompt.Mode }
                    : PromptOptions.Compact with { Mode = prompt.Mode };
            if (r.GetValue(mode) is { } m) prompt = prompt with { Mode = PromptOptions.ParseMode(m, "--mode") };
            agent = agent with
            {
                Prompt = prompt,
                Temperature = r.GetValue(temperature) ?? agent.Temperature,
                ConstrainActions = r.GetValue(constrained) is { } on ? OnOff(on, "--constrained") : agent.ConstrainActions,
            };
            agent.Validate();
            var suite = EnvironmentRegistry.Create(envName, new SuiteOptions(r.GetValue(envSeed), r.GetValue(maxSteps)));
            ConfigException.Require(suite.Splits.Contains(splitName), "--split", $"'{splitName}' is not a split of {envName} ({string.Join(", ", suite.Splits)})");
            int available = suite.Count(splitName);
            int n = r.GetValue(count) ?? available;
            ConfigException.Require(n >= 1 && n <= available, "--count", $"must be in 1..{available} for {envName}/{splitName}, got {n}");

            ConfigException.Require(r.GetValue(cacheMb) >= 0, "--cache-mb", $"must be 0 or more, got {r.GetValue(cacheMb)}");
            using var policy = PolicyCheckpoint.OpenPolicy(r.GetValue(checkpoint)!, options: new EngineOptions(PrefixCacheBytes: (long)r.GetValue(cacheMb) << 20));
            AnsiConsole.MarkupLineInterpolated(
                $"evaluating {policy.Dir} on {envName}/{splitName}: {n} tasks, T={agent.Temperature}, {agent.PromptOptions.Style} {agent.PromptOptions.Mode} prompt, actions {(agent.ConstrainActions ? "constrained" : "free")}");
            var summary = AnsiConsole.Status().Start("rolling out", ctx => Evaluator.Run(policy.Engine, suite, splitName, Enumerable.Range(0, n), agent,
                (ulong)r.GetValue(seed), progress: new Progress<Spark.Core.Rollouts.RolloutProgress>(p => ctx.Status($"step {p.Step + 1}: {p.Stepped} episodes stepped"))));
            string file = r.GetValue(output) ?? $"eval-{envName}-{splitName}.jsonl";
            EvalReport.Write(file, summary, new Dictionary<string, string>
            {
                ["checkpoint"] = Path.GetFullPath(policy.Dir), ["temperature"] = agent.Temperature.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["prompt"] = $"{agent.PromptOptions.Style}/{agent.PromptOptions.Mode}".ToLowerInvariant(),
                ["constrained"] = agent.ConstrainActions ? "on" : "off", ["seed"] = r.GetValue(seed).ToString(),
            });
            Console.WriteLine(EvalReport.Table(summary));
            Console.WriteLine($"wrote {file}");
            return 0;
        });
        return c;
    }

    static bool OnOff(string value, string field) => value.Trim().ToLowerInvariant() switch
    {
        "on" or "true" => true,
        "off" or "false" => false,
        _ => throw new ConfigException(field, $"expected on or off, got '{value}'"),
    };
}
