using Spark.Core.Randomness;

namespace Spark.Environments.Alfworld.Tasks;

/// <summary>Seeded random streams and the few sampling helpers the generators need.</summary>
internal static class Rng
{
    /// <summary>An independent, reproducible stream for (seed, label, path).</summary>
    public static Random For(ulong seed, string label, params long[] path) =>
        new((int)(Seeds.Derive(seed, label, path) & 0x7FFFFFFF));

    /// <summary>Index drawn with probability proportional to <paramref name="weight"/>; -1 when all are zero.</summary>
    public static int Weighted<T>(Random rng, IReadOnlyList<T> items, Func<T, double> weight)
    {
        double total = 0;
        for (int i = 0; i < items.Count; i++) total += weight(items[i]);
        if (total <= 0) return -1;
        double x = rng.NextDouble() * total;
        for (int i = 0; i < items.Count; i++)
        {
            double w = weight(items[i]);
            if (w <= 0) continue;
            if (x < w) return i;
            x -= w;
        }
        for (int i = items.Count - 1; i >= 0; i--)
            if (weight(items[i]) > 0) return i;
        return -1;
    }

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>1..n in random order.</summary>
    public static int[] Permutation(Random rng, int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i + 1;
        rng.Shuffle(p);
        return p;
    }
}
