using Microsoft.ML.Tokenizers;
using Normalizer2 = Icu.Normalization.Normalizer2;

namespace Spark.Models.Tokenization;

/// <summary>
/// Unicode NFC, as the <c>"normalizer": {"type": "NFC"}</c> of Qwen's tokenizer.json. Microsoft.ML.Tokenizers
/// ships no NFC normalizer, and <c>string.Normalize</c> cannot be used: the repository builds with
/// InvariantGlobalization, under which it returns its input unchanged without a word. So this calls ICU (the
/// library .NET itself uses) through icu.net. Text below U+0300 is always NFC and skips the call.
/// </summary>
public sealed class NfcNormalizer : Normalizer
{
    public static readonly NfcNormalizer Instance = new();

    static readonly Lazy<Normalizer2> Icu = new(() =>
    {
        try
        {
            global::Icu.Wrapper.Init();
            return Normalizer2.GetNFCInstance();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or FileNotFoundException or TypeInitializationException)
        {
            throw new InvalidOperationException(
                $"NFC normalisation needs ICU's libicuuc (Debian: apt-get install libicu72), which could not be loaded: {e.Message}", e);
        }
    });

    public override string Normalize(string original) => IsTriviallyNfc(original) ? original : Icu.Value.Normalize(original);

    public override string Normalize(ReadOnlySpan<char> original) =>
        IsTriviallyNfc(original) ? original.ToString() : Icu.Value.Normalize(original.ToString());

    // ICU's own quick check starts at U+0300: no character below it decomposes or combines (its minCompNoMaybeCP).
    static bool IsTriviallyNfc(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('\0', '\u02FF');
}
