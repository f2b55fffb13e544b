using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spark.Models.Checkpoints;

/// <summary>
/// The parts of Hugging Face's <c>generation_config.json</c> that Spark reads and writes: end-token ids
/// (an int or a list in HF files), padding and begin ids, and default sampling settings.
/// </summary>
public sealed record GenerationConfig(
    IReadOnlyList<int> EosTokenIds,
    int? PadTokenId = null,
    int? BosTokenId = null,
    float Temperature = 1f,
    float TopP = 1f,
    int TopK = 0)
{
    public string ToJson()
    {
        var o = new JsonObject
        {
            ["bos_token_id"] = BosTokenId,
            ["pad_token_id"] = PadTokenId,
            ["eos_token_id"] = EosTokenIds.Count == 1 ? JsonValue.Create(EosTokenIds[0]) : new JsonArray(EosTokenIds.Select(i => (JsonNode)i).ToArray()),
            ["do_sample"] = true,
            ["temperature"] = Temperature,
            ["top_p"] = TopP,
            ["top_k"] = TopK,
            ["transformers_version"] = "4.45.0",
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static GenerationConfig Parse(string json, string source = "generation_config.json")
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: {e.Message}"); }
        if (root is not JsonObject o) throw new InvalidDataException($"{source}: expected a JSON object");
        var eos = o["eos_token_id"] switch
        {
            JsonArray a => a.Select(n => n!.GetValue<int>()).ToArray(),
            JsonValue v => [v.GetValue<int>()],
            _ => Array.Empty<int>(),
        };
        return new GenerationConfig(eos, Int(o, "pad_token_id"), Int(o, "bos_token_id"),
            (float?)Double(o, "temperature") ?? 1f, (float?)Double(o, "top_p") ?? 1f, Int(o, "top_k") ?? 0);
    }

    static int? Int(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue(out int i) ? i : null;
    static double? Double(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue(out double d) ? d : null;
}
