namespace Spark.Core.Advantages;

/// <summary>
/// One training sample as an advantage estimator sees it: plain numbers and keys, nothing about tokens.
/// The trainer broadcasts the advantage computed for the row to every response token of its sample.
/// </summary>
/// <param name="Group">The comparison group: the task (all samples of one task's tree).</param>
/// <param name="Trajectory">The trajectory (leaf) the sample belongs to; in the per-node layout, the node.</param>
/// <param name="Step">Step index within the trajectory (orders the rows of a trajectory for discounting).</param>
/// <param name="Reward">The outcome reward credited to the sample: its leaf's reward (10 × won), or in the per-node
/// layout the mean reward of the node's descendant leaves. The invalid-action penalty is not included.</param>
/// <param name="Invalid">The response broke the format rules (penalised by <see cref="AdvantageOptions.InvalidPenalty"/>).</param>
/// <param name="StepReward">The reward the environment gave at this step in RL units (10 on the winning step, else 0): GiGPO only.</param>
/// <param name="Anchor">The observation the step was decided from: GiGPO groups identical ones.</param>
public readonly record struct AdvantageRow(
    int Group,
    int Trajectory,
    int Step,
    double Reward,
    bool Invalid,
    double StepReward = 0,
    string? Anchor = null);

/// <summary>Which training samples an estimator expects.</summary>
public enum SampleLayout
{
    /// <summary>One sample per (leaf, step), as the paper's code trains: a step shared by k leaves appears k times,
    /// each time with that leaf's reward.</summary>
    LeafSteps,

    /// <summary>One sample per tree node, credited with the mean reward of the leaves below it.</summary>
    Nodes,
}
