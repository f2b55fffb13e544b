using Spark.Core.Rollouts;

namespace Spark.Core.Metrics;

/// <summary>
/// Figures over a set of rollout trees (or plain episodes: a chain is a tree without branches).
/// Episode figures are over leaves; step figures are over distinct nodes, so a step shared by several leaves
/// counts once. A node's path from the root is unique, so per-episode properties of a step (such as being a
/// repeat) are well defined. For unbranched rollouts both views coincide.
/// </summary>
/// <param name="Episodes">Leaves.</param>
/// <param name="SuccessRate">Share of leaves that were won.</param>
/// <param name="MeanScore">Mean final environment score of the leaves (WebShop's score, ScienceWorld's progress).</param>
/// <param name="MeanReward">Mean RL reward of the leaves (10 × won by default).</param>
/// <param name="MeanSteps">Mean number of steps of a leaf, root to end.</param>
/// <param name="Steps">Distinct decided steps (nodes).</param>
/// <param name="GeneratedTokens">Response tokens sampled, each node once.</param>
/// <param name="InvalidActionRatio">Share of steps whose response broke the format rules (<c>AgentStep.Valid</c> false).</param>
/// <param name="ExploreRatio">Share of steps whose response contained a complete <c>&lt;explore&gt;…&lt;/explore&gt;</c>.</param>
/// <param name="RepetitiveActionRatio">Share of steps whose action repeats an action already taken earlier in the
/// same episode from the same observation: step t is a repeat when some earlier step s &lt; t on its root-to-node
/// path has the identical action string and was decided from the identical observation text. A repeat means
/// the agent is looping: it did the same thing in the same visible situation and learned nothing new.</param>
/// <param name="Accounting">Tokens, prompts, environment steps and branch events, against independent chains.</param>
public sealed record RolloutMetrics(
    int Episodes,
    double SuccessRate,
    double MeanScore,
    double MeanReward,
    double MeanSteps,
    int Steps,
    long GeneratedTokens,
    double InvalidActionRatio,
    double ExploreRatio,
    double RepetitiveActionRatio,
    RolloutAccounting Accounting)
{
    public static RolloutMetrics Of(RolloutBatch batch) => Of(batch.Trees);

    public static RolloutMetrics Of(IReadOnlyList<RolloutTree> trees)
    {
        var leaves = trees.SelectMany(t => t.Leaves).ToArray();
        var nodes = trees.SelectMany(t => t.Nodes).ToArray();
        int repeats = trees.Sum(CountRepeats);
        var accounting = RolloutAccounting.Of(trees);
        return new RolloutMetrics(
            leaves.Length,
            Mean(leaves, l => l.Won ? 1 : 0),
            Mean(leaves, l => l.Score),
            Mean(leaves, l => l.Reward),
            Mean(leaves, l => l.Steps),
            nodes.Length,
            accounting.GeneratedTokens,
            Mean(nodes, n => n.Decision.Valid ? 0 : 1),
            Mean(nodes, n => n.Explore ? 1 : 0),
            nodes.Length == 0 ? 0 : (double)repeats / nodes.Length,
            accounting);
    }

    /// <summary>True when <paramref name="node"/> repeats an (observation, action) pair of one of its ancestors.</summary>
    public static bool IsRepeat(RolloutTree tree, RolloutNode node)
    {
        for (int id = node.ParentId; id >= 0; id = tree.Nodes[id].ParentId)
        {
            var earlier = tree.Nodes[id];
            if (earlier.Decision.Action == node.Decision.Action && earlier.Observation == node.Observation) return true;
        }
        return false;
    }

    static int CountRepeats(RolloutTree tree) => tree.Nodes.Count(n => IsRepeat(tree, n));

    static double Mean<T>(IReadOnlyCollection<T> items, Func<T, double> value) => items.Count == 0 ? 0 : items.Sum(value) / items.Count;
}
