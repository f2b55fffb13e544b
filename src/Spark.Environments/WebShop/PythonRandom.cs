namespace Spark.Environments.WebShop;

/// <summary>
/// CPython's <c>random.Random</c> (MT19937) for the few calls WebShop's goal code makes:
/// <c>seed(int)</c>, <c>random()</c>, <c>uniform</c>, <c>sample</c> and <c>shuffle</c>. WebShop fixes its goal
/// order with <c>random.seed(233); random.shuffle(goals)</c>; reproducing that order needs the same generator,
/// bit for bit, which no .NET package offers. Checked against CPython 3.11 outputs in the tests.
/// </summary>
public sealed class PythonRandom
{
    const int N = 624, M = 397;
    readonly uint[] _mt = new uint[N];
    int _index = N + 1;

    /// <summary><c>random.seed(seed)</c> for a non-negative integer seed (CPython's <c>init_by_array</c> of its 32-bit words).</summary>
    public PythonRandom(ulong seed)
    {
        var key = new List<uint>();
        do { key.Add((uint)seed); seed >>= 32; } while (seed != 0);
        InitByArray(key);
    }

    void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < N; i++)
            _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _index = N;
    }

    void InitByArray(List<uint> key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Count); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Count) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
    }

    uint NextUInt32()
    {
        if (_index >= N)
        {
            for (int k = 0; k < N; k++)
            {
                uint y = (_mt[k] & 0x80000000u) | (_mt[(k + 1) % N] & 0x7fffffffu);
                _mt[k] = _mt[(k + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
            }
            _index = 0;
        }
        uint x = _mt[_index++];
        x ^= x >> 11;
        x ^= (x << 7) & 0x9d2c5680u;
        x ^= (x << 15) & 0xefc60000u;
        x ^= x >> 18;
        return x;
    }

    /// <summary><c>random.getrandbits(k)</c> for 1 ≤ k ≤ 32.</summary>
    public uint GetRandBits(int k)
    {
        if (k is < 1 or > 32) throw new ArgumentOutOfRangeException(nameof(k));
        return NextUInt32() >> (32 - k);
    }

    /// <summary><c>random.random()</c>: 53 random bits in [0, 1).</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary><c>random.uniform(a, b)</c>.</summary>
    public double Uniform(double a, double b) => a + (b - a) * NextDouble();

    /// <summary><c>random._randbelow(n)</c>: rejection sampling on bit_length(n) bits.</summary>
    public int RandBelow(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        int k = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n);
        uint r = GetRandBits(k);
        while (r >= (uint)n) r = GetRandBits(k);
        return (int)r;
    }

    /// <summary><c>random.shuffle(x)</c> (Fisher–Yates from the end, as CPython 3.11).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = RandBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>random.sample(population, k)</c> for small populations (CPython's pool branch).</summary>
    public List<T> Sample<T>(IReadOnlyList<T> population, int k)
    {
        int n = population.Count;
        if (k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k));
        // CPython switches to a set-based method when n > setsize; WebShop only samples from 4 prices.
        int setSize = 21 + (k > 5 ? (int)Math.Pow(4, Math.Ceiling(Math.Log(k * 3, 4))) : 0);
        if (n > setSize) throw new NotSupportedException("only CPython's pool branch of sample() is reproduced");
        var pool = population.ToList();
        var result = new List<T>(k);
        for (int i = 0; i < k; i++)
        {
            int j = RandBelow(n - i);
            result.Add(pool[j]);
            pool[j] = pool[n - i - 1];
        }
        return result;
    }
}
