using Spark.Core.Agents;
using Spark.Core.Environments;
using Spark.Core.Text;
using Spark.Training.Agents;
using Spark.Training.Agents.Policies;
using Spark.Training.Agents.Prompts;
using Spark.Training.Tests.Agents.TestDoubles;

namespace Spark.Training.Tests.Agents;

public class PolicyAgentTests
{
    static readonly FakeAlfworldSuite Suite = new();

    static List<IEnvironment> Envs(int n) => Enumerable.Range(0, n).Select(i => Suite.Create("train", i)).ToList();

    [Fact]
    public void One_batched_generate_call_per_step_over_the_active_episodes()
    {
        var tokenizer = new TestTokenizer();
        var policy = new RecordingPolicy(new RandomPolicy(tokenizer, 0.5));
        var agent = new PolicyAgent(policy, new AgentOptions(ConstrainActions: true));
        var records = EpisodeRunner.Run(agent, Envs(5), seed: 3);

        int longest = records.Max(r => r.Steps.Count);
        Assert.Equal(longest, policy.Calls.Count);
        for (int t = 0; t < longest; t++)
            Assert.Equal(records.Count(r => r.Steps.Count > t), policy.Calls[t].Inputs.Count);
        Assert.All(records, r => Assert.True(r.Won || r.Truncated));
    }

    [Fact]
    public void Admissible_actions_reach_the_policy_only_when_constraining()
    {
        var tokenizer = new TestTokenizer();
        foreach (bool constrain in new[] { true, false })
        {
            var policy = new RecordingPolicy(new ScriptedPolicy(tokenizer, _ => "<think>t</think><action>look</action>"));
            var env = Suite.Create("train", 1);
            var agent = new PolicyAgent(policy, new AgentOptions(ConstrainActions: constrain));
            var context = agent.Start(env, env.Reset());
            agent.Act([new AgentTurn(context, env)], [1UL]);
            var passed = policy.Calls[0].Inputs[0].AdmissibleActions;
            if (constrain) Assert.Equal(env.AdmissibleActions, passed);
            else Assert.Null(passed);
        }
    }

    [Fact]
    public void Steps_record_the_policys_tokens_and_the_parse()
    {
        var tokenizer = new TestTokenizer();
        var policy = new RecordingPolicy(new ScriptedPolicy(tokenizer, ["<explore>Where is it?</explore>\n<action>go to cabinet 1</action>", "no tags at all"]));
        var env = Suite.Create("train", 0);
        var agent = new PolicyAgent(policy);
        var context = agent.Start(env, env.Reset());

        var first = agent.Act([new AgentTurn(context, env)], [7UL])[0];
        var output = policy.Calls[0].Outputs[0];
        Assert.Same(output.TokenIds, first.ResponseIds);
        Assert.Same(output.LogProbs, first.LogProbs);
        Assert.Equal(("go to cabinet 1", true, true), (first.Action, first.Valid, first.Explore));
        Assert.Equal(7UL, policy.Calls[0].Inputs[0].Seed);
        // Stopped at </action>: no end token.
        Assert.Equal("<explore>Where is it?</explore>\n<action>go to cabinet 1</action>", tokenizer.Decode(first.ResponseIds));
        agent.Observe(context, first, env.Step(first.Action));

        var second = agent.Act([new AgentTurn(context, env)], [8UL])[0];
        Assert.Equal(("", false, false), (second.Action, second.Valid, second.Explore));
        Assert.Equal("Nothing happens.", env.Step(second.Action).Observation);
    }

    [Fact]
    public void Window_mode_sends_a_fresh_single_turn_prompt_each_step()
    {
        var tokenizer = new TestTokenizer();
        var policy = new RecordingPolicy(new RandomPolicy(tokenizer));
        var agent = new PolicyAgent(policy, new AgentOptions(ConstrainActions: true));
        var records = EpisodeRunner.Run(agent, Envs(1), seed: 1);
        foreach (var (step, call) in records[0].Steps.Zip(policy.Calls))
        {
            Assert.Equal(call.Inputs[0].PromptIds, step.Agent.PromptIds);
            string text = tokenizer.Decode(step.Agent.PromptIds);
            Assert.StartsWith("<|im_start|>user\n\nYou are an expert agent operating in the ALFRED Embodied Environment.", text);
            Assert.EndsWith("<|im_end|>\n<|im_start|>assistant\n", text);
        }
    }

    [Theory]
    [InlineData(PromptStyle.Compact, true)]
    [InlineData(PromptStyle.Compact, false)]
    [InlineData(PromptStyle.Paper, true)]
    public void Episode_mode_token_sequences_are_append_only(PromptStyle style, bool stopAtActionEnd)
    {
        var tokenizer = new TestTokenizer();
        var policy = new RecordingPolicy(new RandomPolicy(tokenizer, 0.4));
        var options = new AgentOptions(new PromptOptions(style, PromptMode.Episode), StopAtActionEnd: stopAtActionEnd, ConstrainActions: true);
        var records = EpisodeRunner.Run(new PolicyAgent(policy, options), Envs(3), seed: 5);

        for (int e = 0; e < records.Count; e++)
        {
            var sequence = new List<int>();
            int callIndex = 0;
            foreach (var step in records[e].Steps)
            {
                if (sequence.Count > 0 && stopAtActionEnd)
                    Assert.Equal(tokenizer.EndOfResponseId, step.Agent.PromptIds[0]); // closes the open assistant turn
                sequence.AddRange(step.Agent.PromptIds);
                // What the model continued is exactly the sequence so far: nothing re-encoded, nothing dropped.
                var input = policy.Calls[callIndex++].Inputs.Single(i => i.PromptIds.Length == sequence.Count && i.PromptIds.SequenceEqual(sequence));
                Assert.NotNull(input);
                sequence.AddRange(step.Agent.ResponseIds);
            }
        }
        Assert.Contains(records, r => r.Steps.Count > 3);
    }

    [Fact]
    public void Forked_contexts_go_on_independently()
    {
        var tokenizer = new TestTokenizer();
        var policy = new ScriptedPolicy(tokenizer, i => $"<think>t</think><action>{i.AdmissibleActions![(int)i.Seed - 1]}</action>");
        var agent = new PolicyAgent(policy, new AgentOptions(new PromptOptions(PromptStyle.Compact, PromptMode.Episode), ConstrainActions: true));
        var env = Suite.Create("train", 2);
        var parent = (AgentContext)agent.Start(env, env.Reset());
        var step = agent.Act([new AgentTurn(parent, env)], [1UL])[0];
        agent.Observe(parent, step, env.Step(step.Action));

        var child = (AgentContext)parent.Fork();
        var childEnv = env.Clone();
        int before = parent.Conversation.Count;
        var childStep = agent.Act([new AgentTurn(child, childEnv)], [2UL])[0];
        agent.Observe(child, childStep, childEnv.Step(childStep.Action));

        Assert.Equal(1, parent.StepCount);
        Assert.Equal(2, child.StepCount);
        Assert.Equal(before, parent.Conversation.Count);
        Assert.Equal(parent.Conversation, child.Conversation.Take(before));
        Assert.NotEqual(parent.Memory.Render(), child.Memory.Render());
    }

    [Fact]
    public void Same_seeds_give_the_same_episodes_whatever_the_batch()
    {
        var tokenizer = new TestTokenizer();
        var options = new AgentOptions(ConstrainActions: true);
        var together = EpisodeRunner.Run(new PolicyAgent(new RandomPolicy(tokenizer), options), Envs(4), seed: 9);
        var again = EpisodeRunner.Run(new PolicyAgent(new RandomPolicy(tokenizer), options), Suite, "train", [0, 1, 2, 3], seed: 9);
        Assert.Equal(together.Select(r => string.Join("|", r.Steps.Select(s => s.Agent.Action))),
            again.Select(r => string.Join("|", r.Steps.Select(s => s.Agent.Action))));
    }

    [Fact]
    public void A_system_prompt_opens_the_conversation_when_set()
    {
        var tokenizer = new TestTokenizer();
        var builder = new PromptBuilder(tokenizer, PromptOptions.Compact with { SystemPrompt = "You are terse." });
        var env = Suite.Create("train", 0);
        var context = new AgentContext(EnvironmentPrompts.For("alfworld"), env.Task, env.Reset().Observation);
        var prompt = builder.Next(context, null);
        Assert.StartsWith("<|im_start|>system\nYou are terse.<|im_end|>\n<|im_start|>user\nGoal: ", tokenizer.Decode(prompt.Appended));
        Assert.Equal(tokenizer.Chat.Prompt([ChatMessage.System("You are terse."), ChatMessage.User(prompt.Text)]), prompt.Appended);
    }
}
