using System.Text.Json;
using System.Text.RegularExpressions;
using Spark.Core.Environments;
using Spark.Core.Policies;
using Spark.Training.Agents;
using Spark.Training.Agents.Policies;
using Spark.Training.Agents.Prompts;
using Spark.Training.Evaluation;
using Spark.Training.Tests.Agents.TestDoubles;

namespace Spark.Training.Tests.Evaluation;

public sealed partial class EvaluatorTests
{
    const string Look = "<think>I look around.</think>\n<action>look</action>";
    const string BareLook = "<action>look</action>"; // no reasoning tag: an invalid response

    /// <summary>
    /// Tasks 0 and 2 replay the expert (won); task 1 says "look" for 30 steps (lost, valid); task 3 says "look" without
    /// reasoning (lost, every step invalid). A look after a look is decided from the same observation: steps 3–30 repeat.
    /// </summary>
    [Fact]
    public void Metrics_match_a_scripted_policy_with_known_outcomes()
    {
        var suite = new FakeAlfworldSuite();
        var experts = new[] { 0, 2 }.ToDictionary(i => suite.Describe("train", i).Goal, i =>
        {
            var env = suite.Create("train", i);
            return suite.Expert!.Solve(env, env.Reset(), new Random(1)).Steps;
        });
        var tokenizer = new TestTokenizer();
        string Respond(GenerationInput input)
        {
            string prompt = tokenizer.Decode(input.PromptIds);
            string goal = GoalPattern().Match(prompt).Groups[1].Value;
            int step = int.Parse(StepPattern().Match(prompt).Groups[1].Value);
            if (experts.TryGetValue(goal, out var steps))
            {
                var s = steps[step - 1];
                string mode = s.Explore ? "explore" : "think";
                return $"<{mode}>{s.Reason}</{mode}>\n<action>{s.Action}</action>";
            }
            return goal == suite.Describe("train", 1).Goal ? Look : BareLook;
        }
        var options = new AgentOptions(PromptOptions.Compact with { Mode = PromptMode.Window }, Temperature: 0.4f);

        var summary = Evaluator.Run(new ScriptedPolicy(tokenizer, Respond), suite, "train", [0, 1, 2, 3], options, seed: 0);

        int expertSteps = experts.Values.Sum(s => s.Count), total = expertSteps + 60;
        Assert.Equal(4, summary.Episodes);
        Assert.Equal(0.5, summary.SuccessRate);
        Assert.Equal(0.25, summary.SuccessStdErr, 6);
        Assert.Equal(total / 4.0, summary.MeanSteps);
        Assert.Equal(30.0 / total, summary.InvalidRatio, 9);
        Assert.Equal(experts.Values.Sum(s => s.Count(x => x.Explore)) / (double)total, summary.ExploreRatio, 9);
        Assert.Equal(56.0 / total, summary.RepetitiveActionRatio, 9);
        long tokens = experts.Values.SelectMany(s => s).Sum(s => (long)tokenizer.Encode($"<{(s.Explore ? "explore" : "think")}>{s.Reason}</{(s.Explore ? "explore" : "think")}>\n<action>{s.Action}</action>").Length)
                      + 30L * tokenizer.Encode(Look).Length + 30L * tokenizer.Encode(BareLook).Length;
        Assert.Equal(tokens, summary.GeneratedTokens);

        var byTask = summary.EpisodeResults;
        Assert.Equal([true, false, true, false], byTask.Select(e => e.Won));
        Assert.Equal(experts[suite.Describe("train", 0).Goal].Select(s => s.Action), byTask[0].Actions);
        Assert.Equal([0, 28, 0, 28], byTask.Select(e => e.RepeatedSteps));
        Assert.Equal([0, 0, 0, 30], byTask.Select(e => e.InvalidSteps));
        Assert.True(byTask[1].Truncated && !byTask[0].Truncated);

        var lines = EvalReport.ToJsonLines(summary, new Dictionary<string, string> { ["checkpoint"] = "scripted" })
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, lines.Count);
        Assert.All(lines.Take(4), l => Assert.Equal("episode", l.GetProperty("type").GetString()));
        Assert.Equal("alfworld/train/1", lines[1].GetProperty("task_id").GetString());
        Assert.Equal("summary", lines[4].GetProperty("type").GetString());
        Assert.Equal(0.5, lines[4].GetProperty("success_rate").GetDouble());
        Assert.Equal("scripted", lines[4].GetProperty("checkpoint").GetString());
        Assert.False(lines[4].TryGetProperty("episode_results", out _));
    }

    [Fact]
    public void Bad_splits_and_indices_are_named()
    {
        var policy = new ScriptedPolicy(new TestTokenizer(), _ => Look);
        var suite = new FakeAlfworldSuite();
        Assert.Equal("split", Assert.Throws<Spark.Core.Configuration.ConfigException>(() =>
            Evaluator.Run(policy, suite, "L7", [0], new AgentOptions(), 0)).Field);
        Assert.Equal("index", Assert.Throws<Spark.Core.Configuration.ConfigException>(() =>
            Evaluator.Run(policy, suite, "train", [40], new AgentOptions(), 0)).Field);
    }

    [GeneratedRegex(@"Goal: (.*)\n")]
    private static partial Regex GoalPattern();

    [GeneratedRegex(@"Step (\d+):")]
    private static partial Regex StepPattern();
}
