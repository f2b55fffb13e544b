namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// A set of object ids without hashing: an id is in the set when its stamp equals the current generation,
/// so clearing is one increment. The visibility walks run on every parse; a HashSet there dominated the cost.
/// </summary>
internal sealed class IdSet
{
    [ThreadStatic] static IdSet? t_pooled;
    int[] _stamps;
    int _generation = 1;

    public IdSet(int capacity) => _stamps = new int[Math.Max(capacity, 16)];

    /// <summary>The calling thread's reusable set, emptied. Hold it only for one walk: the next call empties it.</summary>
    public static IdSet Rent(int capacity)
    {
        var set = t_pooled ??= new IdSet(capacity);
        set.Clear(capacity);
        return set;
    }

    public void Clear(int capacity)
    {
        if (_stamps.Length < capacity) _stamps = new int[Math.Max(capacity, 2 * _stamps.Length)];
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    public bool Contains(int id) => (uint)id < (uint)_stamps.Length && _stamps[id] == _generation;

    /// <summary>Writes the members below <paramref name="count"/> into <paramref name="output"/> (at least
    /// <paramref name="count"/> long) in increasing order; returns how many. Without a branch per id: members and
    /// non-members alternate unpredictably, and a mispredicted branch costs more than the write.</summary>
    public int MembersInOrder(int count, Span<int> output)
    {
        var stamps = _stamps.AsSpan(0, Math.Min(count, _stamps.Length));
        int n = 0;
        for (int id = 0; id < stamps.Length; id++)
        {
            output[n] = id;
            n += stamps[id] == _generation ? 1 : 0;
        }
        return n;
    }

    /// <summary>Adds an id; false when it was already there.</summary>
    public bool Add(int id)
    {
        if ((uint)id >= (uint)_stamps.Length) Array.Resize(ref _stamps, Math.Max(id + 1, 2 * _stamps.Length));
        if (_stamps[id] == _generation) return false;
        _stamps[id] = _generation;
        return true;
    }
}
