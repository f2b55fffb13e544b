using Spark.Core.Configuration;

namespace Spark.Models.Qwen2;

/// <summary>
/// Built-in model shapes. The vocabulary size comes from the tokenizer. Both presets tie the embedding
/// and the output head (as Qwen2.5's small models do) and use grouped-query attention with 2 KV heads.
/// </summary>
public static class Qwen2Presets
{
    public static readonly IReadOnlyList<string> Names = ["tiny", "small"];

    /// <summary>
    /// tiny: d=128, 4 layers, 4 heads (2 KV), MLP 384: 0.79M parameters plus 128 per vocabulary entry
    /// (1.05M with a 2,048-token vocabulary, 1.31M with 4,096), the CPU default. small: d=384, 6 layers, 6 heads (2 KV),
    /// MLP 1,024: 9.45M plus 384 per vocabulary entry (11.0M with 4,096).
    /// </summary>
    public static Qwen2Config Create(string preset, int vocabSize, int? bosTokenId = null, int? eosTokenId = null)
    {
        ConfigException.Require(vocabSize > 0, "vocab_size", "must be positive");
        var config = preset switch
        {
            "tiny" => Shape(vocabSize, hidden: 128, layers: 4, heads: 4, kvHeads: 2, intermediate: 384),
            "small" => Shape(vocabSize, hidden: 384, layers: 6, heads: 6, kvHeads: 2, intermediate: 1024),
            _ => throw new ConfigException("preset", $"unknown preset '{preset}' (expected {string.Join(", ", Names)})"),
        };
        return config with { BosTokenId = bosTokenId, EosTokenId = eosTokenId };
    }

    static Qwen2Config Shape(int vocab, int hidden, int layers, int heads, int kvHeads, int intermediate) => new()
    {
        VocabSize = vocab,
        HiddenSize = hidden,
        NumHiddenLayers = layers,
        NumAttentionHeads = heads,
        NumKeyValueHeads = kvHeads,
        IntermediateSize = intermediate,
        MaxPositionEmbeddings = 8192,
        RopeTheta = 10_000,
        RmsNormEps = 1e-6,
        TieWordEmbeddings = true,
    };
}
