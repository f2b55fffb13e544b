using Spark.Core.Advantages;
using Spark.Core.Agents;

namespace Spark.Core.Rollouts;

/// <summary>
/// One training sample: a node's prompt and response (token ids and sampling log-probs in <see cref="Decision"/>)
/// with the reward credited to it.
/// </summary>
/// <param name="Group">The task's position in the batch: the comparison group.</param>
/// <param name="TaskId">The task, for logs.</param>
/// <param name="Trajectory">Per (leaf, step): the leaf's slot. Per node: the node id.</param>
/// <param name="Node">The step.</param>
/// <param name="Reward">Per (leaf, step): the leaf's reward. Per node: the mean reward of the leaves through it.</param>
/// <param name="StepReward">The reward earned at this step (the leaf's reward on its last step, else 0).</param>
public sealed record TrainingSample(int Group, string TaskId, int Trajectory, RolloutNode Node, double Reward, double StepReward)
{
    public int Step => Node.Step;
    public AgentStep Decision => Node.Decision;

    public AdvantageRow Row => new(Group, Trajectory, Node.Step, Reward, !Node.Decision.Valid, StepReward, Node.Observation);
}

/// <summary>A training sample with its advantage, ready to broadcast to its response tokens.</summary>
public sealed record ScoredSample(TrainingSample Sample, double Advantage);

/// <summary>Turns rollout trees into training samples in either layout, and scores them with an estimator.</summary>
public static class TrainingSamples
{
    public static IReadOnlyList<TrainingSample> Export(IEnumerable<RolloutTree> trees, SampleLayout layout) => layout switch
    {
        SampleLayout.LeafSteps => PerLeafStep(trees),
        SampleLayout.Nodes => PerNode(trees),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
    };

    /// <summary>
    /// One sample per (leaf, step), as the paper's code trains: leaf by leaf in slot order, steps in order.
    /// A step shared by k leaves appears k times, each time with its leaf's reward.
    /// </summary>
    public static IReadOnlyList<TrainingSample> PerLeafStep(IEnumerable<RolloutTree> trees)
    {
        var samples = new List<TrainingSample>();
        foreach (var tree in trees)
            foreach (var leaf in tree.Leaves)
                foreach (int id in leaf.Path)
                    samples.Add(new TrainingSample(tree.TaskIndex, tree.Task.Id, leaf.Slot, tree.Nodes[id], leaf.Reward,
                        id == leaf.LastNodeId ? leaf.Reward : 0));
        return samples;
    }

    /// <summary>One sample per node, in node order, with the mean reward of the leaves whose path contains it.</summary>
    public static IReadOnlyList<TrainingSample> PerNode(IEnumerable<RolloutTree> trees)
    {
        var samples = new List<TrainingSample>();
        foreach (var tree in trees)
        {
            var sum = new double[tree.Nodes.Count];
            var count = new int[tree.Nodes.Count];
            foreach (var leaf in tree.Leaves)
                foreach (int id in leaf.Path)
                {
                    sum[id] += leaf.Reward;
                    count[id]++;
                }
            var endsLeaf = tree.Leaves.ToDictionary(l => l.LastNodeId, l => l.Reward);
            foreach (var node in tree.Nodes)
                samples.Add(new TrainingSample(tree.TaskIndex, tree.Task.Id, node.Id, node, sum[node.Id] / count[node.Id],
                    endsLeaf.GetValueOrDefault(node.Id)));
        }
        return samples;
    }

    /// <summary>Exports the samples <paramref name="estimator"/> expects and computes their advantages.</summary>
    public static IReadOnlyList<ScoredSample> Score(IEnumerable<RolloutTree> trees, AdvantageEstimator estimator, AdvantageOptions? options = null)
    {
        options ??= new AdvantageOptions();
        options.Validate();
        var samples = Export(trees, estimator.Layout);
        var advantages = estimator.Compute(samples.Select(s => s.Row).ToArray(), options);
        return samples.Select((s, i) => new ScoredSample(s, advantages[i])).ToArray();
    }
}
