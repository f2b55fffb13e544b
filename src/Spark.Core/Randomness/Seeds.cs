namespace Spark.Core.Randomness;

/// <summary>
/// Derives independent, reproducible seeds from a run seed and a path of integers (iteration, task,
/// slot, step, ...), so that each consumer of randomness gets its own stream and adding a consumer
/// does not shift anybody else's numbers.
/// </summary>
public static class Seeds
{
    /// <summary>SplitMix64 finaliser: a well-mixed 64-bit hash of one value.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Derive(ulong seed, params long[] path)
    {
        ulong h = Mix(seed);
        foreach (long p in path) h = Mix(h ^ (ulong)p);
        return h;
    }

    public static ulong Derive(ulong seed, string label, params long[] path)
    {
        ulong h = Mix(seed);
        foreach (char c in label) h = Mix(h ^ c);
        foreach (long p in path) h = Mix(h ^ (ulong)p);
        return h;
    }

    /// <summary>A System.Random whose sequence is fixed by (seed, path) on every machine.</summary>
    public static Random Random(ulong seed, params long[] path) => new((int)(Derive(seed, path) & 0x7FFFFFFF));
}
