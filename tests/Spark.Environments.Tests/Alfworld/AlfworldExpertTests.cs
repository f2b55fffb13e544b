using Spark.Core.Environments;
using Spark.Environments.Alfworld;
using Spark.Environments.Alfworld.Engine;
using Spark.Environments.Alfworld.Expert;

namespace Spark.Environments.Tests.Alfworld;

public class AlfworldExpertTests
{
    /// <summary>L0, L1 and L2 enlarged to 500 tasks each (the same generator, more draws).</summary>
    static readonly AlfworldSuite Suite = new(new SuiteOptions(Extra: new Dictionary<string, string>
    {
        ["l0-size"] = "500", ["l1-size"] = "500", ["l2-size"] = "500",
    }));
    static readonly AlfworldExpert Expert = new();

    /// <summary>The entity an action ends with: "go to cabinet 3" → "cabinet 3".</summary>
    static string LastEntity(string action)
    {
        var words = action.Split(' ');
        return words.Length >= 2 ? $"{words[^2]} {words[^1]}" : action;
    }

    [Theory]
    [InlineData("train")]
    [InlineData("L0")]
    [InlineData("L1")]
    [InlineData("L2")]
    public void The_expert_solves_500_tasks_of_every_split_within_the_step_limit(string split)
    {
        Assert.True(Suite.Count(split) >= 500);
        for (int i = 0; i < 500; i++)
        {
            var env = Suite.Create(split, i);
            var trajectory = Expert.Solve(env, env.Reset(), new Random(i));
            Assert.True(trajectory.Won, $"{split}/{i}: {trajectory.FinalObservation}");
            Assert.InRange(trajectory.Steps.Count, 1, AlfworldOptions.DefaultMaxSteps);
            Assert.DoesNotContain(trajectory.Steps.Skip(1), s => s.Observation == Feedback.NothingHappens);
            foreach (var step in trajectory.Steps)
            {
                Assert.Contains(LastEntity(step.Action), step.Reason);
                Assert.EndsWith(".", step.Reason);
                Assert.DoesNotContain('<', step.Reason);
                Assert.DoesNotContain('\n', step.Reason);
                bool followsFromKnownFacts = !step.Action.StartsWith("go to ", StringComparison.Ordinal) && !step.Action.StartsWith("open ", StringComparison.Ordinal);
                if (followsFromKnownFacts) Assert.False(step.Explore, step.Action);
            }
        }
    }

    [Fact]
    public void Actions_do_not_depend_on_the_random_source_but_the_wording_does()
    {
        int differentWording = 0;
        for (int i = 0; i < 30; i++)
        {
            var a = Solve("L1", i, new Random(1));
            var b = Solve("L1", i, new Random(2));
            Assert.Equal(a.Steps.Select(s => (s.Action, s.Explore)), b.Steps.Select(s => (s.Action, s.Explore)));
            differentWording += a.Steps.Zip(b.Steps).Count(p => p.First.Reason != p.Second.Reason);
        }
        Assert.True(differentWording > 50);
    }

    [Fact]
    public void Searching_steps_are_marked_explore_and_the_rest_are_not()
    {
        int explore = 0, total = 0;
        for (int i = 0; i < 60; i++)
        {
            var t = Solve("train", i, new Random(i));
            Assert.True(t.Steps[0].Explore || t.Steps[0].Action.StartsWith("go to", StringComparison.Ordinal));
            explore += t.Steps.Count(s => s.Explore);
            total += t.Steps.Count;
            var take = t.Steps.First(s => s.Action.StartsWith("take ", StringComparison.Ordinal));
            Assert.False(take.Explore);
        }
        Assert.InRange(explore / (double)total, 0.15, 0.85);
    }

    [Fact]
    public void The_expert_reads_only_text_so_it_plays_any_environment_the_same_way()
    {
        for (int i = 0; i < 20; i++)
        {
            var direct = Solve("L0", i, new Random(0));
            var env = Suite.Create("L0", i);
            var wrapped = new TextOnly(env);
            var viaText = Expert.Solve(wrapped, wrapped.Reset(), new Random(0));
            Assert.Equal(direct.Steps.Select(s => s.Action), viaText.Steps.Select(s => s.Action));
            Assert.True(viaText.Won);
        }
    }

    [Fact]
    public void The_expert_plays_the_v05_grammar_and_raw_text()
    {
        var suite = new AlfworldSuite(new SuiteOptions(Extra: new Dictionary<string, string> { ["grammar"] = "v0.5" }));
        for (int i = 0; i < 20; i++)
        {
            var env = suite.Create("L2", i);
            var t = Expert.Solve(env, env.Reset(), new Random(i));
            Assert.True(t.Won);
            Assert.Contains(t.Steps, s => s.Action.StartsWith("move ", StringComparison.Ordinal));
            Assert.StartsWith("You arrive at ", t.Steps[1].Observation);
        }
    }

    [Fact]
    public void The_expert_opens_closed_receptacles_before_taking_from_them()
    {
        var env = TestWorlds.Make("put a clean mug in coffeemachine", AlfworldGrammar.V03, 30,
            ("cabinet 2", true, []), ("cabinet 1", true, ["mug 1"]), ("coffeemachine 1", false, []), ("countertop 1", false, ["apple 1"]),
            ("sinkbasin 1", false, []));
        var t = Expert.Solve(env, env.Reset(), new Random(3));
        Assert.True(t.Won);
        var actions = t.Steps.Select(s => s.Action).ToList();
        Assert.True(actions.IndexOf("open cabinet 1") < actions.IndexOf("take mug 1 from cabinet 1"));
        Assert.Equal(["clean mug 1 with sinkbasin 1", "go to coffeemachine 1", "put mug 1 in/on coffeemachine 1"], actions[^3..]);
    }

    [Fact]
    public void The_expert_solves_the_rooms_of_the_react_prompts()
    {
        foreach (var transcript in Transcripts.ReAct().Where(t => !t.Goal.StartsWith("find some", StringComparison.Ordinal)))
        {
            var env = Transcripts.World(transcript);
            var t = Expert.Solve(env, env.Reset(), new Random(0));
            Assert.True(t.Won, transcript.Name);
        }
    }

    static ExpertTrajectory Solve(string split, int index, Random random)
    {
        var env = Suite.Create(split, index);
        return Expert.Solve(env, env.Reset(), random);
    }

    /// <summary>Hides the concrete type: only the IEnvironment surface reaches the expert.</summary>
    sealed class TextOnly(IEnvironment inner) : IEnvironment
    {
        public TaskInfo Task => inner.Task;
        public StepResult Reset() => inner.Reset();
        public StepResult Step(string action) => inner.Step(action);
        public IReadOnlyList<string> AdmissibleActions => inner.AdmissibleActions;
        public int StepCount => inner.StepCount;
        public IReadOnlyList<string> ActionHistory => inner.ActionHistory;
        public bool CanClone => false;
        public IEnvironment Clone() => throw new NotSupportedException();
    }
}
