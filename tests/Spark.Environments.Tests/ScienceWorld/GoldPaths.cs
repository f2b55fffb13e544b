using Spark.Environments.ScienceWorld;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>
/// The expert's gold path for one task variation, replayed on a fresh episode: the worlds along a solved
/// episode that the simulator's shortcut and cache tests inspect step by step.
/// </summary>
internal static class GoldPaths
{
    /// <summary>The expert's actions for the variation (solved with a <see cref="Random"/> seeded by the variation)
    /// and its environment, reset and ready to replay them.</summary>
    public static (ScienceWorldEnvironment Env, List<string> Actions) Solve(ScienceWorldSuite suite, string taskType, int variation)
    {
        var env = suite.CreateVariation(taskType, variation);
        var actions = suite.Expert!.Solve(env, env.Reset(), new Random(variation)).Steps.Select(s => s.Action).ToList();
        env.Reset();
        return (env, actions);
    }

    /// <summary>Replays the gold path and then <paramref name="after"/>, yielding each action with the world it left.</summary>
    public static IEnumerable<(string Action, SimWorld World)> Replay(string taskType, int variation, params string[] after)
    {
        var (env, actions) = Solve(new ScienceWorldSuite(new SuiteOptions()), taskType, variation);
        foreach (var action in actions.Concat(after))
        {
            env.Step(action);
            yield return (action, env.CurrentEpisode.World);
        }
    }
}
