using Spark.Core.Environments;

namespace Spark.Core.Rollouts;

/// <summary>
/// Every trajectory of one task in one rollout batch: M root chains that branched into at most N leaves.
/// With the <c>chains</c> strategy it is N unbranched paths.
/// </summary>
public sealed class RolloutTree
{
    readonly List<RolloutNode> _nodes = [];
    readonly List<RolloutLeaf> _leaves = [];
    readonly List<BranchEvent> _branches = [];

    public RolloutTree(TaskInfo task, int taskIndex, string initialObservation)
    {
        Task = task;
        TaskIndex = taskIndex;
        InitialObservation = initialObservation;
    }

    public TaskInfo Task { get; }

    /// <summary>Position of the task in its batch: the group of its training samples.</summary>
    public int TaskIndex { get; }

    /// <summary>The observation after reset, which every root decided from.</summary>
    public string InitialObservation { get; }

    public IReadOnlyList<RolloutNode> Nodes => _nodes;

    /// <summary>Finished trajectories, in slot order.</summary>
    public IReadOnlyList<RolloutLeaf> Leaves => _leaves;

    public IReadOnlyList<BranchEvent> Branches => _branches;

    /// <summary>Environment steps spent bringing replayed children to their parent's state (0 when cloning).</summary>
    public int ReplaySteps { get; internal set; }

    internal RolloutNode AddNode(int parentId, int step, int slot, string observation, Agents.AgentStep decision, StepResult result)
    {
        var node = new RolloutNode(_nodes.Count, parentId, step, slot, observation, decision, result);
        _nodes.Add(node);
        return node;
    }

    internal void AddBranch(BranchEvent branch) => _branches.Add(branch);

    internal void AddLeaf(RolloutLeaf leaf) => _leaves.Add(leaf);
}
