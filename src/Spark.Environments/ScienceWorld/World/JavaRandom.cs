namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// The linear congruential generator of <c>java.util.Random</c> (which <c>scala.util.Random</c> wraps),
/// bit for bit, plus Scala 2.12's <c>Random.shuffle</c>. The original seeds it with the variation index
/// before building the house, so reproducing it reproduces the original's rooms, pictures, book shelves,
/// wire colours and the agent's start location for a given variation.
/// </summary>
internal sealed class JavaRandom
{
    const long Multiplier = 0x5DEECE66DL;
    const long Addend = 0xBL;
    const long Mask = (1L << 48) - 1;

    long _seed;

    public JavaRandom(long seed) => SetSeed(seed);

    public void SetSeed(long seed) => _seed = (seed ^ Multiplier) & Mask;

    int Next(int bits)
    {
        _seed = (_seed * Multiplier + Addend) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }

    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
        if ((bound & -bound) == bound) return (int)((bound * (long)Next(31)) >> 31);
        int bits, value;
        do
        {
            bits = Next(31);
            value = bits % bound;
        } while (bits - value + (bound - 1) < 0);
        return value;
    }

    public bool NextBoolean() => Next(1) != 0;

    public float NextFloat() => Next(24) / (float)(1 << 24);

    /// <summary>Scala's <c>Random.shuffle</c>: for n from the length down to 2, swap element n−1 with nextInt(n).</summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var buffer = new List<T>(items);
        for (int n = buffer.Count; n >= 2; n--)
        {
            int k = NextInt(n);
            (buffer[n - 1], buffer[k]) = (buffer[k], buffer[n - 1]);
        }
        return buffer;
    }
}
