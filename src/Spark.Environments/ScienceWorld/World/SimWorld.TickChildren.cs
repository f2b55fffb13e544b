using System.Numerics;

namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// Every object's children other than terminals, in id order, in one dense array kept up to date by
/// <see cref="AddChild"/> and <see cref="Detach"/>: the list the tick walks for each object. Following the
/// linked list instead reads each child's record, and for most objects their two terminals' records, one
/// dependent load after the other; here an object without contents costs one read of <see cref="_kidStart"/>.
/// </summary>
internal sealed partial class SimWorld
{
    /// <summary>The children of object i are <c>_kids[_kidStart[i] .. _kidStart[i + 1]]</c>; ids past the last
    /// object all start at <see cref="_kidCount"/>.</summary>
    int[] _kids;
    int[] _kidStart;
    int _kidCount;

    /// <summary>The children of <paramref name="id"/> other than terminals, in id order. Read-only; valid until
    /// the next change of containment.</summary>
    public ReadOnlySpan<int> TickChildren(int id)
    {
        int start = _kidStart[id];
        return _kids.AsSpan(start, _kidStart[id + 1] - start);
    }

    public bool HasTickChildren(int id) => _kidStart[id + 1] != _kidStart[id];

    void CopyTickChildren(SimWorld other)
    {
        if (_kids.Length < other._kidCount) _kids = new int[other._kids.Length];
        if (_kidStart.Length < other._count + 1) _kidStart = new int[other._count + 1 + CloneHeadroom];
        Array.Copy(other._kids, _kids, other._kidCount);
        Array.Copy(other._kidStart, _kidStart, other._count + 1);
        _kidCount = other._kidCount;
    }

    /// <summary>A new object (id <see cref="_count"/> − 1) has no children yet.</summary>
    void TickChildrenAllocated(int id)
    {
        if (_kidStart.Length < id + 2) Array.Resize(ref _kidStart, 2 * _kidStart.Length);
        _kidStart[id + 1] = _kidCount;
    }

    void TickChildAdded(int parent, int child)
    {
        if (KindFacts.IsTerminal(_objects[child].Kind)) return;
        if (_kidCount == _kids.Length) Array.Resize(ref _kids, 2 * _kids.Length);
        int at = _kidStart[parent], end = _kidStart[parent + 1];
        while (at < end && _kids[at] < child) at++;
        Array.Copy(_kids, at, _kids, at + 1, _kidCount - at);
        _kids[at] = child;
        _kidCount++;
        Shift(_kidStart.AsSpan(parent + 1, _count - parent), 1);
    }

    void TickChildRemoved(int parent, int child)
    {
        if (KindFacts.IsTerminal(_objects[child].Kind)) return;
        int at = _kidStart[parent], end = _kidStart[parent + 1];
        while (at < end && _kids[at] != child) at++;
        if (at == end) return;
        Array.Copy(_kids, at + 1, _kids, at, _kidCount - at - 1);
        _kidCount--;
        Shift(_kidStart.AsSpan(parent + 1, _count - parent), -1);
    }

    static void Shift(Span<int> starts, int delta)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var add = new Vector<int>(delta);
            for (; i + Vector<int>.Count <= starts.Length; i += Vector<int>.Count)
                (new Vector<int>(starts[i..]) + add).CopyTo(starts[i..]);
        }
        for (; i < starts.Length; i++) starts[i] += delta;
    }
}
