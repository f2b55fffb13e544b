using Spark.Core.Agents;
using Spark.Core.Environments;

namespace Spark.Core.Rollouts;

/// <summary>
/// One decided and executed step. Shared by every trajectory that passes through it: a branch copies the path
/// to its node, never the node.
/// </summary>
/// <param name="Id">Index of the node in its tree (nodes are numbered in creation order).</param>
/// <param name="ParentId">The previous step of the same trajectory, or −1 for a root (step 0).</param>
/// <param name="Step">0-based step index (= depth).</param>
/// <param name="Slot">The trajectory slot that took this step.</param>
/// <param name="Observation">What the agent saw when it decided (the observation before the action).</param>
/// <param name="Decision">The agent's step: action, validity, explore flag, tokens, log-probs.</param>
/// <param name="Result">What the environment answered.</param>
public sealed record RolloutNode(int Id, int ParentId, int Step, int Slot, string Observation, AgentStep Decision, StepResult Result)
{
    public bool IsRoot => ParentId < 0;

    /// <summary>The response contained a complete <c>&lt;explore&gt;…&lt;/explore&gt;</c>.</summary>
    public bool Explore => Decision.Explore;
}

/// <summary>
/// A finished trajectory: the root-to-end path through the tree and its outcome.
/// </summary>
/// <param name="Slot">The trajectory's slot in its task.</param>
/// <param name="Path">Node ids from the root (step 0) to the last step.</param>
/// <param name="Reward">The RL reward: <c>RolloutOptions.SuccessReward</c> (10) when won, else 0.</param>
/// <param name="Won">The environment reported success.</param>
/// <param name="Truncated">Ended by a step limit (the environment's or the engine's cap) rather than by the world.</param>
/// <param name="Score">The environment's final score in [−1, 1] (WebShop partial credit, ScienceWorld progress).</param>
public sealed record RolloutLeaf(int Slot, IReadOnlyList<int> Path, double Reward, bool Won, bool Truncated, double Score)
{
    public int Steps => Path.Count;
    public int LastNodeId => Path[^1];
}

/// <summary>A branch: after node <paramref name="NodeId"/> (its action executed once), the parent slot went on
/// and the child slots were created as copies of it.</summary>
public sealed record BranchEvent(int NodeId, int Step, int ParentSlot, IReadOnlyList<int> ChildSlots);
