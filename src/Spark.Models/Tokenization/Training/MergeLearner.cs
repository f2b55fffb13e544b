using System.Text;

namespace Spark.Models.Tokenization.Training;

/// <summary>
/// The BPE merge loop over counted words. Each word is a sequence of token ids (initially its UTF-8 bytes);
/// pair counts are kept incrementally, and a priority queue picks the most frequent pair, ties going to the
/// smallest (left id, right id), so the result depends on the word counts only. Queue entries go stale when
/// a merge lowers a pair's count; a stale entry is re-queued with the current count when it reaches the top.
/// </summary>
internal sealed class MergeLearner
{
    readonly int[][] _words;
    readonly long[] _frequencies;
    readonly int[] _visitedAtMerge;
    readonly Dictionary<long, long> _pairCounts = [];
    readonly Dictionary<long, List<int>> _pairWords = [];
    readonly PriorityQueue<long, (long NegativeCount, long Pair)> _queue = new();
    readonly List<string> _tokens = [];
    readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    readonly List<BpeMerge> _merges = [];

    public MergeLearner(IReadOnlyDictionary<string, long> wordCounts)
    {
        var idOfByte = new int[256];
        for (int id = 0; id < 256; id++)
        {
            byte b = ByteLevelAlphabet.Bytes[id];
            idOfByte[b] = id;
            AddToken(ByteLevelAlphabet.CharOf(b).ToString());
        }
        // Ordinal order makes word indices, and so everything after, independent of how counting went.
        var words = wordCounts.Keys.Order(StringComparer.Ordinal).ToArray();
        _words = new int[words.Length][];
        _frequencies = new long[words.Length];
        _visitedAtMerge = new int[words.Length];
        for (int w = 0; w < words.Length; w++)
        {
            _words[w] = Encoding.UTF8.GetBytes(words[w]).Select(b => idOfByte[b]).ToArray();
            _frequencies[w] = wordCounts[words[w]];
            _visitedAtMerge[w] = -1;
            var symbols = _words[w];
            for (int i = 0; i + 1 < symbols.Length; i++)
            {
                long pair = Pair(symbols[i], symbols[i + 1]);
                AddCount(pair, _frequencies[w]);
                WordsOf(pair).Add(w);
            }
        }
        foreach (var (pair, count) in _pairCounts) _queue.Enqueue(pair, (-count, pair));
    }

    public IReadOnlyList<string> Tokens => _tokens;
    public IReadOnlyList<BpeMerge> Merges => _merges;

    /// <summary>Merges until there are <paramref name="tokenCount"/> tokens; returns why it stopped.</summary>
    public string Learn(int tokenCount, int minFrequency)
    {
        while (_tokens.Count < tokenCount)
        {
            if (!_queue.TryDequeue(out long pair, out var priority))
                return "every word is a single token";
            long count = _pairCounts.GetValueOrDefault(pair);
            if (count != -priority.NegativeCount)
            {
                if (count > 0) _queue.Enqueue(pair, (-count, pair));
                continue;
            }
            if (count < minFrequency) return $"no pair occurs {minFrequency} times or more";
            Merge(pair);
        }
        return "vocabulary size reached";
    }

    void Merge(long pair)
    {
        int left = (int)(pair >> 32), right = (int)(pair & 0xFFFFFFFF);
        int merged = AddToken(_tokens[left] + _tokens[right]);
        int mergeIndex = _merges.Count;
        _merges.Add(new BpeMerge(_tokens[left], _tokens[right]));
        var grown = new HashSet<long>();
        foreach (int w in _pairWords[pair])
        {
            if (_visitedAtMerge[w] == mergeIndex) continue;
            _visitedAtMerge[w] = mergeIndex;
            var before = _words[w];
            var after = Apply(before, left, right, merged);
            if (after.Length == before.Length) continue;
            long frequency = _frequencies[w];
            // Words are short: recount all of the word's pairs rather than patch the neighbours of each merge.
            for (int i = 0; i + 1 < before.Length; i++) AddCount(Pair(before[i], before[i + 1]), -frequency);
            for (int i = 0; i + 1 < after.Length; i++)
            {
                long next = Pair(after[i], after[i + 1]);
                AddCount(next, frequency);
                if (after[i] == merged || after[i + 1] == merged)
                {
                    WordsOf(next).Add(w);
                    grown.Add(next);
                }
            }
            _words[w] = after;
        }
        _pairWords.Remove(pair);
        foreach (long next in grown)
            if (_pairCounts.GetValueOrDefault(next) is var count and > 0)
                _queue.Enqueue(next, (-count, next));
    }

    // Left to right, without overlaps: "a a a" with (a, a) becomes "aa a", as BPE encoding does.
    static int[] Apply(int[] symbols, int left, int right, int merged)
    {
        var result = new List<int>(symbols.Length);
        for (int i = 0; i < symbols.Length; i++)
        {
            if (i + 1 < symbols.Length && symbols[i] == left && symbols[i + 1] == right)
            {
                result.Add(merged);
                i++;
            }
            else result.Add(symbols[i]);
        }
        return result.Count == symbols.Length ? symbols : [.. result];
    }

    // Two merges can spell the same string ("a"+"bc", "ab"+"c"); the token then keeps its first id.
    int AddToken(string token)
    {
        if (_ids.TryGetValue(token, out int id)) return id;
        _ids[token] = _tokens.Count;
        _tokens.Add(token);
        return _tokens.Count - 1;
    }

    void AddCount(long pair, long delta)
    {
        long count = _pairCounts.GetValueOrDefault(pair) + delta;
        if (count == 0) _pairCounts.Remove(pair);
        else _pairCounts[pair] = count;
    }

    List<int> WordsOf(long pair)
    {
        if (!_pairWords.TryGetValue(pair, out var list)) _pairWords[pair] = list = [];
        return list;
    }

    static long Pair(int left, int right) => ((long)left << 32) | (uint)right;
}
