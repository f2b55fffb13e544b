using Spark.Core.Configuration;
using Spark.Environments.Alfworld;
using Spark.Environments.Alfworld.Tasks;

namespace Spark.Environments.Tests.Alfworld;

public class AlfworldSuiteTests
{
    static readonly AlfworldSuite Default = new();

    static Dictionary<string, int> Mix(AlfworldSuite suite, string split) =>
        Enumerable.Range(0, suite.Count(split)).GroupBy(i => suite.Describe(split, i).TaskType).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Default_splits_hold_the_seen_categories_and_l2_the_unseen_ones()
    {
        Assert.Equal(["train", "L0", "L1", "L2"], Default.Splits);
        Assert.Equal((3553, 140, 134, 38), (Default.Count("train"), Default.Count("L0"), Default.Count("L1"), Default.Count("L2")));
        var seenTypes = new[] { "pick_and_place_simple", "look_at_obj_in_light", "pick_clean_then_place_in_recep", "pick_heat_then_place_in_recep" };
        foreach (var split in new[] { "train", "L0", "L1" })
            Assert.Equal(seenTypes.Order(), Mix(Default, split).Keys.Order());
        Assert.Equal(new Dictionary<string, int> { ["pick_cool_then_place_in_recep"] = 21, ["pick_two_obj_and_place"] = 17 }, Mix(Default, "L2"));
        // ALFWorld's proportions among the four seen types, e.g. train 790:308:650:459 scaled to 3,553.
        Assert.Equal(1272, Mix(Default, "train")["pick_and_place_simple"]);
        Assert.Equal(31 * 134 / 96.0, Mix(Default, "L1")["pick_clean_then_place_in_recep"], 0.5);
    }

    [Fact]
    public void Without_the_holdout_every_split_has_alfworlds_per_type_counts()
    {
        var suite = new AlfworldSuite(new SuiteOptions(Extra: new Dictionary<string, string> { ["l2-holdout"] = "false" }));
        string[] types = ["pick_and_place_simple", "look_at_obj_in_light", "pick_clean_then_place_in_recep",
            "pick_heat_then_place_in_recep", "pick_cool_then_place_in_recep", "pick_two_obj_and_place"];
        int[] Counts(string split) { var m = Mix(suite, split); return [.. types.Select(t => m.GetValueOrDefault(t))]; }
        Assert.Equal([790, 308, 650, 459, 533, 813], Counts("train"));
        Assert.Equal([35, 13, 27, 16, 25, 24], Counts("L0"));
        Assert.Equal([24, 18, 31, 23, 21, 17], Counts("L1"));
    }

    [Fact]
    public void Sizes_grammar_and_step_limit_are_configurable()
    {
        var suite = new AlfworldSuite(new SuiteOptions(Seed: 3, MaxSteps: 12, Extra: new Dictionary<string, string>
        {
            ["train-size"] = "100", ["l0-size"] = "10", ["l1-size"] = "0", ["l2-size"] = "5", ["grammar"] = "v0.5",
        }));
        Assert.Equal((100, 10, 0, 5), (suite.Count("train"), suite.Count("L0"), suite.Count("L1"), suite.Count("L2")));
        var env = suite.CreateAlfworld("L0", 0);
        Assert.Equal(12, env.MaxSteps);
        env.Reset();
        Assert.Contains("help", env.AdmissibleActions);
    }

    [Theory]
    [InlineData("colour", "blue", "colour")]
    [InlineData("grammar", "v0.4", "grammar")]
    [InlineData("l2-holdout", "maybe", "l2-holdout")]
    [InlineData("train-size", "-3", "train-size")]
    public void Bad_settings_name_the_field(string key, string value, string field)
    {
        var e = Assert.Throws<ConfigException>(() => new AlfworldSuite(new SuiteOptions(Extra: new Dictionary<string, string> { [key] = value })));
        Assert.Equal(field, e.Field);
        Assert.Equal("max-steps", Assert.Throws<ConfigException>(() => new AlfworldSuite(new SuiteOptions(MaxSteps: 0))).Field);
    }

    [Fact]
    public void The_registry_builds_the_suite_and_bad_splits_or_indices_are_refused()
    {
        Assert.IsType<AlfworldSuite>(EnvironmentRegistry.Create("alfworld"));
        Assert.Throws<ArgumentException>(() => Default.Describe("valid_seen", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.Describe("L0", 140));
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.Create("L0", -1));
    }

    [Fact]
    public void Everything_follows_from_the_seed()
    {
        var a = new AlfworldSuite(new SuiteOptions(Seed: 5));
        var b = new AlfworldSuite(new SuiteOptions(Seed: 5));
        var c = new AlfworldSuite(new SuiteOptions(Seed: 6));
        int differ = 0;
        foreach (var split in a.Splits)
            for (int i = 0; i < 6; i++)
            {
                Assert.Equal(a.Describe(split, i), b.Describe(split, i));
                var (ea, eb, ec) = (a.CreateAlfworld(split, i), b.CreateAlfworld(split, i), c.CreateAlfworld(split, i));
                Assert.Equal(ea.Reset().Observation, eb.Reset().Observation);
                Assert.True(ea.State.SameAs(eb.State));
                Assert.Equal(ea.Layout.ObjName, eb.Layout.ObjName);
                if (ec.Reset().Observation != ea.Observation || a.Describe(split, i) != c.Describe(split, i)) differ++;
            }
        Assert.True(differ > 20, "another seed gives other tasks");
    }

    [Fact]
    public void Splits_use_alfreds_seen_and_unseen_scenes_and_allowed_rooms()
    {
        var seen = SceneGenerator.SeenScenes.ToHashSet();
        foreach (var split in Default.Splits)
            for (int i = 0; i < Default.Count(split); i += split == "train" ? 7 : 1)
            {
                var spec = Default.Spec(split, i);
                Assert.Equal(split is "train" or "L0", seen.Contains(spec.Scene));
                Assert.Contains(SceneGenerator.RoomOf(spec.Scene), TaskSampler.RoomsFor(spec.Kind));
            }
        Assert.Equal(96, SceneGenerator.SeenScenes.Length);
        Assert.Equal(24, SceneGenerator.UnseenScenes.Length);
        Assert.All(SceneGenerator.UnseenScenes, n => Assert.True(n % 100 is >= 1 and <= 6));
    }

    [Fact]
    public void L0_tasks_are_new_instances_of_seen_rooms()
    {
        var train = Enumerable.Range(0, Default.Count("train")).Select(i => (i, Spec: Default.Spec("train", i))).ToList();
        int compared = 0;
        for (int i = 0; i < Default.Count("L0"); i++)
        {
            var spec = Default.Spec("L0", i);
            var l0 = Signature(Default.CreateAlfworld("L0", i));
            foreach (var (j, _) in train.Where(t => t.Spec.Scene == spec.Scene && t.Spec.GoalText == spec.GoalText))
            {
                Assert.NotEqual(l0, Signature(Default.CreateAlfworld("train", j)));
                compared++;
            }
        }
        Assert.True(compared > 5, $"only {compared} L0 tasks share a room and a goal with a training task");
    }

    [Fact]
    public void Describe_matches_the_world_it_creates()
    {
        foreach (var split in Default.Splits)
            for (int i = 0; i < 10; i++)
            {
                var info = Default.Describe(split, i);
                var env = Default.Create(split, i);
                Assert.Equal(info, env.Task);
                Assert.Equal($"alfworld/{split}/{i}", info.Id);
                Assert.EndsWith("Your task is to: " + info.Goal, env.Reset().Observation);
                Assert.True(TaskKinds.TryParseGoal(info.Goal, out var kind, out _, out _));
                Assert.Equal(info.TaskType, TaskKinds.TypeName(kind));
            }
    }

    /// <summary>Where every object starts, by name.</summary>
    static string Signature(AlfworldEnvironment env) => string.Join(";", Enumerable.Range(0, env.Layout.ObjectCount)
        .Select(o => $"{env.Layout.ObjName[o]}@{env.Layout.RecName[env.Layout.Initial.ObjectAt[o]]}"));
}
