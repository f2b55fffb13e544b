using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;
using Spark.Core.Text;

namespace Spark.Models.Tests.Support;

/// <summary>
/// Test-only byte-level BPE tokenizer (not the product's loader): the 256 GPT-2 byte symbols, merges for a few
/// words (with and without a leading space), and Qwen-style special tokens. With <c>actionMarkersSpecial</c>
/// false, <c>&lt;action&gt;</c> and <c>&lt;/action&gt;</c> are ordinary text split over several tokens, as in a
/// real Qwen vocabulary. It can write itself as an HF tokenizer.json (for checkpoints and GGUF export).
/// </summary>
public sealed class TestTokenizer : ITokenizer, IChatFormat
{
    const string QwenPattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
    static readonly string[] Words =
    [
        "go", "to", "take", "put", "open", "close", "cabinet", "drawer", "apple", "mug", "from", "in", "on", "the",
        "You", "are", "see", "a", "look", "action", "think", "arrive", "at", "countertop", "fridge", "Nothing", "happens",
    ];

    readonly BpeTokenizer _bpe;
    readonly Dictionary<string, int> _vocab = new();
    readonly List<string> _merges = new();
    readonly Dictionary<string, int> _special = new();

    /// <param name="minVocab">Adds merges of letter pairs and triples until the vocabulary has at least this many tokens
    /// (benchmarks use a few thousand, like the built-in vocabulary).</param>
    public TestTokenizer(bool actionMarkersSpecial = true, int minVocab = 0)
    {
        var byteSymbols = ByteSymbols();
        for (int b = 0; b < 256; b++) _vocab[byteSymbols[b].ToString()] = _vocab.Count;
        foreach (var word in Words)
        {
            AddMerges(string.Concat(Encoding.UTF8.GetBytes(word).Select(b => byteSymbols[b])));
            AddMerges(string.Concat(Encoding.UTF8.GetBytes(" " + word).Select(b => byteSymbols[b])));
        }
        AddMerges("</"); // lets "</action>" start with a two-character token when the markers are plain text
        const string letters = "etaoinshrdlucmfwypvbgkjqxz";
        foreach (var gram in letters.SelectMany(a => letters.Select(b => $"{a}{b}"))
                     .Concat(letters.SelectMany(a => letters.SelectMany(b => letters.Select(c => $"{a}{b}{c}")))))
        {
            if (_vocab.Count >= minVocab - 12) break;
            AddMerges(gram);
            AddMerges("\u0120" + gram);
        }
        var specials = new List<string> { "<|endoftext|>", "<|im_start|>", "<|im_end|>", "<think>", "</think>", "<explore>", "</explore>" };
        if (actionMarkersSpecial) specials.AddRange(["<action>", "</action>"]);
        foreach (var s in specials) _special[s] = _vocab.Count + _special.Count;
        _bpe = BpeTokenizer.Create(new BpeOptions(_vocab)
        {
            Merges = _merges,
            SpecialTokens = _special,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(new Regex(QwenPattern, RegexOptions.Compiled), _special),
        });
    }

    void AddMerges(string symbols)
    {
        // Left-to-right merges: a b -> ab, ab c -> abc, ...
        string current = symbols[..1];
        for (int i = 1; i < symbols.Length; i++)
        {
            string next = current + symbols[i];
            if (!_vocab.ContainsKey(next))
            {
                _merges.Add($"{current} {symbols[i]}");
                _vocab[next] = _vocab.Count;
            }
            current = next;
        }
    }

    public int VocabSize => _vocab.Count + _special.Count;
    public int EndOfResponseId => _special["<|im_end|>"];
    public int PadId => _special["<|endoftext|>"];
    public IChatFormat Chat => this;

    public int[] Encode(string text) => _bpe.EncodeToIds(text).ToArray();
    public string Decode(ReadOnlySpan<int> ids) => _bpe.Decode(ids.ToArray());

    public int? TokenToId(string token) =>
        _special.TryGetValue(token, out int s) ? s : Encode(token) is [int only] ? only : null;

    public int[] Prompt(IReadOnlyList<ChatMessage> messages) =>
        Encode(string.Concat(messages.Select(m => $"<|im_start|>{m.Role}\n{m.Content}<|im_end|>\n")) + "<|im_start|>assistant\n");

    public int[] ContinueWithUser(string userText) =>
        Encode($"\n<|im_start|>user\n{userText}<|im_end|>\n<|im_start|>assistant\n");

    /// <summary>Writes tokenizer.json and tokenizer_config.json in Hugging Face's format.</summary>
    public void WriteTo(string dir)
    {
        Directory.CreateDirectory(dir);
        var vocab = new JsonObject();
        foreach (var (token, id) in _vocab) vocab[token] = id;
        var added = new JsonArray();
        foreach (var (token, id) in _special)
            added.Add(new JsonObject { ["id"] = id, ["content"] = token, ["special"] = true, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false, ["normalized"] = false });
        var json = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = added,
            ["normalizer"] = new JsonObject { ["type"] = "NFC" },
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject { ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = QwenPattern }, ["behavior"] = "Isolated", ["invert"] = false },
                    new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false }),
            },
            ["decoder"] = new JsonObject { ["type"] = "ByteLevel" },
            ["model"] = new JsonObject { ["type"] = "BPE", ["vocab"] = vocab, ["merges"] = new JsonArray(_merges.Select(m => (JsonNode)m).ToArray()) },
        };
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), json.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "tokenizer_config.json"),
            new JsonObject { ["tokenizer_class"] = "Qwen2Tokenizer", ["eos_token"] = "<|im_end|>", ["pad_token"] = "<|endoftext|>" }.ToJsonString());
    }

    /// <summary>GPT-2's reversible byte → printable character map.</summary>
    static char[] ByteSymbols()
    {
        var map = new char[256];
        int next = 0;
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is >= 33 and <= 126 or >= 161 and <= 172 or >= 174 and <= 255;
            map[b] = printable ? (char)b : (char)(256 + next++);
        }
        return map;
    }
}
