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
    readonly Lazy<OpenerIndex> _openers;

    TokenTexts(ITokenizer tokenizer)
    {
        _texts = new string[tokenizer.VocabSize];
        for (int id = 0; id < _texts.Length; id++) _texts[id] = tokenizer.Decode([id]);
        _trie = new Lazy<TokenTrie>(() => new TokenTrie(_texts));
        _openers = new Lazy<OpenerIndex>(() => new OpenerIndex(_texts, ActionConstraint.Open));
    }

    public static TokenTexts For(ITokenizer tokenizer) => Cache.GetValue(tokenizer, t => new TokenTexts(t));

    public int Count => _texts.Length;
    public string this[int id] => _texts[id];

    internal TokenTrie Trie => _trie.Value;
    internal OpenerIndex Openers => _openers.Value;
}

/// <summary>
/// For each k = 0..|open|-1 (how many leading characters of the opening marker the text already ends with), the
/// tokens whose text completes the marker, with what follows the marker's last occurrence in that token.
/// </summary>
internal sealed class OpenerIndex
{
    readonly List<(int Id, string Tail)>[] _byMatched;

    public OpenerIndex(string[] texts, string open)
    {
        _byMatched = new List<(int, string)>[open.Length];
        for (int k = 0; k < open.Length; k++)
        {
            _byMatched[k] = new();
            string prefix = open[..k];
            for (int id = 0; id < texts.Length; id++)
            {
                if (texts[id].Length == 0) continue;
                string combined = prefix + texts[id];
                int at = combined.LastIndexOf(open, StringComparison.Ordinal);
                if (at >= 0) _byMatched[k].Add((id, combined[(at + open.Length)..]));
            }
        }
    }

    public IReadOnlyList<(int Id, string Tail)> Completing(int matched) => _byMatched[matched];
}
