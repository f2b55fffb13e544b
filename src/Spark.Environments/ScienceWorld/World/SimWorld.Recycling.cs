namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// Water that plants drink is recycled. With self-watering pots every adult plant drinks its pot's water each
/// tick and the pot refills it, so the original creates a new water object (and its two hidden terminals)
/// per pot per tick. Ids are never reused otherwise, so a long episode would grow the object array by
/// thousands of dead entries and make every clone slower. A refill instead revives the last drunk water,
/// reset to a new object's state; it keeps its old id, which only matters for the order among several
/// same-named objects in one pot. Water the agent focuses on is never revived.
/// </summary>
internal sealed partial class SimWorld
{
    int[] _drunk = [];
    int _drunkCount;

    /// <summary>A plant drinks <paramref name="water"/>: deleted as in the original, kept for reuse.</summary>
    public void Drink(int water)
    {
        Delete(water);
        if (_objects[water].Kind != Kind.Water) return;
        if (_drunkCount == _drunk.Length) Array.Resize(ref _drunk, Math.Max(4, 2 * _drunk.Length));
        _drunk[_drunkCount++] = water;
    }

    /// <summary>New water, from the drunk pool when possible (fresh state, not in any container).</summary>
    public int NewWater(Material water, ObjFlags flags)
    {
        for (int i = _drunkCount - 1; i >= 0; i--)
        {
            int id = _drunk[i];
            if (id == Focus) continue;
            _drunk[i] = _drunk[--_drunkCount];
            Revive(id, water, flags);
            return id;
        }
        return Create(Kind.Water, water.SubstanceName, flags, water);
    }

    void Revive(int id, Material material, ObjFlags flags)
    {
        ref var o = ref _objects[id];
        int firstChild = o.FirstChild;
        o = default;
        o.Parent = o.Next = o.Owner = o.Link = -1;
        o.FirstChild = firstChild; // its two hidden terminals, still attached
        o.Kind = Kind.Water;
        o.Flags = flags;
        o.Name = material.SubstanceName;
        o.Voltage = -1;
        o.Data = -1;
        SetMaterial(id, material);
        for (int c = firstChild; c >= 0; c = _objects[c].Next)
        {
            _objects[c].Voltage = -1;
            MarkStale(c);
        }
        MarkStale(id);
        PortalEndRenamed(id);
    }

    void CopyRecycling(SimWorld other)
    {
        if (_drunk.Length < other._drunkCount) _drunk = new int[other._drunkCount];
        Array.Copy(other._drunk, _drunk, other._drunkCount);
        _drunkCount = other._drunkCount;
    }
}
