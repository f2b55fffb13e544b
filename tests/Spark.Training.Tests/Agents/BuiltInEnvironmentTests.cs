using Spark.Core.Environments;
using Spark.Environments;
using Spark.Training.Agents;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Policies;
using Spark.Training.Agents.Prompts;
using Spark.Training.Tests.Agents.TestDoubles;

namespace Spark.Training.Tests.Agents;

/// <summary>Cold-start data from the built-in environments' experts, replayed through the agent.</summary>
public class BuiltInEnvironmentTests
{
    // Building a suite indexes its catalog: once per test run.
    static readonly Lazy<IEnvironmentSuite> WebShop = new(() => EnvironmentRegistry.Create("webshop", new SuiteOptions(Seed: 1)));

    static void ExpertDataReplaysToWins(IEnvironmentSuite suite, int count)
    {
        var result = ColdStartGenerator.FromExpert(suite, new ColdStartOptions(count, Seed: 2));
        Assert.Equal(count, result.Trajectories.Count);
        Assert.Contains(result.Trajectories.SelectMany(t => t.Steps), s => s.Explore);
        Assert.Contains(result.Trajectories.SelectMany(t => t.Steps), s => !s.Explore);

        var tokenizer = new TestTokenizer();
        foreach (var t in result.Trajectories)
        {
            // The compact episode prompt exercises the memory tracker on real pages and observations.
            var policy = new ScriptedPolicy(tokenizer, t.Steps.Select(s => s.Response));
            var agent = new PolicyAgent(policy, new AgentOptions(PromptOptions.Compact with { Mode = PromptMode.Episode }));
            var record = EpisodeRunner.Run(agent, [suite.Create(t.Split, t.Index)], seed: 1)[0];
            Assert.True(record.Won, t.TaskId);
            Assert.All(record.Steps, s => Assert.True(s.Agent.Valid, s.Agent.ResponseText));
            Assert.Equal(t.Steps.Count(s => s.Explore), record.ExploreSteps);
        }
    }

    [Fact]
    public void WebShop_expert_data_replays_to_wins() =>
        ExpertDataReplaysToWins(WebShop.Value, 12);

    [Fact]
    public void WebShop_paper_prompt_lists_the_search_placeholder_once_then_the_clicks()
    {
        var env = WebShop.Value.Create(WebShop.Value.Splits[0], 0);
        var first = env.Reset();
        var context = new AgentContext(EnvironmentPrompts.For("webshop"), env.Task, first.Observation);
        string prompt = PaperPrompt.Window(context, 5, env.AdmissibleActions);
        Assert.Contains("Your current task is: " + env.Task.Goal + "\n", prompt);
        Assert.Contains("Your current observation is: Search\n", prompt);
        Assert.Contains("are: ['search[<your query>]',\n'click[search]',].", prompt);
    }
}
