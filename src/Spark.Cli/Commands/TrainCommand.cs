using System.CommandLine;
using System.Globalization;
using Spark.Core.Configuration;
using Spark.Core.Rollouts.Branching;
using Spark.Environments;
using Spark.Training.Agents.Prompts;
using Spark.Training.Presets;
using Spark.Training.Rl;
using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark train --env alfworld --strategy spark --init SFT_DIR --out DIR</c>: RL from a cold-start checkpoint —
/// tree rollouts, group-relative advantages, PPO with KL to the starting model (docs/rl.md).
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var env = new Option<string>("--env") { Description = "Environment: alfworld, scienceworld or webshop.", Required = true };
        var strategy = new Option<string>("--strategy") { Description = $"Rollout strategy: {string.Join(", ", BranchStrategies.Names)}.", DefaultValueFactory = _ => "spark" };
        var init = new Option<string>("--init") { Description = "Starting checkpoint (the SFT model); also the KL reference.", Required = true };
        var output = new Option<string>("--out") { Description = "Run folder (metrics.jsonl, tensorboard/, checkpoints/, trees/, final/).", Required = true };
        var preset = new Option<string>("--preset") { Description = $"Defaults: {string.Join(", ", TrainingPresets.Names)}.", DefaultValueFactory = _ => TrainingPresets.Cpu };
        var iterations = new Option<int?>("--iterations") { Description = "Training iterations (paper: 120)." };
        var tasks = new Option<int?>("--tasks") { Description = "Tasks per iteration (paper: 16)." };
        var roots = new Option<int?>("--roots") { Description = "M: initial roots per task (paper: 4)." };
        var budget = new Option<int?>("--budget") { Description = "N: leaves per task (paper: 8); chains runs N independent trajectories." };
        var factor = new Option<int?>("--factor") { Description = "B: branching factor (paper: 2)." };
        var branch = new Option<string[]>("--branch") { Description = "Strategy setting KEY=VALUE: from=3 (first step that may branch; paper 0), p=0.35 and picks=4 (fixed), k=20 and margin=0.1 (entropy).", AllowMultipleArgumentsPerToken = true };
        var advantage = new Option<string>("--advantage") { Description = "Advantage estimator: grpo, grpo-traj, drgrpo, tree-node, gigpo.", DefaultValueFactory = _ => "grpo" };
        var skipUniform = new Option<bool>("--skip-uniform-groups") { Description = "Train only on tasks whose leaves earned different rewards (DAPO's group filter)." };
        var lr = new Option<double?>("--lr") { Description = "Actor learning rate (constant unless --lr-decay)." };
        var lrDecay = new Option<bool>("--lr-decay") { Description = "Cosine-decay the learning rate over the iterations to a tenth." };
        var miniBatches = new Option<int?>("--mini-batches") { Description = "Optimizer steps per iteration (the iteration's samples split evenly; default 4)." };
        var klCoef = new Option<double?>("--kl-coef") { Description = "Weight of the KL penalty to the --init model (paper: 0.01)." };
        var entropyCoef = new Option<double?>("--entropy-coef") { Description = "Weight of the entropy bonus (paper: 0.001)." };
        var evalEvery = new Option<int?>("--eval-every") { Description = "Evaluate on L0/L1/L2 every K iterations (0: never)." };
        var evalSplits = new Option<string[]>("--eval-splits") { Description = "Splits to evaluate (default: L0 L1 L2).", AllowMultipleArgumentsPerToken = true };
        var evalCount = new Option<int?>("--eval-count") { Description = "Tasks per split per evaluation." };
        var fraction = new Option<double?>("--train-fraction") { Description = "Share of the training split to draw tasks from (sample-efficiency studies)." };
        var mode = new Option<string?>("--mode") { Description = "Prompt mode: episode or window." };
        var temperature = new Option<float?>("--temperature") { Description = "Rollout temperature (the paper's code: 1.0)." };
        var every = new Option<int?>("--checkpoint-every") { Description = "Iterations between checkpoints." };
        var seed = new Option<int>("--seed") { Description = "Run seed: rollouts, task draws, updates.", DefaultValueFactory = _ => 1 };
        var envSeed = new Option<int>("--env-seed") { Description = "Seed of the generated worlds.", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default: one per core).", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue from the latest checkpoint in --out." };

        var c = new Command("train", "RL with tree rollouts (spark, chains = GRPO, fixed, entropy), PPO + KL, evaluation, checkpoints, exact resume.");
        foreach (var o in new Option[] { env, strategy, init, output, preset, iterations, tasks, roots, budget, factor, branch, advantage, skipUniform, lr, lrDecay, miniBatches,
                     klCoef, entropyCoef, evalEvery, evalSplits, evalCount, fraction, mode, temperature, every, seed, envSeed, device, threads, resume })
            c.Options.Add(o);
        c.SetAction((r, cancel) =>
        {
            TrainingProgress.SetThreads(r.GetValue(threads));
            var defaults = RlPresets.For(TrainingPresets.For(r.GetValue(env)!, r.GetValue(preset)!));
            var branching = BranchingOptions.Parse(r.GetValue(branch) ?? []);
            branching = branching with
            {
                Roots = r.GetValue(roots) ?? branching.Roots,
                Budget = r.GetValue(budget) ?? branching.Budget,
                Factor = r.GetValue(factor) ?? branching.Factor,
            };
            var agent = defaults.Agent with { Temperature = r.GetValue(temperature) ?? defaults.Agent.Temperature };
            if (r.GetValue(mode) is { } m)
            {
                var promptMode = PromptOptions.ParseMode(m, "--mode");
                agent = agent with { Prompt = agent.PromptOptions with { Mode = promptMode } };
                defaults = defaults with { EvalAgent = defaults.EvalAgent with { Prompt = defaults.EvalAgent.PromptOptions with { Mode = promptMode } } };
            }
            var options = defaults with
            {
                EnvSeed = r.GetValue(envSeed),
                Strategy = r.GetValue(strategy)!,
                Branching = branching,
                Advantage = r.GetValue(advantage)!,
                SkipUniformGroups = r.GetValue(skipUniform) || defaults.SkipUniformGroups,
                Iterations = r.GetValue(iterations) ?? defaults.Iterations,
                TasksPerIteration = r.GetValue(tasks) ?? defaults.TasksPerIteration,
                LearningRate = r.GetValue(lr) ?? defaults.LearningRate,
                DecayLearningRate = r.GetValue(lrDecay) || defaults.DecayLearningRate,
                Update = defaults.Update with { MiniBatches = r.GetValue(miniBatches) ?? defaults.Update.MiniBatches },
                Loss = defaults.Loss with
                {
                    KlCoef = r.GetValue(klCoef) ?? defaults.Loss.KlCoef,
                    EntropyCoef = r.GetValue(entropyCoef) ?? defaults.Loss.EntropyCoef,
                },
                EvalEvery = r.GetValue(evalEvery) ?? defaults.EvalEvery,
                EvalCount = r.GetValue(evalCount) ?? defaults.EvalCount,
                EvalSplits = r.GetValue(evalSplits) is { Length: > 0 } splits ? splits : defaults.EvalSplits,
                TrainFraction = r.GetValue(fraction) ?? defaults.TrainFraction,
                CheckpointEvery = r.GetValue(every) ?? defaults.CheckpointEvery,
                Agent = agent,
                Seed = (ulong)r.GetValue(seed),
                Device = r.GetValue(device)!,
            };
            options.Validate();
            string initDir = BuiltInModel.Resolve(r.GetValue(init)!, "--init");
            var suite = EnvironmentRegistry.Create(options.Env, new SuiteOptions(options.EnvSeed));
            foreach (string split in options.EvalSplits)
                ConfigException.Require(suite.Splits.Contains(split), "eval-splits", $"'{split}' is not a split of {options.Env}; known: {string.Join(", ", suite.Splits)}");
            AnsiConsole.MarkupLineInterpolated(
                $"RL on {options.Env}: strategy {options.Strategy} (M={branching.Roots}, N={branching.Budget}, B={branching.Factor}), {options.Advantage}, lr {options.LearningRate:G3}, {options.Iterations} iterations x {options.TasksPerIteration} tasks");
            string final = TrainingProgress.Run("train", (report, log) => new RlTrainer(options, suite, initDir, r.GetValue(output)!)
            {
                OnStatus = log,
                OnWarning = w => log("warning: " + w),
                OnIteration = it => report(it.Iteration, it.Iterations, Summary(it.Metrics)),
            }.Run(r.GetValue(resume), cancel));
            AnsiConsole.MarkupLineInterpolated($"[green]done[/]: final model in {final}; metrics in {Path.Combine(r.GetValue(output)!, "metrics.jsonl")}");
            return Task.FromResult(0);
        });
        return c;
    }

    static string Summary(IReadOnlyDictionary<string, double> m)
    {
        var parts = new List<string>();
        void Add(string key, string label, string format)
        {
            if (m.TryGetValue(key, out double v)) parts.Add(label + " " + v.ToString(format, CultureInfo.InvariantCulture));
        }
        Add("rollout_success", "success", "P0");
        Add("explore_ratio", "explore", "P0");
        Add("kl", "kl", "F4");
        Add("eval_L0_success", "L0", "P1");
        Add("time_rollout_s", "rollout s", "F0");
        Add("time_update_s", "update s", "F0");
        return string.Join(", ", parts);
    }
}
