using Spark.Environments.ScienceWorld;
using Spark.Environments.ScienceWorld.Actions;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>The valid-action list skips pairs by per-object conditions; those must never drop a pair the full
/// check accepts.</summary>
public class ValidActionTests
{
    static readonly Verb[] PairVerbs = [Verb.Move, Verb.Pour, Verb.Use, Verb.Connect, Verb.Dunk];

    [Theory]
    [InlineData("boil", 2)]
    [InlineData("power-component", 3)]
    [InlineData("test-conductivity", 20)]
    [InlineData("find-living-thing", 40)]
    public void Pair_filters_never_reject_a_valid_pair(string taskType, int variation)
    {
        var suite = new ScienceWorldSuite(new SuiteOptions(MaxSteps: 100));
        var env = suite.CreateVariation(taskType, variation);
        var trajectory = suite.Expert!.Solve(env, env.Reset(), new Random(1));
        var replay = suite.CreateVariation(taskType, variation);
        replay.Reset();
        int validPairs = 0;
        foreach (var step in trajectory.Steps)
        {
            var w = replay.CurrentEpisode.World;
            var visible = new List<int>();
            Visibility.All(w, w.AgentLocation, visible, new IdSet(w.Count));
            foreach (var verb in PairVerbs)
                foreach (int a in visible)
                    foreach (int b in visible)
                    {
                        int[] args = verb == Verb.Dunk ? [b, a] : [a, b];
                        if (ActionRules.Check(w, verb, args) != null) continue;
                        validPairs++;
                        Assert.True(PairFilter.FirstMayPass(w, verb, a) && PairFilter.SecondMayPass(w, verb, b),
                            $"{verb} {w.NameOf(a)} / {w.NameOf(b)} is valid but filtered out");
                    }
            replay.Step(step.Action);
        }
        Assert.True(validPairs > 0);
    }
}
