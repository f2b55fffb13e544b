using Spark.Environments.Alfworld;
using Spark.Environments.Alfworld.Engine;

namespace Spark.Environments.Tests.Alfworld;

public class AlfworldEngineTests
{
    [Fact]
    public void Invalid_commands_say_nothing_happens_and_change_nothing_but_the_step_count()
    {
        var env = TestWorlds.Kitchen();
        env.Reset();
        env.Step("go to countertop 1");
        var state = env.State.Copy();
        var admissible = env.AdmissibleActions.ToList();
        string[] invalid =
        [
            "", "   ", "Go to cabinet 1", "go to countertop 1", "go to  cabinet 1", "go to cabinet 9", "go to cabinet 1.",
            "take bowl 1 from cabinet 1", "take apple 1 from countertop 2", "take apple 1", "put apple 1 in/on countertop 1",
            "open countertop 1", "close cabinet 1", "use desklamp 1", "heat apple 1 with microwave 1", "move apple 1 to countertop 1",
            "help", "examine bowl 1", "slice apple 1 with knife 1", "think: where is the apple?", "look around", "inventory please",
        ];
        foreach (var (command, i) in invalid.Select((c, i) => (c, i)))
        {
            var result = env.Step(command);
            Assert.Equal(Feedback.NothingHappens, result.Observation);
            Assert.False(result.ActionAccepted, command);
            Assert.False(result.Done);
            Assert.Equal(0, result.Reward);
            Assert.True(env.State.SameAs(state), command);
            Assert.Equal(admissible, env.AdmissibleActions);
            Assert.Equal(2 + i, env.StepCount);
        }
        Assert.True(env.Step("  look ").ActionAccepted, "TextWorld strips the command");
    }

    [Fact]
    public void Admissible_lists_are_sorted_strings_with_look_and_inventory_and_never_the_current_receptacle()
    {
        foreach (var (split, index) in Walks.Tasks(8))
        {
            var env = Walks.Suite.CreateAlfworld(split, index);
            env.Reset();
            Walks.Play(env, new Random(index), 30, e =>
            {
                var list = e.AdmissibleActions;
                Assert.Equal(list.OrderBy(a => a, StringComparer.Ordinal), list);
                Assert.Equal(list.Count, list.Distinct().Count());
                Assert.Contains("look", list);
                Assert.Contains("inventory", list);
                Assert.DoesNotContain("help", list);
                int at = e.State.Agent;
                Assert.Equal(e.Layout.ReceptacleCount - (at >= 0 ? 1 : 0), list.Count(a => a.StartsWith("go to ", StringComparison.Ordinal)));
                if (at >= 0) Assert.DoesNotContain("go to " + e.Layout.RecName[at], list);
            });
        }
    }

    [Fact]
    public void Step_accepts_exactly_the_admissible_commands()
    {
        foreach (var (split, index) in Walks.Tasks(4))
        {
            var env = Walks.Suite.CreateAlfworld(split, index);
            env.Reset();
            var rng = new Random(index);
            Walks.Play(env, rng, 20, e =>
            {
                if (rng.Next(3) != 0) return;
                var admissible = e.AdmissibleActions.ToHashSet();
                foreach (var command in Walks.Candidates(e).Concat(admissible).Distinct())
                {
                    var probe = (AlfworldEnvironment)e.Clone();
                    Assert.True(admissible.Contains(command) == probe.Step(command).ActionAccepted, command);
                }
            });
        }
    }

    [Fact]
    public void A_clone_evolves_independently_of_its_source()
    {
        var env = TestWorlds.Kitchen();
        env.Reset();
        env.Step("go to cabinet 1");
        var before = (State: env.State.Copy(), env.Observation, Admissible: env.AdmissibleActions.ToList(), History: env.ActionHistory.ToList());
        var clone = (AlfworldEnvironment)env.Clone();
        Assert.True(clone.State.SameAs(env.State));
        Assert.Equal(env.ActionHistory, clone.ActionHistory);

        clone.Step("open cabinet 1");
        clone.Step("take bowl 1 from cabinet 1");
        Assert.False(clone.State.SameAs(env.State));
        Assert.True(env.State.SameAs(before.State));
        Assert.Equal(before.Observation, env.Observation);
        Assert.Equal(before.Admissible, env.AdmissibleActions);
        Assert.Equal(before.History, env.ActionHistory);
        Assert.Equal(1, env.StepCount);

        env.Step("go to countertop 1");
        Assert.Equal(["go to cabinet 1", "open cabinet 1", "take bowl 1 from cabinet 1"], clone.ActionHistory);
        Assert.Equal(3, clone.StepCount);
        Assert.Equal("You pick up the bowl 1 from the cabinet 1.", clone.Observation);
    }

    [Fact]
    public void Replaying_the_action_history_on_a_fresh_instance_reproduces_the_episode()
    {
        foreach (var (split, index) in Walks.Tasks(6))
        {
            var env = Walks.Suite.CreateAlfworld(split, index);
            env.Reset();
            Walks.Play(env, new Random(100 + index), 40);
            var fresh = Walks.Suite.CreateAlfworld(split, index);
            var result = fresh.Reset();
            foreach (var action in env.ActionHistory) result = fresh.Step(action);
            Assert.True(fresh.State.SameAs(env.State), $"{split}/{index}");
            Assert.Equal(env.Observation, fresh.Observation);
            Assert.Equal(env.RawObservation, fresh.RawObservation);
            Assert.Equal(env.AdmissibleActions, fresh.AdmissibleActions);
            Assert.Equal((env.StepCount, env.Done, env.Won), (fresh.StepCount, fresh.Done, fresh.Won));
        }
    }

    [Fact]
    public void The_step_limit_ends_the_episode_as_truncated()
    {
        var env = TestWorlds.Kitchen(maxSteps: 3);
        env.Reset();
        Assert.False(env.Step("go to countertop 1").Done);
        Assert.False(env.Step("jump").Done);
        var last = env.Step("look");
        Assert.True(last.Done && last.Truncated && !last.Won);
        Assert.Equal((0.0, 0.0), (last.Reward, last.Score));
        Assert.Throws<InvalidOperationException>(() => env.Step("look"));
        Assert.Throws<InvalidOperationException>(() => TestWorlds.Kitchen().Step("look"));
    }

    [Fact]
    public void Winning_pays_reward_one_and_ends_the_episode()
    {
        var env = TestWorlds.Kitchen();
        env.Reset();
        foreach (var a in new[] { "go to countertop 1", "take apple 1 from countertop 1", "go to diningtable 1", "put apple 1 in/on diningtable 1" })
            Assert.False(env.Step(a).Done, a);   // not hot yet
        env.Step("take apple 1 from diningtable 1");
        env.Step("go to microwave 1");
        Assert.True(env.Step("heat apple 1 with microwave 1").ActionAccepted, "heating needs no open microwave");
        env.Step("go to fridge 1");
        env.Step("cool apple 1 with fridge 1");
        env.Step("go to microwave 1");
        env.Step("heat apple 1 with microwave 1");
        env.Step("go to diningtable 1");
        var win = env.Step("put apple 1 in/on diningtable 1");
        Assert.True(win.Done && win.Won && !win.Truncated && win.ActionAccepted);
        Assert.Equal((1.0, 1.0), (win.Reward, win.Score));
    }

    [Fact]
    public void Cooling_clears_hot_and_heating_clears_cool()
    {
        var env = TestWorlds.Kitchen();
        env.Reset();
        foreach (var a in new[] { "go to countertop 1", "take apple 1 from countertop 1", "go to microwave 1", "heat apple 1 with microwave 1" })
            env.Step(a);
        Assert.Equal("This is a hot apple 1.", env.Step("examine apple 1").Observation);
        env.Step("go to fridge 1");
        env.Step("cool apple 1 with fridge 1");
        Assert.Equal("This is a cold apple 1.", env.Step("examine apple 1").Observation);
        env.Step("go to diningtable 1");
        Assert.False(env.Step("put apple 1 in/on diningtable 1").Won);
    }

    [Fact]
    public void Pick_two_needs_both_objects_in_the_same_receptacle()
    {
        var env = TestWorlds.Make("put two saltshaker in drawer", AlfworldGrammar.V03, 50,
            ("countertop 1", false, ["saltshaker 1", "saltshaker 2"]), ("drawer 1", false, []), ("drawer 2", false, []));
        env.Reset();
        string[] split = ["go to countertop 1", "take saltshaker 1 from countertop 1", "go to drawer 1", "put saltshaker 1 in/on drawer 1",
            "go to countertop 1", "take saltshaker 2 from countertop 1", "go to drawer 2", "put saltshaker 2 in/on drawer 2"];
        foreach (var a in split) Assert.False(env.Step(a).Done, a);
        env.Step("take saltshaker 2 from drawer 2");
        env.Step("go to drawer 1");
        Assert.True(env.Step("put saltshaker 2 in/on drawer 1").Won);
    }

    [Fact]
    public void Looking_in_the_light_needs_the_object_in_hand_at_a_lit_lamp()
    {
        var env = TestWorlds.Make("look at pen under the desklamp", AlfworldGrammar.V03, 50,
            ("desk 1", false, ["desklamp 1", "pen 2"]), ("drawer 1", true, ["pen 1"]), ("sidetable 1", false, ["desklamp 2"]));
        env.Reset();
        env.Step("go to desk 1");
        Assert.False(env.Step("use desklamp 1").Won);
        env.Step("go to drawer 1");
        env.Step("open drawer 1");
        Assert.False(env.Step("take pen 1 from drawer 1").Won);
        Assert.False(env.Step("go to sidetable 1").Won, "desklamp 2 is not lit");
        Assert.Equal("This desklamp 2 is off.", env.Step("examine desklamp 2").Observation);
        var back = env.Step("go to desk 1");
        Assert.True(back.Won, "the lit lamp is here and the pen is in hand");
    }

    [Fact]
    public void Only_the_goal_lamps_can_be_switched_on()
    {
        var env = TestWorlds.Kitchen();
        env.Reset();
        env.Step("go to desk 1");
        Assert.DoesNotContain("use desklamp 1", env.AdmissibleActions);
        Assert.Equal("There's nothing special about desklamp 1.", env.Step("examine desklamp 1").Observation);
        Assert.DoesNotContain("take desklamp 1 from desk 1", env.AdmissibleActions);
    }

    [Fact]
    public void Closed_receptacles_hide_their_contents()
    {
        var env = TestWorlds.Kitchen();
        env.Reset();
        env.Step("go to fridge 1");
        Assert.DoesNotContain(env.AdmissibleActions, a => a.Contains("potato", StringComparison.Ordinal));
        env.Step("open fridge 1");
        Assert.Contains("take potato 1 from fridge 1", env.AdmissibleActions);
        Assert.Contains("examine potato 1", env.AdmissibleActions);
        env.Step("close fridge 1");
        Assert.DoesNotContain("take potato 1 from fridge 1", env.AdmissibleActions);
    }

    [Fact]
    public void Raw_text_keeps_what_agent_wrappers_strip()
    {
        var env = Walks.Suite.CreateAlfworld("L0", 3);
        var reset = env.Reset();
        Assert.StartsWith("-= Welcome to TextWorld, ALFRED! =-\n\nYou are in the middle of a room.", env.RawObservation);
        Assert.Equal(2, reset.Observation.Split('\n').Length);
        var go = env.Step(env.AdmissibleActions.First(a => a.StartsWith("go to ", StringComparison.Ordinal)));
        Assert.Matches(@"^You arrive at loc \d+\. ", env.RawObservation);
        Assert.Equal(go.Observation, System.Text.RegularExpressions.Regex.Replace(env.RawObservation, @"^You arrive at loc \d+\. ", ""));
    }
}
