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
/// Draws a token from one row of log-probabilities (already tempered and masked) on the CPU: greedy for
/// temperature 0, else inverse-CDF sampling after optional top-k and top-p truncation. One uniform per draw.
/// </summary>
public static class TokenSampler
{
    public static int Sample(ReadOnlySpan<float> logProbs, float temperature, int topK, float topP, SequenceRandom random)
    {
        if (temperature <= 0) return ArgMax(logProbs);
        double u = random.NextDouble();
        bool truncate = (topK > 0 && topK < logProbs.Length) || topP < 1f;
        if (!truncate)
        {
            double total = 0;
            foreach (float lp in logProbs) total += Math.Exp(lp);
            double target = u * total, cumulative = 0;
            int last = 0;
            for (int i = 0; i < logProbs.Length; i++)
            {
                double p = Math.Exp(logProbs[i]);
                if (p <= 0) continue;
                last = i;
                cumulative += p;
                if (cumulative > target) return i;
            }
            return last;
        }
        return SampleTruncated(logProbs, topK, topP, u);
    }

    static int SampleTruncated(ReadOnlySpan<float> logProbs, int topK, float topP, double u)
    {
        var order = new int[logProbs.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keys = logProbs.ToArray();
        // Descending by log-prob, ties by id: a total order, so the result is reproducible.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        int keep = topK > 0 ? Math.Min(topK, order.Length) : order.Length;
        double total = 0;
        var probs = new double[keep];
        int n = 0;
        for (; n < keep; n++)
        {
            probs[n] = Math.Exp(keys[order[n]]);
            if (probs[n] <= 0) break;
            total += probs[n];
            if (topP < 1f && total >= topP) { n++; break; }
        }
        n = Math.Max(n, 1);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += probs[i];
        double target = u * sum, cumulative = 0;
        for (int i = 0; i < n; i++)
        {
            cumulative += probs[i];
            if (cumulative > target) return order[i];
        }
        return order[n - 1];
    }

    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
