using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Generation;

/// <summary>
/// Keys and values of recently computed token sequences, reusable by any later prompt that starts with the same
/// tokens (a token's K/V depend only on the tokens up to it). An episode-mode prompt finds the previous turn's
/// conversation here; a branch finds its parent's; window-mode prompts find their shared task preamble.
/// Least-recently-used entries are evicted beyond a byte budget. Valid only for the weights that produced them:
/// <see cref="Clear"/> after every weight update.
/// </summary>
public sealed class PrefixCache(long budgetBytes) : IDisposable
{
    /// <summary>One cached sequence: K/V as [2·layers, Hkv, L, hd] (keys of layer l at 2l, values at 2l+1).</summary>
    public sealed class Entry(int[] tokens, Tensor kv)
    {
        public int[] Tokens { get; } = tokens;
        public Tensor Kv { get; } = kv;
        public long Bytes { get; } = kv.numel() * kv.ElementSize;
        internal long LastUse;
    }

    readonly List<Entry> _entries = [];
    long _bytes, _clock;

    public long BudgetBytes { get; } = budgetBytes;
    public long Bytes => _bytes;
    public int Count => _entries.Count;

    /// <summary>The entry sharing the longest leading run of tokens with <paramref name="prompt"/>, capped at <paramref name="limit"/>.</summary>
    public (Entry? Entry, int Length) Longest(ReadOnlySpan<int> prompt, int limit)
    {
        Entry? best = null;
        int bestLength = 0;
        foreach (var e in _entries)
        {
            int common = Math.Min(limit, prompt.CommonPrefixLength(e.Tokens));
            if (common > bestLength) (best, bestLength) = (e, common);
        }
        if (best != null) best.LastUse = ++_clock;
        return (best, bestLength);
    }

    /// <summary>Stores K/V for <paramref name="tokens"/> (takes ownership of <paramref name="kv"/>). Entries it extends are dropped.</summary>
    public void Add(int[] tokens, Tensor kv)
    {
        long bytes = kv.numel() * kv.ElementSize;
        if (tokens.Length == 0 || bytes > BudgetBytes || _entries.Any(e => e.Tokens.AsSpan().StartsWith(tokens)))
        {
            kv.Dispose();
            return;
        }
        _entries.RemoveAll(e =>
        {
            if (!tokens.AsSpan().StartsWith(e.Tokens)) return false;
            _bytes -= e.Bytes;
            e.Kv.Dispose();
            return true;
        });
        _entries.Add(new Entry(tokens, kv.DetachFromDisposeScope()) { LastUse = ++_clock });
        _bytes += bytes;
        while (_bytes > BudgetBytes)
        {
            var oldest = _entries.MinBy(e => e.LastUse)!;
            _entries.Remove(oldest);
            _bytes -= oldest.Bytes;
            oldest.Kv.Dispose();
        }
    }

    public void Clear()
    {
        foreach (var e in _entries) e.Kv.Dispose();
        _entries.Clear();
        _bytes = 0;
    }

    public void Dispose() => Clear();
}
