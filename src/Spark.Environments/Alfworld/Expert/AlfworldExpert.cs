using Spark.Core.Environments;
using Spark.Environments.Alfworld.Engine;

namespace Spark.Environments.Alfworld.Expert;

/// <summary>
/// Solves ALFWorld tasks from the agent's side of the screen: it reads only observation texts (so it also
/// plays ALFWorld proper through any <see cref="IEnvironment"/>), searches by type priors, and explains
/// each step in one sentence. Its actions never depend on the <see cref="Random"/>, only its wording does.
/// </summary>
public sealed class AlfworldExpert : IExpert
{
    public ExpertTrajectory Solve(IEnvironment env, StepResult initial, Random random)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(random);
        var steps = new List<ExpertStep>();
        var planner = ExpertPlanner.TryCreate(initial.Observation, UsesMoveGrammar(env));
        var result = initial;
        string observation = initial.Observation;
        if (planner == null) return new ExpertTrajectory(env.Task, steps, false, observation);
        string goalText = ObservationText.Goal(initial.Observation)!;
        Tasks.TaskKinds.TryParseGoal(goalText, out _, out string goalObject, out string goalTarget);

        while (!result.Done)
        {
            var decision = planner.Next();
            if (decision == null) break;
            string reason = ReasonWriter.Write(decision, planner.Kind, goalObject, goalTarget, random);
            steps.Add(new ExpertStep(observation, decision.Action, decision.Explore, reason));
            result = env.Step(decision.Action);
            observation = result.Observation;
            planner.Observe(decision, observation, result.ActionAccepted);
        }
        return new ExpertTrajectory(env.Task, steps, result.Won, observation);
    }

    /// <summary>Plays the task without writing reasons; the number of steps it took, or -1 when it failed.</summary>
    internal static int Play(IEnvironment env)
    {
        var result = env.Reset();
        var planner = ExpertPlanner.TryCreate(result.Observation, UsesMoveGrammar(env));
        if (planner == null) return -1;
        while (!result.Done)
        {
            var decision = planner.Next();
            if (decision == null) return -1;
            result = env.Step(decision.Action);
            planner.Observe(decision, result.Observation, result.ActionAccepted);
        }
        return result.Won ? env.StepCount : -1;
    }

    /// <summary>v0.5 worlds take "move X to Y" instead of "put X in/on Y"; they are the ones offering "help".</summary>
    static bool UsesMoveGrammar(IEnvironment env) => env is AlfworldEnvironment a
        ? a.Grammar == AlfworldGrammar.V05
        : env.AdmissibleActions.Contains("help");
}
