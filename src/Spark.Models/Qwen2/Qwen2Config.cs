using System.Text.Json;
using System.Text.Json.Serialization;
using Spark.Core.Configuration;

namespace Spark.Models.Qwen2;

/// <summary>
/// The Hugging Face <c>config.json</c> of a Qwen2 causal LM (the fields this implementation uses, under HF's names).
/// Fields it does not use are kept in <see cref="Extra"/> so a loaded config saves back unchanged.
/// </summary>
public sealed record Qwen2Config
{
    [JsonPropertyName("architectures")] public string[] Architectures { get; init; } = ["Qwen2ForCausalLM"];
    [JsonPropertyName("model_type")] public string ModelType { get; init; } = "qwen2";
    [JsonPropertyName("vocab_size")] public int VocabSize { get; init; }
    [JsonPropertyName("hidden_size")] public int HiddenSize { get; init; }
    [JsonPropertyName("intermediate_size")] public int IntermediateSize { get; init; }
    [JsonPropertyName("num_hidden_layers")] public int NumHiddenLayers { get; init; }
    [JsonPropertyName("num_attention_heads")] public int NumAttentionHeads { get; init; }
    [JsonPropertyName("num_key_value_heads")] public int NumKeyValueHeads { get; init; }
    [JsonPropertyName("max_position_embeddings")] public int MaxPositionEmbeddings { get; init; } = 32768;
    [JsonPropertyName("rope_theta")] public double RopeTheta { get; init; } = 1_000_000;
    [JsonPropertyName("rms_norm_eps")] public double RmsNormEps { get; init; } = 1e-6;
    [JsonPropertyName("tie_word_embeddings")] public bool TieWordEmbeddings { get; init; }
    [JsonPropertyName("hidden_act")] public string HiddenAct { get; init; } = "silu";
    [JsonPropertyName("initializer_range")] public double InitializerRange { get; init; } = 0.02;
    [JsonPropertyName("torch_dtype")] public string TorchDtype { get; init; } = "float32";
    [JsonPropertyName("bos_token_id")] public int? BosTokenId { get; init; }
    [JsonPropertyName("eos_token_id")] public int? EosTokenId { get; init; }
    [JsonPropertyName("use_sliding_window")] public bool UseSlidingWindow { get; init; }
    [JsonPropertyName("attention_dropout")] public double AttentionDropout { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }

    [JsonIgnore] public int HeadDim => HiddenSize / NumAttentionHeads;

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public static Qwen2Config Parse(string json, string source = "config.json")
    {
        Qwen2Config? config;
        try { config = JsonSerializer.Deserialize<Qwen2Config>(json, Json); }
        catch (JsonException e) { throw new ConfigException(source, $"not a valid Qwen2 config: {e.Message}"); }
        if (config == null) throw new ConfigException(source, "empty config");
        config.Validate(source);
        return config;
    }

    public static Qwen2Config Load(string path) => Parse(File.ReadAllText(path), path);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Checks the shape fields; the message names the bad field.</summary>
    public void Validate(string source = "config.json")
    {
        ConfigException.Require(ModelType == "qwen2", $"{source}: model_type", $"'{ModelType}' is not supported (only qwen2)");
        ConfigException.Require(HiddenAct == "silu", $"{source}: hidden_act", $"'{HiddenAct}' is not supported (only silu)");
        ConfigException.Require(VocabSize > 0, $"{source}: vocab_size", "must be positive");
        ConfigException.Require(HiddenSize > 0, $"{source}: hidden_size", "must be positive");
        ConfigException.Require(IntermediateSize > 0, $"{source}: intermediate_size", "must be positive");
        ConfigException.Require(NumHiddenLayers > 0, $"{source}: num_hidden_layers", "must be positive");
        ConfigException.Require(NumAttentionHeads > 0 && HiddenSize % NumAttentionHeads == 0,
            $"{source}: num_attention_heads", $"must divide hidden_size {HiddenSize}");
        ConfigException.Require(HeadDim % 2 == 0, $"{source}: num_attention_heads", "head dimension must be even (rotary embeddings)");
        ConfigException.Require(NumKeyValueHeads > 0 && NumAttentionHeads % NumKeyValueHeads == 0,
            $"{source}: num_key_value_heads", $"must divide num_attention_heads {NumAttentionHeads}");
        ConfigException.Require(RopeTheta > 0, $"{source}: rope_theta", "must be positive");
        ConfigException.Require(RmsNormEps > 0, $"{source}: rms_norm_eps", "must be positive");
        ConfigException.Require(!UseSlidingWindow, $"{source}: use_sliding_window", "sliding-window attention is not supported");
    }

    /// <summary>Parameters of the model this config builds (embedding counted once when tied).</summary>
    public long ParameterCount()
    {
        long d = HiddenSize, kv = (long)NumKeyValueHeads * HeadDim;
        long attention = d * d + d + 2 * (d * kv + kv) + d * d;
        long mlp = 3 * d * IntermediateSize;
        long layer = attention + mlp + 2 * d;
        long embed = (long)VocabSize * d;
        return embed + NumHiddenLayers * layer + d + (TieWordEmbeddings ? 0 : embed);
    }
}
