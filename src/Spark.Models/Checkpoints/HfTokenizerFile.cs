using System.Text.Json.Nodes;

namespace Spark.Models.Checkpoints;

/// <summary>
/// The vocabulary of a Hugging Face byte-level BPE <c>tokenizer.json</c> as GGUF's gpt2 tokenizer wants it: token
/// strings by id (in the byte-to-unicode alphabet, as stored), merges as "a b", and which ids are added/special tokens.
/// Only reads the file; tokenizing is the tokenizer loader's job.
/// </summary>
public sealed record HfTokenizerFile(IReadOnlyDictionary<int, string> Tokens, IReadOnlyList<string> Merges,
    IReadOnlyDictionary<int, bool> Added, string? ChatTemplate)
{
    /// <summary>Ids 0..max: what a model's embedding must cover.</summary>
    public int VocabSize => Tokens.Keys.Max() + 1;

    /// <summary>The id of an added token by its text, or null.</summary>
    public int? AddedTokenId(string content) =>
        Added.Keys.Where(id => Tokens[id] == content).Select(id => (int?)id).FirstOrDefault();

    public static HfTokenizerFile Load(string dir)
    {
        string path = Path.Combine(dir, "tokenizer.json");
        if (!File.Exists(path)) throw new FileNotFoundException($"no tokenizer: {path} is missing");
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: not a JSON object");
        var model = root["model"] as JsonObject ?? throw new InvalidDataException($"{path}: no model section");
        if (model["type"]?.GetValue<string>() is string type && type != "BPE")
            throw new InvalidDataException($"{path}: model type {type} is not BPE");
        var tokens = new Dictionary<int, string>();
        foreach (var (token, id) in model["vocab"] as JsonObject ?? throw new InvalidDataException($"{path}: no model.vocab"))
            tokens[id!.GetValue<int>()] = token;
        var merges = (model["merges"] as JsonArray ?? []).Select(m => m switch
        {
            JsonArray pair => $"{pair[0]!.GetValue<string>()} {pair[1]!.GetValue<string>()}",
            _ => m!.GetValue<string>(),
        }).ToList();
        var added = new Dictionary<int, bool>();
        foreach (var t in root["added_tokens"] as JsonArray ?? [])
        {
            int id = t!["id"]!.GetValue<int>();
            tokens[id] = t["content"]!.GetValue<string>();
            added[id] = t["special"]?.GetValue<bool>() ?? true;
        }
        string? template = null;
        string configPath = Path.Combine(dir, "tokenizer_config.json");
        if (File.Exists(configPath) && JsonNode.Parse(File.ReadAllText(configPath)) is JsonObject config && config["chat_template"] is JsonValue v)
            template = v.GetValue<string>();
        return new HfTokenizerFile(tokens, merges, added, template);
    }
}
