using Spark.Core.Agents;
using Spark.Core.Environments;
using Spark.Core.Policies;
using Spark.Training.Agents.Parsing;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Agents;

/// <summary>
/// The agent harness as the rollout engine and the evaluator see it: builds each trajectory's prompt with its
/// environment's prompt piece, asks the policy for all active trajectories in one batched call, parses every
/// response with the paper's rules, and records the step token in, token out. Works over any
/// <see cref="IPolicy"/>: the TorchSharp engine, a remote endpoint, or the scripted and random policies.
/// </summary>
public sealed class PolicyAgent : IAgent
{
    readonly IPolicy _policy;
    readonly PromptBuilder _prompts;
    readonly SamplingOptions _sampling;

    public PolicyAgent(IPolicy policy, AgentOptions? options = null)
    {
        Options = (options ?? new AgentOptions()).Validate();
        _policy = policy;
        _prompts = new PromptBuilder(policy.Tokenizer, Options.PromptOptions);
        _sampling = Options.Sampling;
    }

    public AgentOptions Options { get; }

    public IAgentContext Start(IEnvironment env, StepResult initial) =>
        new AgentContext(EnvironmentPrompts.For(env.Task.Env), env.Task, initial.Observation);

    public IReadOnlyList<AgentStep> Act(IReadOnlyList<AgentTurn> batch, IReadOnlyList<ulong> seeds)
    {
        if (seeds.Count != batch.Count)
            throw new ArgumentException($"{seeds.Count} seeds for {batch.Count} trajectories", nameof(seeds));
        if (batch.Count == 0) return [];

        var contexts = new AgentContext[batch.Count];
        var prompts = new PromptTokens[batch.Count];
        var inputs = new GenerationInput[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            contexts[i] = AsContext(batch[i].Context);
            // A snapshot: the environment's list changes when it steps.
            string[] admissible = [.. batch[i].Env.AdmissibleActions];
            prompts[i] = _prompts.Next(contexts[i], admissible);
            inputs[i] = new GenerationInput(prompts[i].Context, seeds[i], Options.ConstrainActions ? admissible : null);
        }

        var outputs = _policy.Generate(inputs, _sampling);
        if (outputs.Count != inputs.Length)
            throw new InvalidOperationException($"the policy returned {outputs.Count} responses for {inputs.Length} prompts");

        var steps = new AgentStep[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            var output = outputs[i];
            var parsed = ActionParser.Parse(output.Text);
            _prompts.Commit(contexts[i], prompts[i], output.TokenIds);
            steps[i] = new AgentStep(parsed.Action, parsed.Valid, parsed.Explore, output.Text, prompts[i].Appended,
                output.TokenIds, output.LogProbs, output.Entropies, output.PromptTokensComputed, inputs[i].AdmissibleActions);
        }
        return steps;
    }

    public void Observe(IAgentContext context, AgentStep step, StepResult result) =>
        AsContext(context).Record(step.Action, result.Observation);

    static AgentContext AsContext(IAgentContext context) =>
        context as AgentContext
        ?? throw new ArgumentException($"expected a context made by {nameof(PolicyAgent)}.{nameof(Start)}, got {context.GetType().Name}", nameof(context));
}
