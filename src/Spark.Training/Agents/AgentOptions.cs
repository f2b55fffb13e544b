using Spark.Core.Configuration;
using Spark.Core.Policies;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Agents;

/// <summary>How the agent prompts and samples.</summary>
/// <param name="Prompt">Template style, prompt mode, history window.</param>
/// <param name="Temperature">Sampling temperature; 0 is greedy. The paper: 1.0 in training rollouts, 0.4 in evaluation.</param>
/// <param name="MaxNewTokens">Response length limit (the paper's: 512).</param>
/// <param name="StopAtActionEnd">Stop right after <c>&lt;/action&gt;</c> (the end token always stops).</param>
/// <param name="ConstrainActions">Pass each step's admissible actions to the policy, which then constrains the
/// text inside <c>&lt;action&gt;…&lt;/action&gt;</c> to one of them (the built-in model's mode).</param>
/// <param name="ReturnEntropy">Ask the policy for per-token entropies.</param>
/// <param name="TopP">Nucleus sampling; 1 disables.</param>
/// <param name="TopK">Top-k sampling; 0 disables.</param>
public sealed record AgentOptions(
    PromptOptions? Prompt = null,
    float Temperature = 1f,
    int MaxNewTokens = 512,
    bool StopAtActionEnd = true,
    bool ConstrainActions = false,
    bool ReturnEntropy = false,
    float TopP = 1f,
    int TopK = 0)
{
    public const string ActionEnd = "</action>";

    public PromptOptions PromptOptions => Prompt ?? PromptOptions.PaperRl;

    /// <summary>The options handed to <see cref="IPolicy.Generate"/>.</summary>
    public SamplingOptions Sampling => new(Temperature, TopP, TopK, MaxNewTokens, StopAtActionEnd ? [ActionEnd] : null, ReturnEntropy);

    /// <summary>The built-in small model's setting: compact prompt, constrained actions.</summary>
    public static AgentOptions BuiltIn(PromptMode mode = PromptMode.Episode, float temperature = 1f) =>
        new(PromptOptions.Compact with { Mode = mode }, temperature, MaxNewTokens: 128, ConstrainActions: true);

    /// <summary>Checks the values; the exception names the bad field.</summary>
    public AgentOptions Validate()
    {
        ConfigException.Require(Temperature >= 0 && float.IsFinite(Temperature), "agent.temperature", $"must be 0 or more, got {Temperature}");
        ConfigException.Require(MaxNewTokens > 0, "agent.max_new_tokens", $"must be positive, got {MaxNewTokens}");
        ConfigException.Require(TopP is > 0 and <= 1, "agent.top_p", $"must be in (0, 1], got {TopP}");
        ConfigException.Require(TopK >= 0, "agent.top_k", $"must be 0 or more, got {TopK}");
        PromptOptions.Validate();
        return this;
    }
}
