using Spark.Core.Text;

namespace Spark.Core.Policies;

/// <summary>
/// Something that writes responses: the TorchSharp generation engine, a scripted replay, a random
/// agent, a remote chat endpoint. Token in, token out: the returned ids and log-probs are the truth
/// that training uses; the text is only for parsing the action.
/// </summary>
public interface IPolicy
{
    ITokenizer Tokenizer { get; }

    /// <summary>Samples one response per input, batched. Each input's randomness comes from its own
    /// <see cref="GenerationInput.Seed"/>, so the result does not depend on what else is in the batch.</summary>
    IReadOnlyList<GenerationOutput> Generate(IReadOnlyList<GenerationInput> inputs, SamplingOptions options);
}

/// <param name="PromptIds">The whole context to continue.</param>
/// <param name="Seed">Seed of this sequence's sampling stream.</param>
/// <param name="AdmissibleActions">When set, the text inside <c>&lt;action&gt;…&lt;/action&gt;</c> is constrained
/// to be one of these (constrained action decoding); the reasoning stays free.</param>
public sealed record GenerationInput(int[] PromptIds, ulong Seed, IReadOnlyList<string>? AdmissibleActions = null);

/// <param name="TokenIds">The sampled response tokens, including the end token when one was produced.</param>
/// <param name="LogProbs">Log-probability of each sampled token under the temperature-scaled distribution with the
/// action constraint applied (temperature 0 scores at 1). Top-k/top-p truncation is not reflected, as in verl, so
/// the training side can recompute exactly these numbers.</param>
/// <param name="Entropies">Per-token entropy of that distribution, when requested.</param>
/// <param name="Text">The decoded response (for parsing only).</param>
/// <param name="Finish">Why generation stopped.</param>
/// <param name="PromptTokensComputed">Prompt tokens actually run through the model for this sequence; less than
/// the prompt length when a cached or shared prefix was reused (a shared prefix is counted once, on one sequence).</param>
public sealed record GenerationOutput(
    int[] TokenIds,
    float[] LogProbs,
    float[]? Entropies,
    string Text,
    FinishReason Finish,
    int PromptTokensComputed = 0);

public enum FinishReason
{
    EndToken,
    StopString,
    MaxTokens,
}

/// <param name="Temperature">0 means greedy.</param>
/// <param name="TopK">0 disables top-k.</param>
/// <param name="StopStrings">Generation stops right after any of these appears in the response text.</param>
/// <param name="ReturnEntropy">Compute per-token entropies (the entropy branch trigger needs them).</param>
public sealed record SamplingOptions(
    float Temperature = 1f,
    float TopP = 1f,
    int TopK = 0,
    int MaxNewTokens = 128,
    IReadOnlyList<string>? StopStrings = null,
    bool ReturnEntropy = false);
