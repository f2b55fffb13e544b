using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spark.Models.Tokenization;

/// <summary>tokenizer_config.json and the token ids of generation_config.json, read into <see cref="TokenizerSettings"/>.</summary>
public static class TokenizerConfigJson
{
    public const string FileName = "tokenizer_config.json";
    public const string GenerationConfigFileName = "generation_config.json";

    /// <summary>Reads whichever of the two files exist in <paramref name="dir"/>; neither is required.</summary>
    public static TokenizerSettings Read(string dir)
    {
        var settings = new TokenizerSettings();
        string configPath = Path.Combine(dir, FileName);
        if (File.Exists(configPath))
        {
            var config = ParseObject(configPath);
            settings = settings with
            {
                TokenizerClass = TokenString(config, "tokenizer_class", configPath),
                EosToken = TokenString(config, "eos_token", configPath),
                PadToken = TokenString(config, "pad_token", configPath),
                BosToken = TokenString(config, "bos_token", configPath),
                ChatTemplate = ChatTemplate(config, configPath),
                Original = config,
            };
        }
        string generationPath = Path.Combine(dir, GenerationConfigFileName);
        if (File.Exists(generationPath))
        {
            var generation = ParseObject(generationPath);
            settings = settings with
            {
                GenerationEosIds = Ids(generation["eos_token_id"], generationPath, "eos_token_id"),
                GenerationPadId = Ids(generation["pad_token_id"], generationPath, "pad_token_id").Cast<int?>().FirstOrDefault(),
            };
        }
        return settings;
    }

    /// <summary>The added tokens listed in <c>added_tokens_decoder</c> (used with vocab.json + merges.txt).</summary>
    public static List<AddedToken> ReadAddedTokens(TokenizerSettings settings)
    {
        var added = new List<AddedToken>();
        if (settings.Original?["added_tokens_decoder"] is not JsonObject decoder) return added;
        foreach (var (key, value) in decoder)
        {
            if (!int.TryParse(key, out int id) || value?["content"]?.GetValue<string>() is not { } content)
                throw new InvalidDataException($"{FileName}: added_tokens_decoder['{key}'] needs a numeric id and a content");
            added.Add(new AddedToken(id, content, value["special"]?.GetValue<bool>() ?? true));
        }
        return added;
    }

    /// <summary>The settings as tokenizer_config.json: the original file's fields, with ours rewritten.</summary>
    public static string Write(BpeDefinition definition, TokenizerSettings settings)
    {
        var config = settings.Original?.DeepClone().AsObject() ?? new JsonObject();
        config["tokenizer_class"] = settings.TokenizerClass ?? "Qwen2Tokenizer";
        config["add_bos_token"] ??= false;
        config["add_prefix_space"] ??= false;
        config["bos_token"] = settings.BosToken;
        config["eos_token"] = settings.EosToken;
        config["pad_token"] = settings.PadToken;
        if (!config.ContainsKey("unk_token")) config["unk_token"] = null;
        config["clean_up_tokenization_spaces"] ??= false;
        config["errors"] ??= "replace";
        config["split_special_tokens"] ??= false;
        var decoder = new JsonObject();
        foreach (var token in definition.AddedTokens.OrderBy(t => t.Id))
            decoder[token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["content"] = token.Content, ["lstrip"] = false, ["normalized"] = false,
                ["rstrip"] = false, ["single_word"] = false, ["special"] = token.Special,
            };
        config["added_tokens_decoder"] = decoder;
        if (settings.ChatTemplate != null) config["chat_template"] = settings.ChatTemplate;
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    static JsonObject ParseObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                   ?? throw new InvalidDataException($"{path}: expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    // Tokens are written either as a string or as an AddedToken object {"content": …}.
    static string? TokenString(JsonObject config, string field, string path) => config[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonObject o when o["content"] is JsonValue c && c.TryGetValue(out string? s) => s,
        var other => throw new InvalidDataException($"{path}: {field} should be a string or an object with 'content', got {other.ToJsonString()}"),
    };

    // chat_template is a string, or a list of {name, template} of which "default" is the chat one.
    static string? ChatTemplate(JsonObject config, string path) => config["chat_template"] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonArray list => list.OfType<JsonObject>().FirstOrDefault(t => t["name"]?.GetValue<string>() == "default")?["template"]?.GetValue<string>(),
        _ => throw new InvalidDataException($"{path}: chat_template should be a string or a list of named templates"),
    };

    static List<int> Ids(JsonNode? node, string path, string field) => node switch
    {
        null => [],
        JsonValue v when v.TryGetValue(out int id) => [id],
        JsonArray list => list.Select(n => n is JsonValue x && x.TryGetValue(out int i) ? i
            : throw new InvalidDataException($"{path}: {field} should hold integers")).ToList(),
        _ => throw new InvalidDataException($"{path}: {field} should be an integer or a list of integers"),
    };
}
