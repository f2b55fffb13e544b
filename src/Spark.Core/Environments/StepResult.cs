namespace Spark.Core.Environments;

/// <summary>What the world says after a reset or a step.</summary>
/// <param name="Observation">The text the agent sees (for ALFWorld: as ReAct/AgentGym present it).</param>
/// <param name="Reward">The environment's own reward for this step: ALFWorld 1 when won; ScienceWorld the
/// change in score (0–100 scale); WebShop the purchase reward in [0, 1]. The RL reward (10 on success)
/// is derived from <see cref="Won"/> by the trainer, not here.</param>
/// <param name="Done">The episode is over (won, failed, or the step limit was reached).</param>
/// <param name="Won">The task was completed successfully.</param>
/// <param name="Score">Progress in [-1, 1]: ALFWorld 0/1, ScienceWorld score/100 (−1 on failure), WebShop the reward.</param>
/// <param name="ActionAccepted">False when the action was not understood or not admissible (state unchanged).</param>
/// <param name="Truncated">The episode ended because the step limit was reached.</param>
public sealed record StepResult(
    string Observation,
    double Reward,
    bool Done,
    bool Won,
    double Score,
    bool ActionAccepted,
    bool Truncated = false);
