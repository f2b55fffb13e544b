using Spark.Core.Environments;

namespace Spark.Core.Agents;

/// <summary>
/// The policy side of a rollout as the rollout engine sees it: given trajectories in progress, decide
/// each one's next step. The agent harness implements it (prompt building, generation, action parsing);
/// tests implement it with scripts. Batched: one call per environment step across all active trajectories.
/// </summary>
public interface IAgent
{
    /// <summary>Starts a trajectory's context from the first observation of a freshly reset environment.</summary>
    IAgentContext Start(IEnvironment env, StepResult initial);

    /// <summary>Decides the next step of every trajectory in <paramref name="batch"/>.
    /// <paramref name="seeds"/> gives each its own sampling seed (same length as the batch).</summary>
    IReadOnlyList<AgentStep> Act(IReadOnlyList<AgentTurn> batch, IReadOnlyList<ulong> seeds);

    /// <summary>Records what the world answered to a step, so the next prompt can show it.</summary>
    void Observe(IAgentContext context, AgentStep step, StepResult result);
}

/// <summary>One trajectory asking for its next step.</summary>
public sealed record AgentTurn(IAgentContext Context, IEnvironment Env);

/// <summary>
/// What a trajectory carries besides its environment: history window, memory line, the token context
/// of a growing conversation. Forked when the trajectory branches, so parent and child go on independently.
/// </summary>
public interface IAgentContext
{
    IAgentContext Fork();
}

/// <summary>
/// One decided step, token in and token out.
/// </summary>
/// <param name="Action">The action sent to the environment (empty when none could be extracted).</param>
/// <param name="Valid">The response followed the format rules (one reasoning tag, one action, no CJK).</param>
/// <param name="Explore">The response contains a complete <c>&lt;explore&gt;…&lt;/explore&gt;</c>.</param>
/// <param name="ResponseText">The decoded response.</param>
/// <param name="PromptIds">Window mode: the whole prompt of this step. Episode mode: the tokens appended to the
/// conversation since the previous response (the whole first prompt at step 0). Concatenating PromptIds and
/// ResponseIds along a trajectory rebuilds its sequence in episode mode.</param>
/// <param name="ResponseIds">The sampled tokens.</param>
/// <param name="LogProbs">Sampling log-probs, one per response token.</param>
/// <param name="Entropies">Per-token entropies when the agent computed them, else null.</param>
/// <param name="PromptTokensComputed">Prompt tokens the policy actually ran through the model for this step
/// (less than the prompt when a cache or a shared prefix was reused).</param>
/// <param name="AdmissibleActions">The actions the response's action was constrained to when constrained decoding
/// was on (null otherwise), so training can score the response under the same constrained distribution.</param>
public sealed record AgentStep(
    string Action,
    bool Valid,
    bool Explore,
    string ResponseText,
    int[] PromptIds,
    int[] ResponseIds,
    float[] LogProbs,
    float[]? Entropies = null,
    int PromptTokensComputed = 0,
    IReadOnlyList<string>? AdmissibleActions = null);
