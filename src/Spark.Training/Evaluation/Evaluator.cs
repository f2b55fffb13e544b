using System.Diagnostics;
using Spark.Core.Configuration;
using Spark.Core.Environments;
using Spark.Core.Metrics;
using Spark.Core.Policies;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Training.Agents;

namespace Spark.Training.Evaluation;

/// <summary>
/// The paper's evaluation: one linear rollout per task (no branching), all tasks stepping together as the paper's
/// parallel test environments do, sampled at the agent's temperature (the paper: 0.4) from a seed. Built on the
/// rollout engine with a one-leaf <c>chains</c> budget, so the figures are <see cref="RolloutMetrics"/>'s. Task
/// <c>i</c> of <paramref name="indices"/> samples step t with <c>TreeRolloutEngine.SampleSeed(seed, 0, i, 0, t)</c>,
/// so the outcome of a task depends only on the seed and its position, never on the batch.
/// </summary>
public static class Evaluator
{
    /// <param name="policy">The policy (the generation engine of a checkpoint, a scripted or remote policy).</param>
    /// <param name="indices">Task indices of <paramref name="split"/>, evaluated in this order.</param>
    /// <param name="options">How the agent prompts and samples (temperature, prompt mode, constrained actions).</param>
    /// <param name="maxSteps">Optional cap on steps on top of the environment's own limit.</param>
    /// <param name="progress">Told after every batched step.</param>
    public static EvalSummary Run(IPolicy policy, IEnvironmentSuite suite, string split, IEnumerable<int> indices,
        AgentOptions options, ulong seed, int? maxSteps = null, IProgress<RolloutProgress>? progress = null)
    {
        ConfigException.Require(suite.Splits.Contains(split), "split", $"'{split}' is not a split of {suite.Name} ({string.Join(", ", suite.Splits)})");
        var tasks = indices.Select(i =>
        {
            ConfigException.Require(i >= 0 && i < suite.Count(split), "index", $"task {i} is outside {suite.Name}/{split} (0..{suite.Count(split) - 1})");
            return suite.Describe(split, i);
        }).ToList();
        ConfigException.Require(tasks.Count > 0, "count", "no tasks to evaluate");

        var clock = Stopwatch.StartNew();
        var agent = new PolicyAgent(policy, options);
        var linear = new ChainsStrategy(new BranchingOptions { Roots = 1, Budget = 1 });
        var engine = new TreeRolloutEngine(agent, linear, new RolloutOptions { Seed = seed, MaxSteps = maxSteps, Progress = progress });
        var batch = engine.Run(tasks, t => suite.Create(t.Split, t.Index));
        return Summarise(suite.Name, split, batch.Trees, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The summary of finished linear rollouts (one leaf per tree).</summary>
    public static EvalSummary Summarise(string env, string split, IReadOnlyList<RolloutTree> trees, double seconds)
    {
        var metrics = RolloutMetrics.Of(trees);
        var episodes = trees.Select(Episode).ToList();
        double p = metrics.SuccessRate;
        var byType = episodes.GroupBy(e => e.TaskType).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TaskTypeResult(g.Key, g.Count(), g.Average(e => e.Won ? 1.0 : 0.0))).ToList();
        return new EvalSummary(env, split, metrics.Episodes, p,
            metrics.Episodes == 0 ? 0 : Math.Sqrt(p * (1 - p) / metrics.Episodes),
            metrics.MeanScore, metrics.MeanSteps, metrics.GeneratedTokens, metrics.RepetitiveActionRatio,
            metrics.ExploreRatio, metrics.InvalidActionRatio, seconds, byType, episodes);
    }

    static EvalEpisode Episode(RolloutTree tree)
    {
        var leaf = tree.Leaves.Single();
        var nodes = leaf.Path.Select(id => tree.Nodes[id]).ToList();
        return new EvalEpisode(tree.Task.Id, tree.Task.TaskType, leaf.Won, leaf.Score, leaf.Steps, leaf.Truncated,
            nodes.Sum(n => (long)n.Decision.ResponseIds.Length),
            nodes.Count(n => !n.Decision.Valid),
            nodes.Count(n => n.Explore),
            nodes.Count(n => RolloutMetrics.IsRepeat(tree, n)),
            nodes.Select(n => n.Decision.Action).ToList());
    }
}
