using System.Text.RegularExpressions;

namespace Spark.Models.Tokenization.Training;

/// <summary>
/// Counts pre-tokenized words the way the tokenizer will see them: the text is cut at special tokens (which are
/// never learnt), NFC-normalised, and split by the pre-tokenizer regex. BPE merges never cross these words.
/// </summary>
public sealed class WordCounter
{
    readonly Regex _pattern;
    readonly Regex? _specials;
    readonly bool _nfc;
    readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordCounter(string pattern, bool nfc, IEnumerable<string> specialTokens)
    {
        _pattern = new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        _nfc = nfc;
        var specials = specialTokens.OrderByDescending(s => s.Length).Select(Regex.Escape).ToList();
        _specials = specials.Count == 0 ? null : new Regex(string.Join("|", specials), RegexOptions.Compiled | RegexOptions.CultureInvariant);
        _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public long Characters { get; private set; }
    public long Words { get; private set; }

    /// <summary>Distinct words and how often each occurs.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Add(string text)
    {
        Characters += text.Length;
        if (_specials == null)
        {
            AddPiece(text);
            return;
        }
        int start = 0;
        foreach (var special in _specials.EnumerateMatches(text))
        {
            AddPiece(text[start..special.Index]);
            start = special.Index + special.Length;
        }
        AddPiece(text[start..]);
    }

    void AddPiece(string piece)
    {
        if (piece.Length == 0) return;
        if (_nfc) piece = NfcNormalizer.Instance.Normalize(piece);
        foreach (var match in _pattern.EnumerateMatches(piece))
        {
            var word = piece.AsSpan(match.Index, match.Length);
            _lookup[word] = _lookup.TryGetValue(word, out long n) ? n + 1 : 1;
            Words++;
        }
    }
}
