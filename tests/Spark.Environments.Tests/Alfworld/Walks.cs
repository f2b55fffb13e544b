using Spark.Environments.Alfworld;
using Spark.Environments.Alfworld.Engine;

namespace Spark.Environments.Tests.Alfworld;

/// <summary>Seeded random play for engine tests: mostly admissible commands, now and then a wrong one.</summary>
internal static class Walks
{
    public static readonly AlfworldSuite Suite = new(new SuiteOptions(Seed: 7, MaxSteps: 60));

    /// <summary>Tasks from every split, a few of each type.</summary>
    public static IEnumerable<(string Split, int Index)> Tasks(int perSplit) =>
        Suite.Splits.SelectMany(s => Enumerable.Range(0, Math.Min(perSplit, Suite.Count(s))).Select(i => (s, i)));

    /// <summary>Plays up to <paramref name="steps"/> random steps, calling <paramref name="visit"/> before each.</summary>
    public static void Play(AlfworldEnvironment env, Random rng, int steps, Action<AlfworldEnvironment>? visit = null)
    {
        for (int k = 0; k < steps && !env.Done; k++)
        {
            visit?.Invoke(env);
            var admissible = env.AdmissibleActions;
            string action = rng.NextDouble() < 0.1 ? Wrong(env, rng) : admissible[rng.Next(admissible.Count)];
            env.Step(action);
        }
    }

    static string Wrong(AlfworldEnvironment env, Random rng) => rng.Next(4) switch
    {
        0 => "go to " + env.Layout.RecName[rng.Next(env.Layout.ReceptacleCount)].ToUpperInvariant(),
        1 => "take " + env.Layout.ObjName[rng.Next(env.Layout.ObjectCount)] + " from " + env.Layout.RecName[rng.Next(env.Layout.ReceptacleCount)],
        2 => "open " + env.Layout.RecName[rng.Next(env.Layout.ReceptacleCount)],
        _ => "jump",
    };

    /// <summary>Command strings built from every template and entity of the world (most of them not applicable).</summary>
    public static IEnumerable<string> Candidates(AlfworldEnvironment env)
    {
        var w = env.Layout;
        yield return "look";
        yield return "inventory";
        yield return "help";
        foreach (var r in w.RecName)
        {
            yield return "go to " + r;
            yield return "open " + r;
            yield return "close " + r;
            yield return "examine " + r;
        }
        string at = env.State.Agent >= 0 ? w.RecName[env.State.Agent] : w.RecName[0];
        string held = env.State.Held >= 0 ? w.ObjName[env.State.Held] : w.ObjName[0];
        foreach (var o in w.ObjName)
        {
            yield return "examine " + o;
            yield return "use " + o;
            yield return $"take {o} from {at}";
            yield return $"slice {o} with {held}";
        }
        foreach (var r in w.RecName)
        {
            yield return env.Grammar == AlfworldGrammar.V03 ? $"put {held} in/on {r}" : $"move {held} to {r}";
            yield return $"heat {held} with {r}";
            yield return $"cool {held} with {r}";
            yield return $"clean {held} with {r}";
            yield return $"take {held} from {r}";
        }
    }
}
