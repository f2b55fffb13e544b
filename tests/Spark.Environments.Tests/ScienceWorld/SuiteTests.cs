using Spark.Core.Configuration;
using Spark.Environments.ScienceWorld;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>Splits, sizes and settings of the ScienceWorld suite.</summary>
public class SuiteTests
{
    static readonly string[] Unseen =
    [
        "change-the-state-of-matter-of", "chemistry-mix-paint-tertiary-color", "find-plant", "identify-life-stages-2",
        "lifespan-longest-lived-then-shortest-lived", "test-conductivity-of-unknown-substances",
    ];

    static ScienceWorldSuite Suite(params (string Key, string Value)[] extra) =>
        new(new SuiteOptions(Extra: extra.ToDictionary(e => e.Key, e => e.Value)));

    static List<(string Type, int Variation)> Tasks(ScienceWorldSuite suite, string split) =>
        [.. Enumerable.Range(0, suite.Count(split)).Select(i => suite.Variation(split, i))];

    [Fact]
    public void The_splits_are_the_papers()
    {
        var suite = Suite();
        Assert.Equal(["train", "L0", "L1", "L2"], suite.Splits);
        Assert.All(Tasks(suite, "L2"), t => Assert.Contains(t.Type, Unseen));
        foreach (var split in new[] { "train", "L0", "L1" })
            Assert.All(Tasks(suite, split), t => Assert.DoesNotContain(t.Type, Unseen));
        Assert.Equal(Unseen.Order(), Tasks(suite, "L2").Select(t => t.Type).Distinct().Order());
        Assert.Equal(13, Tasks(suite, "train").Select(t => t.Type).Distinct().Count());
    }

    [Fact]
    public void Seen_types_are_cut_into_contiguous_train_dev_and_test_blocks()
    {
        var suite = Suite(("train_per_type", "all"), ("eval_per_type", "all"));
        // boil has 30 variations: the original's getSets gives train 0–13, dev 14–20, test 21–29.
        Assert.Equal(Enumerable.Range(0, 14), Tasks(suite, "train").Where(t => t.Type == "boil").Select(t => t.Variation));
        Assert.Equal(Enumerable.Range(14, 7), Tasks(suite, "L0").Where(t => t.Type == "boil").Select(t => t.Variation));
        Assert.Equal(Enumerable.Range(21, 9), Tasks(suite, "L1").Where(t => t.Type == "boil").Select(t => t.Variation));
        foreach (var type in Tasks(suite, "train").Select(t => t.Type).Distinct())
        {
            var train = Tasks(suite, "train").Where(t => t.Type == type).Select(t => t.Variation).ToList();
            var dev = Tasks(suite, "L0").Where(t => t.Type == type).Select(t => t.Variation).ToList();
            var test = Tasks(suite, "L1").Where(t => t.Type == type).Select(t => t.Variation).ToList();
            Assert.True(train.Max() < dev.Min() && dev.Max() < test.Min(), type);
        }
    }

    [Fact]
    public void Default_sizes_are_capped_per_type_and_deterministic()
    {
        var suite = Suite();
        Assert.Equal(356, suite.Count("train"));
        Assert.Equal(122, suite.Count("L0"));
        Assert.Equal(130, suite.Count("L1"));
        Assert.Equal(58, suite.Count("L2"));
        Assert.True(Tasks(suite, "train").GroupBy(t => t.Type).All(g => g.Count() <= 40));
        Assert.Equal(Tasks(suite, "train"), Tasks(Suite(), "train"));
        var other = new ScienceWorldSuite(new SuiteOptions(Seed: 2));
        Assert.NotEqual(Tasks(suite, "train"), Tasks(other, "train"));
        Assert.Equal(10, Suite(("train_per_type", "10"), ("eval_per_type", "2"), ("task_types", "boil,find-plant")).Count("train"));
    }

    [Fact]
    public void Describe_gives_the_goal_the_environment_shows()
    {
        var suite = Suite();
        foreach (var split in suite.Splits)
            for (int i = 0; i < suite.Count(split); i += 17)
            {
                var info = suite.Describe(split, i);
                var env = suite.CreateEnvironment(split, i);
                Assert.Equal(info, env.Task);
                Assert.Equal(info.Goal, env.TaskDescription);
                Assert.Equal($"scienceworld/{split}/{i}", info.Id);
            }
    }

    [Theory]
    [InlineData("colour", "red", "colour")]
    [InlineData("train_per_type", "lots", "train_per_type")]
    [InlineData("eval_per_type", "0", "eval_per_type")]
    [InlineData("simplifications", "teleportAction,flying", "simplifications")]
    [InlineData("task_types", "boil,bake-a-cake", "task_types")]
    public void Bad_settings_name_the_field(string key, string value, string field)
    {
        var error = Assert.Throws<ConfigException>(() => Suite((key, value)));
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Unknown_splits_and_indices_are_refused()
    {
        var suite = Suite();
        Assert.Contains("split", Assert.Throws<ConfigException>(() => suite.Count("test")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => suite.Describe("L2", suite.Count("L2")));
        Assert.Throws<ArgumentOutOfRangeException>(() => suite.CreateVariation("boil", 30));
    }

    [Fact]
    public void Electrical_tasks_keep_their_actions_under_any_simplification()
    {
        var suite = Suite(("simplifications", "teleportAction,noElectricalAction"));
        var power = suite.CreateVariation("power-component", 0);
        power.Reset();
        Assert.Contains("connect OBJ to OBJ", power.PossibleActions);
        var boil = suite.CreateVariation("boil", 0);
        boil.Reset();
        Assert.DoesNotContain("connect OBJ to OBJ", boil.PossibleActions);
        Assert.DoesNotContain("teleport OBJ", Suite(("simplifications", "openDoors")).CreateVariation("boil", 0).PossibleActions);
    }
}
