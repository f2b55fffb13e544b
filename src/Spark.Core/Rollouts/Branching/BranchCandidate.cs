using Spark.Core.Agents;

namespace Spark.Core.Rollouts.Branching;

/// <summary>
/// A trajectory that has just taken a step and could branch there: the step did not end its episode.
/// </summary>
/// <param name="Task">Position of the task in the rollout batch.</param>
/// <param name="Slot">The trajectory's slot within its task (roots are 0..M−1, children follow in allocation order).</param>
/// <param name="Step">The step just taken (0-based).</param>
/// <param name="NodeId">The tree node recorded for that step.</param>
/// <param name="Decision">What the agent decided at that step.</param>
/// <param name="RootDecision">The decision at step 0 of this trajectory's tree (the root node on its path).</param>
/// <param name="Seed">This (iteration, task, slot, step)'s own branching seed, for strategies that draw at random.</param>
public sealed record BranchCandidate(int Task, int Slot, int Step, int NodeId, AgentStep Decision, AgentStep RootDecision, ulong Seed);

/// <param name="Iteration">Rollout iteration.</param>
/// <param name="Step">The step just taken.</param>
/// <param name="Seed">A seed for this (iteration, step) as a whole, for strategies that choose across the batch.</param>
public sealed record BranchStep(int Iteration, int Step, ulong Seed);
