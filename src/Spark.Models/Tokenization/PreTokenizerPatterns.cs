namespace Spark.Models.Tokenization;

/// <summary>The pre-tokenizer regexes of the byte-level BPE families we load and train.</summary>
public static class PreTokenizerPatterns
{
    /// <summary>Qwen2/2.5/3's Split pattern (from their tokenizer.json): contractions, letters with one leading
    /// non-letter, single digits, punctuation runs with their line breaks, line-break runs, spaces.</summary>
    public const string Qwen2 =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>GPT-2's pattern, used by <c>ByteLevel(use_regex=true)</c> and the GPT2Tokenizer class.</summary>
    public const string Gpt2 = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";
}
