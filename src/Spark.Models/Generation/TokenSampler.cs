using Spark.Core.Randomness;

namespace Spark.Models.Generation;

/// <summary>A sequence's own random stream (SplitMix64), so its samples do not depend on the rest of the batch.</summary>
public sealed class SequenceRandom(ulong seed)
{
    ulong _state = Seeds.Mix(seed);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return (Seeds.Mix(_state) >> 11) * (1.0 / (1UL << 53));
    }
}

/// <summary>
/// Draws a token from one row of probabilities (already tempered and masked, computed on the device) on the CPU:
/// inverse-CDF sampling with one uniform per draw, after optional top-k and top-p truncation. Greedy decoding takes
/// the device's argmax instead and never comes here.
/// </summary>
public static class TokenSampler
{
    public static int Sample(ReadOnlySpan<float> probs, int topK, float topP, SequenceRandom random)
    {
        double u = random.NextDouble();
        bool truncate = (topK > 0 && topK < probs.Length) || topP < 1f;
        if (truncate) return SampleTruncated(probs, topK, topP, u);
        // The row sums to 1 up to rounding; when rounding leaves u past the end, take the last possible token.
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < probs.Length; i++)
        {
            if (probs[i] <= 0) continue;
            last = i;
            cumulative += probs[i];
            if (cumulative > u) return i;
        }
        return last;
    }

    static int SampleTruncated(ReadOnlySpan<float> probs, int topK, float topP, double u)
    {
        var keys = probs.ToArray();
        var order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        // Descending by probability, ties by id: a total order, so the result is reproducible.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        int keep = topK > 0 ? Math.Min(topK, order.Length) : order.Length;
        double kept = 0;
        int n = 0;
        while (n < keep && keys[order[n]] > 0)
        {
            kept += keys[order[n++]];
            if (topP < 1f && kept >= topP) break;
        }
        n = Math.Max(n, 1);
        double target = u * Math.Max(kept, keys[order[0]]), cumulative = 0;
        for (int i = 0; i < n; i++)
        {
            cumulative += keys[order[i]];
            if (cumulative > target) return order[i];
        }
        return order[n - 1];
    }

    /// <summary>Index of the largest value (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
