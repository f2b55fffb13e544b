using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Spark.Core.Text;

namespace Spark.Models.Generation;

/// <summary>
/// Each token's text (the tokenizer's decode of that one id), computed once per tokenizer. Stop strings and the
/// action constraint read the response as the concatenation of these texts, on the sampling side and the training
/// side alike, so both see the same text. A token that is a fragment of a UTF-8 character decodes to U+FFFD.
/// </summary>
public sealed class TokenTexts
{
    static readonly ConditionalWeakTable<ITokenizer, TokenTexts> Cache = new();

    readonly string[] _texts;
    readonly Lazy<TokenTrie> _trie;
    readonly ConcurrentDictionary<string, MarkerIndex> _completions = new();

    TokenTexts(ITokenizer tokenizer)
    {
        _texts = new string[tokenizer.VocabSize];
        for (int id = 0; id < _texts.Length; id++) _texts[id] = tokenizer.Decode([id]);
        _trie = new Lazy<TokenTrie>(() => new TokenTrie(_texts));
    }

    public static TokenTexts For(ITokenizer tokenizer) => Cache.GetValue(tokenizer, t => new TokenTexts(t));

    public int Count => _texts.Length;
    public string this[int id] => _texts[id];

    internal TokenTrie Trie => _trie.Value;

    /// <summary>The tokens that complete <paramref name="marker"/> (the action opener, a forbidden closer start), built once per marker.</summary>
    internal MarkerIndex Completions(string marker) => _completions.GetOrAdd(marker, m => new MarkerIndex(_texts, m));
}

/// <summary>
/// For each k = 0..|marker|-1 (how many leading characters of a marker the text already ends with), the tokens whose
/// text completes the marker, with what follows the marker's last occurrence in that token.
/// </summary>
internal sealed class MarkerIndex
{
    readonly List<(int Id, string Tail)>[] _byMatched;

    public MarkerIndex(string[] texts, string marker)
    {
        _byMatched = new List<(int, string)>[marker.Length];
        for (int k = 0; k < marker.Length; k++)
        {
            _byMatched[k] = new();
            string prefix = marker[..k];
            for (int id = 0; id < texts.Length; id++)
            {
                if (texts[id].Length == 0) continue;
                string combined = prefix + texts[id];
                int at = combined.LastIndexOf(marker, StringComparison.Ordinal);
                if (at >= 0) _byMatched[k].Add((id, combined[(at + marker.Length)..]));
            }
        }
    }

    public IReadOnlyList<(int Id, string Tail)> Completing(int matched) => _byMatched[matched];
}
