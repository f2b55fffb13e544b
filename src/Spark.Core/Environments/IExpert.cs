namespace Spark.Core.Environments;

/// <summary>
/// Solves tasks from the agent's point of view (no peeking at hidden state) and explains each step,
/// so its trajectories can become cold-start data with <c>&lt;explore&gt;</c>/<c>&lt;think&gt;</c> reasoning.
/// </summary>
public interface IExpert
{
    /// <summary>Plays <paramref name="env"/> (already reset, as returned by <paramref name="initial"/>) to the end.
    /// <paramref name="random"/> varies the wording of the reasons, never the actions.</summary>
    ExpertTrajectory Solve(IEnvironment env, StepResult initial, Random random);
}

/// <summary>One expert step: what it saw, what it did, and why, in one sentence.</summary>
/// <param name="Observation">The observation the action responds to.</param>
/// <param name="Action">The action taken.</param>
/// <param name="Explore">True when the expert lacked information (searching for something not yet seen,
/// or after an unexpected observation); false when the next move follows from what it knows.</param>
/// <param name="Reason">One sentence, grounded in the state, without tags.</param>
public sealed record ExpertStep(string Observation, string Action, bool Explore, string Reason);

public sealed record ExpertTrajectory(TaskInfo Task, IReadOnlyList<ExpertStep> Steps, bool Won, string FinalObservation);
