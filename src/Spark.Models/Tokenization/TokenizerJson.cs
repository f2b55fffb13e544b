using System.Text.Encodings.Web;
using System.Text.Json;

namespace Spark.Models.Tokenization;

/// <summary>
/// Reads and writes Hugging Face's tokenizer.json for byte-level BPE: the <c>model</c> (vocab, merges in either
/// the "a b" or the ["a","b"] form), <c>added_tokens</c>, an NFC or empty <c>normalizer</c>, and a
/// <c>pre_tokenizer</c> that is either Split(regex) + ByteLevel (Qwen) or ByteLevel with its own regex (GPT-2).
/// Anything else (other models, BPE dropout, byte fallback, lstrip on added tokens, …) is refused with the field named.
/// </summary>
public static class TokenizerJson
{
    public static BpeDefinition Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
        try
        {
            return Read(doc.RootElement);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    static BpeDefinition Read(JsonElement root)
    {
        var model = Required(root, "model");
        string type = Optional(model, "type")?.GetString() ?? "BPE";
        if (type != "BPE") throw new InvalidDataException($"model.type is '{type}'; only byte-level BPE is supported");
        if (Optional(model, "dropout") is { ValueKind: JsonValueKind.Number } dropout && dropout.GetDouble() != 0)
            throw new InvalidDataException("model.dropout: BPE dropout is not supported");
        if (Optional(model, "byte_fallback")?.ValueKind == JsonValueKind.True)
            throw new InvalidDataException("model.byte_fallback: byte fallback is not supported (byte-level BPE needs none)");
        if (Optional(model, "ignore_merges")?.ValueKind == JsonValueKind.True)
            throw new InvalidDataException("model.ignore_merges: true is not supported");
        foreach (string affix in new[] { "continuing_subword_prefix", "end_of_word_suffix" })
            if (Optional(model, affix)?.GetString() is { Length: > 0 } value)
                throw new InvalidDataException($"model.{affix}: '{value}' is not supported in byte-level BPE");

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in Required(model, "vocab").EnumerateObject()) vocab[entry.Name] = entry.Value.GetInt32();
        var merges = new List<BpeMerge>();
        int index = 0;
        foreach (var merge in Required(model, "merges").EnumerateArray())
        {
            merges.Add(merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2
                ? new BpeMerge(merge[0].GetString()!, merge[1].GetString()!)
                : ParseMergeLine(merge.GetString() ?? "", $"model.merges[{index}]"));
            index++;
        }
        return new BpeDefinition(vocab, merges, ReadAddedTokens(root), ReadPattern(root), ReadNfc(root));
    }

    /// <summary>"a b" → (a, b). Byte-level tokens never contain a space, so the split is unambiguous.</summary>
    internal static BpeMerge ParseMergeLine(string line, string where)
    {
        var parts = line.Split(' ');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new InvalidDataException($"{where}: expected two tokens separated by one space, got '{line}'");
        return new BpeMerge(parts[0], parts[1]);
    }

    static List<AddedToken> ReadAddedTokens(JsonElement root)
    {
        var added = new List<AddedToken>();
        if (Optional(root, "added_tokens") is not { ValueKind: JsonValueKind.Array } list) return added;
        foreach (var token in list.EnumerateArray())
        {
            string content = Required(token, "content").GetString()!;
            foreach (string flag in new[] { "lstrip", "rstrip", "single_word" })
                if (Optional(token, flag)?.ValueKind == JsonValueKind.True)
                    throw new InvalidDataException($"added_tokens: '{content}' sets {flag}, which is not supported");
            bool special = Optional(token, "special")?.ValueKind != JsonValueKind.False;
            added.Add(new AddedToken(Required(token, "id").GetInt32(), content, special));
        }
        return added;
    }

    static bool ReadNfc(JsonElement root)
    {
        var normalizer = Optional(root, "normalizer");
        if (normalizer is not { ValueKind: JsonValueKind.Object } n) return false;
        var steps = TypeOf(n) == "Sequence" ? Required(n, "normalizers").EnumerateArray().ToList() : [n];
        foreach (var step in steps)
            if (TypeOf(step) != "NFC")
                throw new InvalidDataException($"normalizer: '{TypeOf(step)}' is not supported (only NFC)");
        return steps.Count > 0;
    }

    static string ReadPattern(JsonElement root)
    {
        if (Optional(root, "pre_tokenizer") is not { ValueKind: JsonValueKind.Object } pre)
            throw new InvalidDataException("pre_tokenizer: missing; byte-level BPE needs a Split regex or ByteLevel");
        var steps = TypeOf(pre) == "Sequence" ? Required(pre, "pretokenizers").EnumerateArray().ToList() : [pre];
        string? pattern = null;
        foreach (var step in steps)
        {
            switch (TypeOf(step))
            {
                case "Split":
                    if (pattern != null) throw new InvalidDataException("pre_tokenizer: more than one regex split is not supported");
                    if (Optional(step, "behavior")?.GetString() is { } behavior && behavior != "Isolated")
                        throw new InvalidDataException($"pre_tokenizer.Split.behavior: '{behavior}' is not supported (only Isolated)");
                    if (Optional(step, "invert")?.ValueKind == JsonValueKind.True)
                        throw new InvalidDataException("pre_tokenizer.Split.invert: true is not supported");
                    pattern = Optional(Required(step, "pattern"), "Regex")?.GetString()
                              ?? throw new InvalidDataException("pre_tokenizer.Split.pattern: only a Regex pattern is supported");
                    break;
                case "ByteLevel":
                    if (Optional(step, "add_prefix_space")?.ValueKind == JsonValueKind.True)
                        throw new InvalidDataException("pre_tokenizer.ByteLevel.add_prefix_space: true is not supported");
                    if (Optional(step, "use_regex")?.ValueKind != JsonValueKind.False)
                    {
                        if (pattern != null) throw new InvalidDataException("pre_tokenizer: a Split regex followed by ByteLevel(use_regex=true) is not supported");
                        pattern = PreTokenizerPatterns.Gpt2;
                    }
                    break;
                default:
                    throw new InvalidDataException($"pre_tokenizer: '{TypeOf(step)}' is not supported (Split and ByteLevel are)");
            }
        }
        return pattern ?? throw new InvalidDataException("pre_tokenizer: no regex split found");
    }

    /// <summary>Writes the definition in the layout of Qwen's tokenizer.json, which Hugging Face tokenizers loads.</summary>
    public static string Write(BpeDefinition definition)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("version", "1.0");
            w.WriteNull("truncation");
            w.WriteNull("padding");
            w.WriteStartArray("added_tokens");
            foreach (var token in definition.AddedTokens.OrderBy(t => t.Id))
            {
                w.WriteStartObject();
                w.WriteNumber("id", token.Id);
                w.WriteString("content", token.Content);
                w.WriteBoolean("single_word", false);
                w.WriteBoolean("lstrip", false);
                w.WriteBoolean("rstrip", false);
                w.WriteBoolean("normalized", false);
                w.WriteBoolean("special", token.Special);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (definition.NfcNormalization) WriteTyped(w, "normalizer", "NFC");
            else w.WriteNull("normalizer");
            w.WriteStartObject("pre_tokenizer");
            w.WriteString("type", "Sequence");
            w.WriteStartArray("pretokenizers");
            w.WriteStartObject();
            w.WriteString("type", "Split");
            w.WriteStartObject("pattern");
            w.WriteString("Regex", definition.PreTokenizerPattern);
            w.WriteEndObject();
            w.WriteString("behavior", "Isolated");
            w.WriteBoolean("invert", false);
            w.WriteEndObject();
            WriteByteLevel(w, null);
            w.WriteEndArray();
            w.WriteEndObject();
            WriteByteLevel(w, "post_processor");
            WriteByteLevel(w, "decoder");
            WriteModel(w, definition);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void WriteModel(Utf8JsonWriter w, BpeDefinition definition)
    {
        w.WriteStartObject("model");
        w.WriteString("type", "BPE");
        w.WriteNull("dropout");
        w.WriteNull("unk_token");
        w.WriteString("continuing_subword_prefix", "");
        w.WriteString("end_of_word_suffix", "");
        w.WriteBoolean("fuse_unk", false);
        w.WriteBoolean("byte_fallback", false);
        w.WriteBoolean("ignore_merges", false);
        w.WriteStartObject("vocab");
        foreach (var (token, id) in definition.Vocab.OrderBy(kv => kv.Value)) w.WriteNumber(token, id);
        w.WriteEndObject();
        w.WriteStartArray("merges");
        foreach (var (left, right) in definition.Merges)
        {
            w.WriteStartArray();
            w.WriteStringValue(left);
            w.WriteStringValue(right);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteTyped(Utf8JsonWriter w, string name, string type)
    {
        w.WriteStartObject(name);
        w.WriteString("type", type);
        w.WriteEndObject();
    }

    static void WriteByteLevel(Utf8JsonWriter w, string? name)
    {
        if (name == null) w.WriteStartObject();
        else w.WriteStartObject(name);
        w.WriteString("type", "ByteLevel");
        w.WriteBoolean("add_prefix_space", false);
        w.WriteBoolean("trim_offsets", false);
        w.WriteBoolean("use_regex", false);
        w.WriteEndObject();
    }

    static string TypeOf(JsonElement e) => Optional(e, "type")?.GetString() ?? "(no type)";

    internal static JsonElement? Optional(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    static JsonElement Required(JsonElement e, string name) =>
        Optional(e, name) ?? throw new InvalidDataException($"'{name}' is missing");
}
