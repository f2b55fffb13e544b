using Spark.Environments.ScienceWorld;
using Spark.Environments.ScienceWorld.Actions;
using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>
/// Stepping reuses state for speed: a reset copies the start state into the previous episode's arrays, and
/// the parser keeps what it derived from a world between steps. Random walks must come out exactly as on a
/// freshly built environment: the same observations, rewards, scores, ticks and admissible lists.
/// </summary>
public class ReuseEquivalenceTests
{
    [Theory]
    [InlineData("boil", 3)]
    [InlineData("find-living-thing", 10)]
    [InlineData("find-plant", 2)]
    [InlineData("power-component", 2)]
    [InlineData("test-conductivity", 1)]
    [InlineData("chemistry-mix-paint-secondary-color", 4)]
    [InlineData("identify-life-stages-1", 1)]
    [InlineData("lifespan-longest-lived", 0)]
    public void A_reset_environment_walks_exactly_as_a_fresh_one(string taskType, int variation)
    {
        var suite = new ScienceWorldSuite(new SuiteOptions(MaxSteps: 100));
        var reused = suite.CreateVariation(taskType, variation);
        Walk(reused, seed: 2); // a different walk first, so that the reused episode has moved, grown and changed
        var expected = Walk(suite.CreateVariation(taskType, variation), seed: 1);
        Assert.Equal(expected, Walk(reused, seed: 1));
    }

    [Theory]
    [InlineData("find-animal", 5)]
    [InlineData("melt", 2)]
    public void A_clone_taken_mid_walk_continues_as_its_source(string taskType, int variation)
    {
        var env = new ScienceWorldSuite(new SuiteOptions(MaxSteps: 100)).CreateVariation(taskType, variation);
        Walk(env, seed: 3, steps: 25);
        var clone = (ScienceWorldEnvironment)env.Clone();
        Assert.Equal(Continue(env, seed: 4), Continue(clone, seed: 4));
    }

    /// <summary>The parser skips an object when its dense opening mask rules out how the input starts: the mask
    /// must admit every input that one of the object's names prefixes, from any side (portals), at every step.</summary>
    [Theory]
    [InlineData("boil", 3)]
    [InlineData("find-animal", 5)]
    [InlineData("power-component", 2)]
    [InlineData("identify-life-stages-1", 1)]
    public void The_opening_filter_never_hides_a_name(string taskType, int variation)
    {
        var env = new ScienceWorldSuite(new SuiteOptions(MaxSteps: 100)).CreateVariation(taskType, variation);
        env.Reset();
        var random = new Random(5);
        for (int step = 0; step < 40; step++)
        {
            var w = env.CurrentEpisode.World;
            for (int id = 0; id < w.Count; id++)
            {
                if (w.Has(id, ObjFlags.Deleted)) continue;
                if (KindFacts.IsPortal(w.KindOf(id)))
                {
                    // A portal's names depend on where the agent stands: its mask must admit them from every object.
                    for (int from = -1; from < w.Count; from++)
                        foreach (var name in InputParser.PortalReferents(w, id, from))
                        {
                            var token = Referents.Tokenize(name);
                            Assert.True(w.MayHaveReferentOpening(id, RefSet.OpeningBit(token)), $"{name} from {from}");
                            Assert.True(w.MayHaveReferentOpening(id, RefSet.OpeningBit(token + " to x")), $"{name} to x from {from}");
                        }
                    continue;
                }
                foreach (var token in Referents.Of(w, id).Tokens)
                {
                    if (token.Length == 0) continue;
                    // The input may end with the name, or go on ("X in Y", "X to Y").
                    Assert.True(w.MayHaveReferentOpening(id, RefSet.OpeningBit(token)), $"{w.NameOf(id)}: {token}");
                    Assert.True(w.MayHaveReferentOpening(id, RefSet.OpeningBit(token + " to x")), $"{w.NameOf(id)}: {token} to x");
                    Assert.True(Referents.Of(w, id).MayOpenWith(RefSet.OpeningBit(token + " to x")), $"{w.NameOf(id)}: {token} to x");
                }
            }
            var choices = env.AdmissibleActions.Where(a => !a.StartsWith("focus on", StringComparison.Ordinal)).ToList();
            env.Step(choices[random.Next(choices.Count)]);
        }
    }

    /// <summary>A random walk from a reset, through the admissible actions (focusing would end it at once),
    /// with a few inputs that go through the ambiguity prompt and the parser's refusal.</summary>
    static List<string> Walk(ScienceWorldEnvironment env, int seed, int steps = 60)
    {
        var log = new List<string> { env.Reset().Observation };
        log.AddRange(Continue(env, seed, steps));
        return log;
    }

    static List<string> Continue(ScienceWorldEnvironment env, int seed, int steps = 60)
    {
        string[] extra = ["wait", "look at door", "0", "teleport to kitchen", "pick up water", "blah"];
        var random = new Random(seed);
        var log = new List<string>();
        for (int i = 0; i < steps; i++)
        {
            var admissible = env.AdmissibleActions;
            log.Add(string.Join("|", admissible));
            var choices = admissible.Where(a => !a.StartsWith("focus on", StringComparison.Ordinal)).ToList();
            string action = random.Next(5) == 0 || choices.Count == 0 ? extra[random.Next(extra.Length)] : choices[random.Next(choices.Count)];
            var result = env.Step(action);
            log.Add($"{action} -> {result.Observation} | {result.Reward} {result.Score} {result.Done} {result.ActionAccepted} {env.Moves}");
            if (result.Done) break;
        }
        return log;
    }
}
