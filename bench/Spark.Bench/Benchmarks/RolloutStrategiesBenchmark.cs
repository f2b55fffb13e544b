using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spark.Core.Metrics;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Environments;
using Spark.Models.Runtime;
using Spark.Training.Agents;
using Spark.Training.Evaluation;
using Spark.Training.Presets;
using Spark.Training.Rl;
using TorchSharp;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// SPARK against independent chains (plain GRPO's rollouts) at the same leaf budget, from an SFT checkpoint of each
/// environment: generated tokens, prompt tokens computed, environment steps, wall time and rollout success of one
/// batch of training tasks per seed (issue 8; the paper's Table 2 reports SPARK's tokens relative to GRPO's).
/// Options: --checkpoints env=DIR[,env=DIR…] (required), --tasks N (16), --seeds 1,2,3, --threads N (2).
/// Each run opens the checkpoint afresh so no strategy profits from the other's prefix cache.
/// </summary>
public sealed class RolloutStrategiesBenchmark : IBenchmark
{
    /// <summary>The paper's Table 2: SPARK's generated tokens relative to GRPO's (100 % − the reported saving).</summary>
    static readonly Dictionary<string, double> PaperRelative = new() { ["alfworld"] = 93.1, ["scienceworld"] = 53.0, ["webshop"] = 88.8 };

    static readonly string[] Strategies = ["spark", "chains"];

    public string Name => "rollout-strategies";
    public string Description => "SPARK vs chains rollouts from SFT checkpoints: tokens, prompt compute, env steps, wall time per environment.";

    public string Run(string[] args)
    {
        TorchRuntime.EnsureLoadable();
        var checkpoints = ParseCheckpoints(BenchArgs.Text(args, "--checkpoints")
            ?? throw new ArgumentException("--checkpoints env=DIR[,env=DIR…] is required (SFT checkpoints, e.g. from `spark sft`)"));
        int tasks = BenchArgs.Int(args, "--tasks", 16), threads = BenchArgs.Int(args, "--threads", 2);
        int[] seeds = (BenchArgs.Text(args, "--seeds") ?? "1,2,3").Split(',').Select(int.Parse).ToArray();
        torch.set_num_threads(threads);

        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine($"One rollout batch of {tasks} training tasks per seed (seeds {string.Join(", ", seeds)}), N = 8 leaves per task " +
                      "(SPARK: M = 4 roots, B = 2, branching on `<explore>`; chains: 8 independent trajectories), the cpu preset's agent " +
                      $"(window prompts, constrained actions, temperature 1.0), {threads} torch thread(s). Figures are sums over seeds; " +
                      "wall time includes the environment and the model, not loading. Checkpoints: " +
                      string.Join(", ", checkpoints.Select(c => $"{c.Key} = `{c.Value}`")) + ".");
        sb.AppendLine();
        sb.AppendLine("| env | strategy | leaves | generated tokens | prompt tokens computed | env steps | branch events | wall s | success | tokens vs chains run | paper (SPARK / GRPO tokens) |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (env, dir) in checkpoints)
        {
            var totals = Strategies.ToDictionary(s => s, _ => (Accounting: (RolloutAccounting?)null, Seconds: 0.0, Wins: 0, Leaves: 0));
            foreach (int seed in seeds)
                foreach (string strategy in Strategies)
                {
                    var (accounting, seconds, metrics) = RunOnce(env, dir, strategy, tasks, seed);
                    var t = totals[strategy];
                    totals[strategy] = (t.Accounting is null ? accounting : t.Accounting.Add(accounting), t.Seconds + seconds,
                        t.Wins + (int)Math.Round(metrics.SuccessRate * accounting.Leaves), t.Leaves + accounting.Leaves);
                    Console.WriteLine(FormattableString.Invariant(
                        $"{env} seed {seed} {strategy}: {accounting.GeneratedTokens:N0} generated tokens, {seconds:F1} s, success {metrics.SuccessRate:P1}"));
                }
            double chainsTokens = totals["chains"].Accounting!.GeneratedTokens;
            foreach (string strategy in Strategies)
            {
                var (a, seconds, wins, leaves) = totals[strategy];
                string relative = strategy == "spark" ? Pct(a!.GeneratedTokens / chainsTokens) : "100 %";
                string paper = strategy == "spark" && PaperRelative.TryGetValue(env, out double p) ? $"{p:F1} %" : "";
                sb.AppendLine(FormattableString.Invariant(
                    $"| {env} | {strategy} | {a!.Leaves} | {a.GeneratedTokens:N0} | {a.PromptTokensComputed:N0} | {a.EnvironmentSteps:N0} | {a.BranchEvents} | {seconds:F1} | {Pct((double)wins / leaves)} | {relative} | {paper} |"));
            }
        }
        sb.AppendLine();
        sb.AppendLine("\"tokens vs chains run\" compares SPARK's generated tokens with those of the chains runs on the same tasks and seeds " +
                      "(the paper's comparison). Trajectory lengths differ between the two runs, so this mixes the saving from shared " +
                      "prefixes with any difference in how long episodes last.");
        return sb.ToString();
    }

    static (RolloutAccounting Accounting, double Seconds, RolloutMetrics Metrics) RunOnce(string env, string dir, string strategy, int tasks, int seed)
    {
        var preset = TrainingPresets.For(env, TrainingPresets.Cpu);
        var branching = BranchStrategies.Create(strategy, BranchingOptions.Parse([]));
        var suite = EnvironmentRegistry.Create(env, new SuiteOptions(1));
        var taskList = TaskSampler.Sample(suite, "train", tasks, (ulong)seed, iteration: 0);
        using var policy = PolicyCheckpoint.OpenPolicy(dir);
        var clock = Stopwatch.StartNew();
        var batch = new TreeRolloutEngine(new PolicyAgent(policy.Engine, preset.Agent), branching, new RolloutOptions { Seed = (ulong)seed })
            .Run(taskList, t => suite.Create(t.Split, t.Index));
        double seconds = clock.Elapsed.TotalSeconds;
        return (batch.Accounting, seconds, RolloutMetrics.Of(batch));
    }

    static Dictionary<string, string> ParseCheckpoints(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(
            p => p.Length == 2 ? p[0] : throw new ArgumentException($"--checkpoints: '{string.Join('=', p)}' is not env=DIR"),
            p => Directory.Exists(p[1]) ? p[1] : throw new ArgumentException($"--checkpoints: no folder '{p[1]}'"));

    static string Pct(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
