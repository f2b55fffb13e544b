using Spark.Core.Environments;

namespace Spark.Training.Tests.Agents.TestDoubles;

/// <summary>
/// Solves <see cref="FakeAlfworldSuite"/> tasks without peeking: searches the receptacles in a fixed order
/// (opening closed ones) until the goal object is seen — those are its Explore steps — then takes it, cleans
/// it if needed and puts it on the target. Reasons are varied by the random source.
/// </summary>
public sealed class FakeAlfworldExpert : IExpert
{
    public ExpertTrajectory Solve(IEnvironment env, StepResult initial, Random random)
    {
        var steps = new List<ExpertStep>();
        var last = initial;
        string goal = env.Task.Goal;
        string obj = goal.Split(' ')[goal.Contains("clean") ? 3 : 2] + " 1";
        string target = goal.Split(' ')[^1].TrimEnd('.') + " 1";
        bool clean = goal.Contains("clean");

        void Do(string action, bool explore, string reason)
        {
            steps.Add(new ExpertStep(last.Observation, action, explore, reason));
            last = env.Step(action);
        }

        string? found = null;
        foreach (var place in FakeAlfworldSuite.Receptacles.Where(r => r != "sinkbasin 1" && r != target))
        {
            Do($"go to {place}", true, Pick(random, $"The {obj} is not found yet, so I check {place}.", $"I still need a {obj.Split(' ')[0]}; {place} is a place it could be."));
            if (last.Observation.Contains("is closed"))
                Do($"open {place}", true, Pick(random, $"The {place} is closed, so I open it to look inside.", $"I open {place} to see whether the {obj} is there."));
            if (last.Observation.Contains(obj)) { found = place; break; }
        }
        if (found == null) return new ExpertTrajectory(env.Task, steps, false, last.Observation);

        Do($"take {obj} from {found}", false, Pick(random, $"I see the {obj} in {found}, so I take it.", $"The {obj} is here; I pick it up."));
        if (clean)
        {
            Do("go to sinkbasin 1", false, Pick(random, $"I hold the {obj} and it must be clean, so I go to the sink.", "Next I need the sinkbasin to clean it."));
            Do($"clean {obj} with sinkbasin 1", false, Pick(random, $"I clean the {obj} at the sink.", $"Cleaning the {obj} now."));
        }
        Do($"go to {target}", false, Pick(random, $"Now I bring the {obj} to {target}.", $"The last part is to reach {target}."));
        Do($"put {obj} in/on {target}", false, Pick(random, $"I put the {obj} on {target} to finish.", $"Placing the {obj} completes the task."));
        return new ExpertTrajectory(env.Task, steps, last.Won, last.Observation);
    }

    static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
