using System.Diagnostics;
using Spark.Core.Configuration;

namespace Spark.Models.Tokenization.Training;

/// <summary>Settings of <see cref="BpeTrainer"/>.</summary>
public sealed record BpeTrainerOptions
{
    /// <summary>Total vocabulary size: 256 byte tokens + learnt merges + <see cref="SpecialTokens"/>.</summary>
    public int VocabSize { get; init; } = 4096;

    /// <summary>Added tokens, given ids after the BPE tokens in this order; cut out of the corpus before counting.</summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = BuiltInTokens.All;

    /// <summary>A pair seen fewer times than this is never merged (training then stops early).</summary>
    public int MinFrequency { get; init; } = 2;

    public string PreTokenizerPattern { get; init; } = PreTokenizerPatterns.Qwen2;

    public bool Nfc { get; init; } = true;

    public void Validate()
    {
        int specials = SpecialTokens.Count;
        ConfigException.Require(VocabSize > 256 + specials, "vocab-size",
            $"{VocabSize} leaves no room for merges: it must exceed 256 bytes + {specials} special tokens");
        ConfigException.Require(MinFrequency >= 1, "min-frequency", $"{MinFrequency} must be at least 1");
        ConfigException.Require(specials > 0, "special-tokens", "at least one is needed to end responses (e.g. <|im_end|>)");
        ConfigException.Require(SpecialTokens.All(t => !string.IsNullOrEmpty(t)), "special-tokens", "a special token is empty");
        ConfigException.Require(SpecialTokens.Distinct(StringComparer.Ordinal).Count() == specials, "special-tokens", "a special token is listed twice");
    }
}

/// <summary>How a training run went.</summary>
public sealed record BpeTrainingStats(
    long Characters, long Words, int UniqueWords, int Merges, int VocabSize,
    TimeSpan CountingTime, TimeSpan MergingTime, string StopReason);

/// <summary>A learnt vocabulary: save it with <see cref="TokenizerFiles.Save(BpeDefinition, TokenizerSettings, string)"/>.</summary>
public sealed record BpeTrainingResult(BpeDefinition Definition, TokenizerSettings Settings, BpeTrainingStats Stats)
{
    public ByteLevelBpeTokenizer CreateTokenizer() => new(Definition, Settings);
}

/// <summary>
/// Learns a byte-level BPE vocabulary from text (no served .NET library trains BPE: Microsoft.ML.Tokenizers and
/// Tokenizers.DotNet only encode). Words are pre-tokenized with the same regex the tokenizer uses, so merges
/// never cross what encoding keeps apart; ids are 256 bytes in GPT-2 order, then merges in learning order,
/// then the special tokens, as in Qwen's vocabulary. Deterministic: same texts, same options, same files.
/// </summary>
public static class BpeTrainer
{
    public static BpeTrainingResult TrainFiles(IEnumerable<string> paths, BpeTrainerOptions options) =>
        Train(paths.Select(path => File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"corpus file not found: {path}")), options);

    public static BpeTrainingResult Train(IEnumerable<string> texts, BpeTrainerOptions options)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var counter = new WordCounter(options.PreTokenizerPattern, options.Nfc, options.SpecialTokens);
        foreach (string text in texts) counter.Add(text);
        var counting = clock.Elapsed;

        var learner = new MergeLearner(counter.Counts);
        string stop = learner.Learn(options.VocabSize - options.SpecialTokens.Count, options.MinFrequency);
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < learner.Tokens.Count; id++) vocab[learner.Tokens[id]] = id;
        var added = options.SpecialTokens
            .Select((token, i) => new AddedToken(learner.Tokens.Count + i, token, BuiltInTokens.IsControl(token)))
            .ToList();
        var definition = new BpeDefinition(vocab, learner.Merges.ToList(), added, options.PreTokenizerPattern, options.Nfc);

        bool chatML = options.SpecialTokens.Contains(BuiltInTokens.ImStart) && options.SpecialTokens.Contains(BuiltInTokens.ImEnd);
        var settings = new TokenizerSettings
        {
            TokenizerClass = "Qwen2Tokenizer",
            EosToken = chatML ? BuiltInTokens.ImEnd : options.SpecialTokens.FirstOrDefault(),
            PadToken = options.SpecialTokens.Contains(BuiltInTokens.EndOfText) ? BuiltInTokens.EndOfText : null,
            ChatTemplate = chatML ? BuiltInTokens.ChatTemplate : null,
        };
        var stats = new BpeTrainingStats(counter.Characters, counter.Words, counter.Counts.Count, learner.Merges.Count,
            definition.Size, counting, clock.Elapsed - counting, stop);
        return new BpeTrainingResult(definition, settings, stats);
    }
}
