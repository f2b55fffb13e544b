using System.Globalization;
using System.Text;
using Spark.Core.Advantages;
using Spark.Core.Agents;
using Spark.Core.Environments;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// The rollout engine's own cost, with no model: a synthetic agent (fixed-size prompts and responses, &lt;explore&gt;
/// at a fixed rate) on a synthetic world, at the paper's batch shape (16 tasks, N = 8, up to 30 steps). It answers
/// "is the tree bookkeeping, the branching and the advantage computation negligible next to generation?" and shows
/// the token accounting of each strategy on that synthetic agent.
/// </summary>
public sealed class RolloutEngineBenchmark : IBenchmark
{
    const int Tasks = 16, MaxSteps = 30, PromptTokens = 400, ResponseTokens = 60;
    const double ExploreRate = 0.35, FinishRate = 0.06;

    public string Name => "rollout-engine";
    public string Description => "Engine overhead per step and token accounting of each strategy (synthetic agent, no model).";

    public string Run(string[] args)
    {
        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine($"Synthetic agent: {PromptTokens}-token prompts, {ResponseTokens}-token responses, `<explore>` on {ExploreRate:P0} of steps, " +
                      $"finishes an episode with probability {FinishRate} per step (won half the time), else runs to {MaxSteps} steps. " +
                      $"{Tasks} tasks, N = 8 (spark/fixed/entropy: M = 4, B = 2). Median of 9 engine runs and 21 estimator runs, after a full warm-up pass. " +
                      "The machine is shared with other builds, so times are noisy.");
        sb.AppendLine();
        sb.AppendLine("| strategy | leaves | nodes | engine time (ms) | µs per node | generated tokens | chains would generate | saved | env steps | grpo (ms) | gigpo (ms) | tree-node (ms) |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        string[] names = ["chains", "spark", "fixed", "entropy"];
        foreach (string name in names) Measure(name); // warm-up pass: lets the JIT reach its optimised tier first
        foreach (string name in names)
        {
            var (batch, engine, grpo, gigpo, node) = Measure(name);
            var a = batch.Accounting;
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {a.Leaves} | {a.Nodes} | {engine * 1e3:F1} | {engine * 1e6 / a.Nodes:F1} | {a.GeneratedTokens} | {a.ChainsGeneratedTokens} | " +
                $"{a.GeneratedTokensSaved:P1} | {a.EnvironmentSteps} | {grpo * 1e3:F2} | {gigpo * 1e3:F2} | {node * 1e3:F2} |"));
        }
        sb.AppendLine();
        sb.AppendLine("\"generated tokens\" counts each tree node once; \"chains would generate\" re-generates every leaf's whole path. " +
                      "A real policy spends milliseconds per generated token on CPU, so the engine's microseconds per node do not matter.");
        return sb.ToString();
    }

    static (RolloutBatch Batch, double Engine, double Grpo, double Gigpo, double Node) Measure(string name)
    {
        var strategy = BranchStrategies.Create(name);
        RolloutBatch batch = Roll(strategy);
        double engine = BenchReport.MedianSeconds(9, () => batch = Roll(strategy));
        return (batch, engine, TimeEstimator(batch, "grpo"), TimeEstimator(batch, "gigpo"), TimeEstimator(batch, "tree-node"));
    }

    static RolloutBatch Roll(IBranchStrategy strategy)
    {
        var engine = new TreeRolloutEngine(new SyntheticAgent(), strategy, new RolloutOptions { Seed = 7 });
        var tasks = Enumerable.Range(0, Tasks).Select(i => new TaskInfo("synthetic", "train", i, "walk", "finish")).ToArray();
        return engine.Run(tasks, t => new SyntheticWorld(t));
    }

    static double TimeEstimator(RolloutBatch batch, string name)
    {
        var estimator = AdvantageEstimators.Get(name);
        var rows = TrainingSamples.Export(batch.Trees, estimator.Layout).Select(s => s.Row).ToArray();
        estimator.Compute(rows, new AdvantageOptions());
        return BenchReport.MedianSeconds(21, () => estimator.Compute(rows, new AdvantageOptions()));
    }

    /// <summary>Accepts every action; "finish-won"/"finish-lost" end the episode; 30 steps truncate it.</summary>
    sealed class SyntheticWorld(TaskInfo task) : IEnvironment
    {
        readonly List<string> _history = [];
        public TaskInfo Task { get; } = task;
        public IReadOnlyList<string> AdmissibleActions { get; } = ["step", "finish-won", "finish-lost"];
        public int StepCount => _history.Count;
        public IReadOnlyList<string> ActionHistory => _history;
        public bool CanClone => true;

        public StepResult Reset()
        {
            _history.Clear();
            return new StepResult("start", 0, false, false, 0, true);
        }

        public StepResult Step(string action)
        {
            _history.Add(action);
            bool won = action == "finish-won", done = won || action == "finish-lost" || _history.Count >= MaxSteps;
            return new StepResult($"step {_history.Count}", won ? 1 : 0, done, won, won ? 1 : 0, true, done && !action.StartsWith("finish"));
        }

        public IEnvironment Clone()
        {
            var copy = new SyntheticWorld(Task);
            copy._history.AddRange(_history);
            return copy;
        }
    }

    sealed class SyntheticAgent : IAgent
    {
        public IAgentContext Start(IEnvironment env, StepResult initial) => new Context();
        public void Observe(IAgentContext context, AgentStep step, StepResult result) { }

        public IReadOnlyList<AgentStep> Act(IReadOnlyList<AgentTurn> batch, IReadOnlyList<ulong> seeds)
        {
            var steps = new AgentStep[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                var rng = new Random((int)(seeds[i] & 0x7FFFFFFF));
                bool explore = rng.NextDouble() < ExploreRate;
                string action = rng.NextDouble() >= FinishRate ? "step" : rng.Next(2) == 0 ? "finish-won" : "finish-lost";
                var response = new int[ResponseTokens];
                var entropies = new float[ResponseTokens];
                for (int t = 0; t < ResponseTokens; t++) entropies[t] = (float)rng.NextDouble();
                steps[i] = new AgentStep(action, true, explore, explore ? "<explore>?</explore>" : "<think>.</think>",
                    new int[PromptTokens], response, new float[ResponseTokens], entropies, PromptTokens);
            }
            return steps;
        }

        sealed class Context : IAgentContext
        {
            public IAgentContext Fork() => new Context();
        }
    }
}
