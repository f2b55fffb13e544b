using Spark.Core.Configuration;
using Spark.Core.Environments;
using Spark.Training.Agents;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Parsing;
using Spark.Training.Agents.Policies;
using Spark.Training.Agents.Prompts;
using Spark.Training.Tests.Agents.TestDoubles;

namespace Spark.Training.Tests.Agents;

public class ColdStartTests
{
    static ColdStartResult Generate(IEnvironmentSuite suite, int count = 20, ulong seed = 1) =>
        ColdStartGenerator.FromExpert(suite, new ColdStartOptions(count, seed));

    [Fact]
    public void Expert_data_is_well_formed_and_marks_the_search_steps_explore()
    {
        var result = Generate(new FakeAlfworldSuite());
        Assert.Equal(20, result.Trajectories.Count);
        foreach (var t in result.Trajectories)
        {
            bool seen = false;
            foreach (var step in t.Steps)
            {
                var parsed = ActionParser.Parse(step.Response);
                Assert.True(parsed.Valid, step.Response);
                Assert.Equal(step.Action, parsed.Action);
                Assert.Equal(step.Mode, parsed.Mode);
                Assert.Equal(step.Explore, parsed.Explore);
                // Searching (going to or opening places before the object was found) is exploring; the rest is not.
                bool searching = !seen && (step.Action.StartsWith("go to") || step.Action.StartsWith("open"));
                Assert.Equal(searching, step.Explore);
                if (step.Action.StartsWith("take")) seen = true;
            }
        }
    }

    [Fact]
    public void Every_trajectory_succeeds_when_replayed_through_the_agent()
    {
        var suite = new FakeAlfworldSuite();
        var tokenizer = new TestTokenizer();
        foreach (var t in Generate(suite).Trajectories)
        {
            var policy = new ScriptedPolicy(tokenizer, t.Steps.Select(s => s.Response));
            var record = EpisodeRunner.Run(new PolicyAgent(policy), [suite.Create(t.Split, t.Index)], seed: 1)[0];
            Assert.True(record.Won, t.TaskId);
            Assert.Equal(t.Steps.Select(s => s.Action), record.Steps.Select(s => s.Agent.Action));
            Assert.All(record.Steps, s => Assert.True(s.Agent.Valid));
            Assert.Equal(0, policy.Remaining);
        }
    }

    [Fact]
    public void Same_seed_same_data_and_the_file_round_trips()
    {
        var suite = new FakeAlfworldSuite();
        var a = Generate(suite, 10, seed: 4).Trajectories;
        var b = Generate(suite, 10, seed: 4).Trajectories;
        var c = Generate(suite, 10, seed: 5).Trajectories;
        Assert.Equal(a.Select(ColdStartFile.ToJsonLine), b.Select(ColdStartFile.ToJsonLine));
        Assert.NotEqual(a.Select(t => t.TaskId), c.Select(t => t.TaskId));

        string path = Path.Combine(Path.GetTempPath(), $"coldstart-{Guid.NewGuid():N}.jsonl");
        try
        {
            ColdStartFile.Write(path, a);
            var back = ColdStartFile.Read(path);
            Assert.Equal(a.Select(ColdStartFile.ToJsonLine), back.Select(ColdStartFile.ToJsonLine));
            Assert.Contains("\"task_id\":\"alfworld/train/", File.ReadLines(path).First());
            Assert.Contains("<explore>", File.ReadAllText(path));

            File.AppendAllText(path, "{\"not\": \"a trajectory\"}\n");
            var error = Assert.Throws<InvalidDataException>(() => ColdStartFile.Read(path));
            Assert.Contains(":11:", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Statistics_count_explore_by_step_interval()
    {
        var data = Generate(new FakeAlfworldSuite(), 30).Trajectories;
        var stats = ColdStartStats.Compute(data);
        Assert.Equal(30, stats.Trajectories);
        Assert.Equal(data.Sum(t => t.Steps.Count), stats.ByInterval.Sum(i => i.Steps));
        Assert.Equal(data.Sum(t => t.Steps.Count(s => s.Explore)), stats.ByInterval.Sum(i => i.ExploreSteps));
        Assert.Equal(6, stats.ByInterval.Count);
        Assert.True(stats.ByInterval[0].Share > stats.ByInterval[1].Share); // search comes first
        string report = stats.Format();
        Assert.Contains("| Steps | 1–5 | 6–10 | 11–15 | 16–20 | 21–25 | 26–30 |", report);
        Assert.Contains("pick_clean_then_place_in_recep", report);
    }

    [Theory]
    [InlineData(PromptStyle.Paper, PromptMode.Window)]
    [InlineData(PromptStyle.Compact, PromptMode.Window)]
    [InlineData(PromptStyle.Compact, PromptMode.Episode)]
    [InlineData(PromptStyle.Paper, PromptMode.Episode)]
    public void Sft_samples_use_the_agents_prompts(PromptStyle style, PromptMode mode)
    {
        var suite = new FakeAlfworldSuite();
        var tokenizer = new TestTokenizer();
        var t = Generate(suite, 1).Trajectories[0];
        var options = new PromptOptions(style, mode, IncludeAdmissible: false);
        var samples = SftExamples.Build(t, tokenizer, options);
        Assert.Equal(t.Steps.Count, samples.Count);
        Assert.All(samples.Zip(t.Steps), p => Assert.Equal(p.Second.Response, tokenizer.Decode(p.First.ResponseIds[..^1])));
        Assert.All(samples, s => Assert.Equal(tokenizer.EndOfResponseId, s.ResponseIds[^1]));

        // The agent replaying the same responses sees the same prompts, token for token.
        var policy = new ScriptedPolicy(tokenizer, t.Steps.Select(s => s.Response));
        var agent = new PolicyAgent(policy, new AgentOptions(options, StopAtActionEnd: false));
        var record = EpisodeRunner.Run(agent, [suite.Create(t.Split, t.Index)], seed: 1)[0];
        Assert.Equal(samples.Select(s => s.PromptIds), record.Steps.Select(s => s.Agent.PromptIds));
        Assert.Equal(samples.Select(s => s.ResponseIds), record.Steps.Select(s => s.Agent.ResponseIds));
        if (style == PromptStyle.Paper && mode == PromptMode.Window)
            Assert.StartsWith("\nYou are an expert agent operating in the ALFRED Embodied Environment.\nYour current task is: ", samples[0].PromptText);
    }

    [Fact]
    public void Sft_with_the_rl_template_is_refused_by_name()
    {
        var t = Generate(new FakeAlfworldSuite(), 1).Trajectories[0];
        var error = Assert.Throws<ConfigException>(() => SftExamples.Build(t, new TestTokenizer(), PromptOptions.PaperRl));
        Assert.Equal("prompt.include_admissible", error.Field);
    }

    [Fact]
    public void Suites_without_an_expert_or_with_a_wrong_split_are_config_errors()
    {
        Assert.Equal("split", Assert.Throws<ConfigException>(() =>
            ColdStartGenerator.FromExpert(new FakeAlfworldSuite(), new ColdStartOptions(Split: "nope"))).Field);
        Assert.Equal("count", Assert.Throws<ConfigException>(() =>
            ColdStartGenerator.FromExpert(new FakeAlfworldSuite(), new ColdStartOptions(Count: 0))).Field);
    }
}
