using System.Text.Json;
using Spark.Core.IO;
using Spark.Core.Text;

namespace Spark.Models.Tokenization;

/// <summary>
/// Loads and saves a tokenizer folder in Hugging Face's layout: tokenizer.json (or, when absent, the older
/// vocab.json + merges.txt), tokenizer_config.json and generation_config.json. Real Qwen checkpoints and our
/// own trained vocabularies go through this one loader.
/// </summary>
public static class TokenizerFiles
{
    public const string TokenizerJsonFileName = "tokenizer.json";
    public const string VocabFileName = "vocab.json";
    public const string MergesFileName = "merges.txt";

    /// <summary>Loads the tokenizer in <paramref name="dir"/>. <paramref name="chat"/> overrides the default system
    /// prompt; when null it is read from the chat template (Qwen2.5's "You are Qwen, …"; none for ours).</summary>
    public static ITokenizer Load(string dir, ChatOptions? chat = null) => LoadBpe(dir, chat);

    /// <inheritdoc cref="Load"/>
    public static ByteLevelBpeTokenizer LoadBpe(string dir, ChatOptions? chat = null)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"tokenizer folder not found: {dir}");
        var settings = TokenizerConfigJson.Read(dir);
        string tokenizerJson = Path.Combine(dir, TokenizerJsonFileName);
        BpeDefinition definition;
        if (File.Exists(tokenizerJson))
            definition = TokenizerJson.Read(tokenizerJson);
        else if (File.Exists(Path.Combine(dir, VocabFileName)) && File.Exists(Path.Combine(dir, MergesFileName)))
            definition = ReadVocabAndMerges(dir, settings);
        else
            throw new FileNotFoundException($"{dir} has neither {TokenizerJsonFileName} nor {VocabFileName} + {MergesFileName}");
        return new ByteLevelBpeTokenizer(definition, settings, chat);
    }

    /// <summary>Writes tokenizer.json and tokenizer_config.json into <paramref name="dir"/> (each atomically;
    /// other files in the folder are left alone).</summary>
    public static void Save(ITokenizer tokenizer, string dir)
    {
        if (tokenizer is not ByteLevelBpeTokenizer bpe)
            throw new ArgumentException($"only a {nameof(ByteLevelBpeTokenizer)} can be saved, not a {tokenizer.GetType().Name}", nameof(tokenizer));
        Save(bpe.Definition, bpe.Settings, dir);
    }

    /// <inheritdoc cref="Save(ITokenizer, string)"/>
    public static void Save(BpeDefinition definition, TokenizerSettings settings, string dir)
    {
        Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(Path.Combine(dir, TokenizerJsonFileName), TokenizerJson.Write(definition));
        AtomicFile.WriteAllText(Path.Combine(dir, TokenizerConfigJson.FileName), TokenizerConfigJson.Write(definition, settings));
    }

    // The slow tokenizers' files: the class decides the regex (and NFC); added tokens come from tokenizer_config.json.
    static BpeDefinition ReadVocabAndMerges(string dir, TokenizerSettings settings)
    {
        string cls = settings.TokenizerClass ?? "Qwen2Tokenizer";
        (string pattern, bool nfc) = cls switch
        {
            "Qwen2Tokenizer" or "Qwen2TokenizerFast" => (PreTokenizerPatterns.Qwen2, true),
            "GPT2Tokenizer" or "GPT2TokenizerFast" => (PreTokenizerPatterns.Gpt2, false),
            _ => throw new InvalidDataException(
                $"{TokenizerConfigJson.FileName}: tokenizer_class '{cls}' has no tokenizer.json and is not a byte-level BPE class this loader knows (Qwen2Tokenizer, GPT2Tokenizer)"),
        };
        string vocabPath = Path.Combine(dir, VocabFileName);
        Dictionary<string, int> vocab;
        try
        {
            vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllBytes(vocabPath))
                    ?? throw new InvalidDataException($"{vocabPath}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{vocabPath}: expected an object of token → id: {e.Message}", e);
        }
        string mergesPath = Path.Combine(dir, MergesFileName);
        var merges = new List<BpeMerge>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(mergesPath))
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("#version", StringComparison.Ordinal))) continue;
            merges.Add(TokenizerJson.ParseMergeLine(line, $"{mergesPath}:{lineNumber}"));
        }
        return new BpeDefinition(vocab, merges, TokenizerConfigJson.ReadAddedTokens(settings), pattern, nfc);
    }
}
