using System.Text.Json.Nodes;

namespace Spark.Models.Tokenization;

/// <summary>
/// What tokenizer_config.json (and the token ids in generation_config.json) say about using the vocabulary:
/// which tokens end a turn and pad a batch, and the chat template. All optional; see
/// <see cref="ByteLevelBpeTokenizer"/> for the fallbacks.
/// </summary>
public sealed record TokenizerSettings
{
    /// <summary><c>tokenizer_class</c>, e.g. <c>Qwen2Tokenizer</c>.</summary>
    public string? TokenizerClass { get; init; }

    public string? EosToken { get; init; }
    public string? PadToken { get; init; }
    public string? BosToken { get; init; }

    /// <summary>The Jinja chat template, kept as text (we render ChatML ourselves; see <see cref="ChatMLFormat"/>).</summary>
    public string? ChatTemplate { get; init; }

    /// <summary><c>eos_token_id</c> of generation_config.json (a number or a list).</summary>
    public IReadOnlyList<int> GenerationEosIds { get; init; } = [];

    /// <summary><c>pad_token_id</c> of generation_config.json.</summary>
    public int? GenerationPadId { get; init; }

    /// <summary>The tokenizer_config.json this came from. Saving keeps its other fields and rewrites the ones above.</summary>
    public JsonObject? Original { get; init; }
}
