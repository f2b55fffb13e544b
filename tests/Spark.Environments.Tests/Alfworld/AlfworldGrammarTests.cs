using Spark.Environments.Alfworld;
using Spark.Environments.Alfworld.Engine;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Tests.Alfworld;

/// <summary>
/// Our command templates and feedback sentences against alfred.twl2 (v0.3 and v0.5), rule by rule: the
/// grammar text is read from the fixture, filled in with the entities of a small kitchen, and compared.
/// </summary>
public class AlfworldGrammarTests
{
    static string Fill(string rhs, string? o = null, string? r = null) =>
        rhs.Replace("{o.name}", o).Replace("{r.name}", r);

    /// <summary>examineReceptacle.feedback with its list expanded the grammar's way.</summary>
    static string Examine(Twl2Grammar g, string r, bool openable, bool open, params string[] contents)
    {
        var rules = g.Rules("examineReceptacle.feedback");
        string rhs = openable ? (open ? rules[0].Rhs : rules[1].Rhs) : rules[2].Rhs;
        string list = g.List([.. contents.Select(c => "a " + c)]);
        return rhs.Replace("{r.name}", r)
            .Replace("[{o.indefinite + ' ' + o.name | inreceptacle(o:object, r:receptacle)}]", list);
    }

    [Theory]
    [InlineData(AlfworldGrammar.V03)]
    [InlineData(AlfworldGrammar.V05)]
    public void Action_templates_are_the_commands_the_engine_accepts(AlfworldGrammar grammar)
    {
        var g = grammar == AlfworldGrammar.V03 ? Twl2Grammar.V03 : Twl2Grammar.V05;
        var env = TestWorlds.Kitchen(grammar: grammar);
        env.Reset();
        string T(string action, string o = "", string r = "") => g.Template(action).Replace("{o}", o).Replace("{r}", r);

        Assert.Equal("go to countertop 1", T("GotoLocation").Replace("[{r.name | receptacleatlocation(r:receptacle, lend:location)}]", "countertop 1"));
        var steps = new[]
        {
            "go to countertop 1", T("examineReceptacle", r: "countertop 1"), T("examineObject", o: "apple 1"),
            T("PickupObject", "knife 1", "countertop 1"), T("SliceObject").Replace("{co}", "apple 1").Replace("{ko}", "knife 1"),
            T("PutObject", "knife 1", "countertop 1"), T("PickupObject", "apple 1", "countertop 1"), T("inventory"), T("look"),
            "go to microwave 1", T("HeatObject", "apple 1", "microwave 1"), T("OpenObject", r: "microwave 1"),
            T("CloseObject", r: "microwave 1"), "go to fridge 1", T("CoolObject", "apple 1", "fridge 1"),
            "go to sinkbasin 1", T("CleanObject", "apple 1", "sinkbasin 1"),
        };
        foreach (var command in steps)
        {
            Assert.Contains(command, env.AdmissibleActions);
            Assert.True(env.Step(command).ActionAccepted, command);
        }
        if (grammar == AlfworldGrammar.V05) Assert.True(env.Step(T("help")).ActionAccepted);
        else Assert.False(g.HasAction("help"));
    }

    [Fact]
    public void Go_to_open_and_examine_follow_the_examineReceptacle_rules()
    {
        var g = Twl2Grammar.V03;
        var env = TestWorlds.Kitchen();
        env.Reset();
        string arrive(int loc) => Fill(g.Rhs("GotoLocation.feedback"), r: "").Replace("{lend.name}", $"loc {loc}").Replace(" #examineReceptacle.feedback#", " ");

        var go = env.Step("go to cabinet 1");
        Assert.Equal(Examine(g, "cabinet 1", openable: true, open: false), go.Observation);
        Assert.Equal(arrive(10) + go.Observation, env.RawObservation);
        Assert.Equal(Fill(g.Rhs("OpenObject.feedback"), r: "cabinet 1").Replace("#examineReceptacle.feedback#",
            Examine(g, "cabinet 1", true, true, "bowl 1", "plate 2")), env.Step("open cabinet 1").Observation);
        Assert.Equal(Examine(g, "cabinet 1", true, true, "bowl 1", "plate 2"), env.Step("examine cabinet 1").Observation);
        Assert.Equal(Fill(g.Rhs("CloseObject.feedback"), r: "cabinet 1"), env.Step("close cabinet 1").Observation);
        Assert.Equal(Examine(g, "cabinet 2", false, false), env.Step("go to cabinet 2").Observation);
        Assert.Equal(Examine(g, "countertop 1", false, false, "apple 1", "knife 1", "mug 2"), env.Step("go to countertop 1").Observation);
        Assert.Equal(Examine(g, "diningtable 1", false, false, "bread 1"), env.Step("go to diningtable 1").Observation);
        env.Step("go to drawer 1");
        Assert.Equal(Examine(g, "drawer 1", true, true), env.Step("open drawer 1")!.Observation.Replace("You open the drawer 1. ", ""));
    }

    [Fact]
    public void Object_actions_follow_their_feedback_rules()
    {
        var g = Twl2Grammar.V03;
        var env = TestWorlds.Kitchen();
        env.Reset();
        env.Step("go to countertop 1");
        Assert.Equal(g.Rhs("inventory.feedback"), env.Step("inventory").Observation);
        Assert.Equal(Fill(g.Rhs("PickupObject.feedback"), "knife 1", "countertop 1"), env.Step("take knife 1 from countertop 1").Observation);
        Assert.Equal(g.Rhs("inventory.feedback", "holdsany(a:agent)").Replace("[{o.indefinite + ' ' + o.name | holds(a:agent, o:object)}]", "a knife 1"),
            env.Step("inventory").Observation);
        Assert.Equal(g.Rhs("sliceObject.feedback").Replace("{co.name}", "apple 1").Replace("{ko.name}", "knife 1"), env.Step("slice apple 1 with knife 1").Observation);
        Assert.Equal(Fill(g.Rhs("PutObject.feedback"), "knife 1", "countertop 1"), env.Step("put knife 1 in/on countertop 1").Observation);
        env.Step("take apple 1 from countertop 1");
        env.Step("go to microwave 1");
        Assert.Equal(Fill(g.Rhs("heatObject.feedback"), "apple 1", "microwave 1"), env.Step("heat apple 1 with microwave 1").Observation);
        env.Step("go to fridge 1");
        Assert.Equal(Fill(g.Rhs("coolObject.feedback"), "apple 1", "fridge 1"), env.Step("cool apple 1 with fridge 1").Observation);
        env.Step("go to sinkbasin 1");
        Assert.Equal(Fill(g.Rhs("cleanObject.feedback"), "apple 1", "sinkbasin 1"), env.Step("clean apple 1 with sinkbasin 1").Observation);

        var look = TestWorlds.Kitchen("look at pen under the desklamp");
        look.Reset();
        look.Step("go to desk 1");
        Assert.Equal(Fill(g.Rhs("toggleObject.feedback", "toggleable(o:object) & istoggled(o:object)"), "desklamp 1"), look.Step("use desklamp 1").Observation);
    }

    [Fact]
    public void Move_grammar_changes_only_put_and_arrival()
    {
        var g = Twl2Grammar.V05;
        var env = TestWorlds.Kitchen(grammar: AlfworldGrammar.V05);
        env.Reset();
        var go = env.Step("go to countertop 1");
        Assert.Equal(g.Rhs("GotoLocation.feedback").Replace("{r.name}", "countertop 1")
            .Replace("#examineReceptacle.feedback#", Examine(g, "countertop 1", false, false, "apple 1", "knife 1", "mug 2")), go.Observation);
        Assert.Equal(go.Observation, env.RawObservation);
        env.Step("take apple 1 from countertop 1");
        Assert.DoesNotContain("put apple 1 in/on countertop 1", env.AdmissibleActions);
        Assert.Equal(Fill(g.Rhs("PutObject.feedback"), "apple 1", "countertop 1"), env.Step("move apple 1 to countertop 1").Observation);
        Assert.Equal(g.Rhs("help.feedback"), env.Step("help").Observation);
        Assert.Contains("help", env.AdmissibleActions);
    }

    [Fact]
    public void Examine_object_takes_the_first_matching_rule_in_grammar_order()
    {
        var rules = Twl2Grammar.V03.Rules("examineObject.feedback");
        var env = TestWorlds.Kitchen("look at pen under the desklamp");
        env.Reset();
        env.Step("go to desk 1");
        int lamp = env.Layout.ObjectIndex("desklamp 1"), apple = env.Layout.ObjectIndex("apple 1");
        for (int bits = 0; bits < 32; bits++)
        {
            var flags = (ObjectFlags)bits;
            foreach (var (o, name, toggleable, sliceable) in new[] { (apple, "apple 1", false, true), (lamp, "desklamp 1", true, false) })
            {
                env.State.Flags[o] = flags;
                bool Holds(string p) => p switch
                {
                    "isreceptacleobject(o:object)" => false,
                    "isclean(o:object)" => flags.HasFlag(ObjectFlags.Clean),
                    "ishot(o:object)" => flags.HasFlag(ObjectFlags.Hot),
                    "iscool(o:object)" => flags.HasFlag(ObjectFlags.Cool),
                    "issliced(o:object)" => flags.HasFlag(ObjectFlags.Sliced),
                    "istoggled(o:object)" => flags.HasFlag(ObjectFlags.Toggled),
                    "not_istoggled(o:object)" => !flags.HasFlag(ObjectFlags.Toggled),
                    "toggleable(o:object)" => toggleable,
                    "sliceable(o:object)" => sliceable,
                    _ => throw new InvalidOperationException(p),
                };
                var rule = rules.First(r => r.Condition == null || r.Condition.Split(" & ").All(Holds));
                Assert.Equal(Fill(rule.Rhs, name), Feedback.ExamineObject(env.Layout, env.State, o));
            }
        }
    }

    [Fact]
    public void Intro_look_and_task_line_follow_the_grammar()
    {
        var g = Twl2Grammar.V03;
        var env = TestWorlds.Kitchen();
        var reset = env.Reset();
        string receptacles = g.List([.. env.Layout.RecName.Select(n => "a " + n)]);
        string look = g.Rhs("look.feedback").Replace("#list_appliances#", receptacles);
        string task = g.Rhs("task").Replace("UNKNOWN GOAL", "put a hot apple in diningtable");
        Assert.Equal(g.Rhs("intro").Replace("#look.feedback#", look).Replace("#task#", task), env.RawObservation);
        // Agents' wrappers: '\n'.join(obs.split('\n\n')[1:]).
        Assert.Equal(string.Join('\n', env.RawObservation.Split("\n\n")[1..]), reset.Observation);

        Assert.Equal(g.Rhs("look.feedback").Replace("#list_appliances#", g.Rhs("list_empty")), env.Step("look").Observation);
        env.Step("go to microwave 1");
        string facing = g.Rhs("look-variations").Replace("[{r.name | atlocation(a:agent, l:location) & receptacleatlocation(r:receptacle, l:location)}]", "microwave 1");
        var atReceptacle = g.Rules("look.feedback")[0].Rhs;
        Assert.Equal(atReceptacle.Replace("#look-variations#", facing).Replace("#list_objects_on_the_floor#", g.Rhs("list_objects_on_the_floor")),
            env.Step("look").Observation);
    }

    [Fact]
    public void Lists_use_the_article_a_and_an_oxford_comma()
    {
        var env = TestWorlds.Make("put a egg in fridge", AlfworldGrammar.V03, 50,
            ("countertop 1", false, ["egg 1", "apple 3", "apple 2"]), ("sidetable 1", false, ["egg 2", "apple 1"]), ("fridge 1", true, []));
        env.Reset();
        Assert.Equal("On the countertop 1, you see a apple 3, a apple 2, and a egg 1.", env.Step("go to countertop 1").Observation);
        Assert.Equal("On the sidetable 1, you see a apple 1, and a egg 2.", env.Step("go to sidetable 1").Observation);
        env.Step("take egg 2 from sidetable 1");
        Assert.Equal("On the sidetable 1, you see a apple 1.", env.Step("examine sidetable 1").Observation);
    }
}
