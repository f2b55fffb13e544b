namespace Spark.Environments.ScienceWorld.World;

/// <summary>Which of the original's simplifications are on.</summary>
[Flags]
internal enum Simplifications
{
    None = 0,
    TeleportAction = 1,
    OpenDoors = 2,
    SelfWateringFlowerPots = 4,
    NoElectricalAction = 8,
    OpenContainers = 16,
}

/// <summary>Per-object text that never changes (picture subjects, book titles).</summary>
internal sealed record ObjectText(string Text1, string Text2, string Text3 = "");

/// <summary>
/// The parts of a world that never change after it is built: materials, which portals each location has,
/// species and texts. Clones share one instance, so cloning copies only mutable object state.
/// </summary>
internal sealed class WorldShared
{
    public List<Material> Materials { get; } = [];
    public List<ObjectText> Texts { get; } = [];
    public List<Species> Species { get; } = [];
    /// <summary>Portal ids by the id of the object they are attached to (locations for doors, sinks for drains):
    /// object i's are <c>_portalIds[_portalStart[i] .. _portalStart[i + 1]]</c>, in id order. Two dense arrays
    /// rather than one small array per object: the tick looks up every room's on every tick, and each small
    /// array was one more cache miss.</summary>
    int[] _portalStart = [0];
    int[] _portalIds = [];
    public Simplifications Simplifications { get; set; }

    MaterialPhysics[] _physics = new MaterialPhysics[16];

    /// <summary>Clones of one world share the material and species tables and may run on different threads, so
    /// additions are serialised (the tables only grow; indices never change).</summary>
    readonly Lock _materialsLock = new();
    readonly Dictionary<Material, int> _materialIds = [];

    /// <summary>The index of a material, added on first use.</summary>
    public int MaterialId(Material m)
    {
        lock (_materialsLock)
        {
            for (int k = 0; k < Materials.Count; k++)
                if (ReferenceEquals(Materials[k], m)) return k;
            // A record equal to a listed one (mixing builds a new record each time) gets that one's index, as a
            // List.IndexOf by value would; the dictionary holds each value once, at its first (only) index.
            if (_materialIds.TryGetValue(m, out int i)) return i;
            _physics = WithValue(_physics, Materials.Count, new MaterialPhysics(m));
            Materials.Add(m);
            _materialIds.Add(m, Materials.Count - 1);
            return Materials.Count - 1;
        }
    }

    /// <summary>The values the tick reads of every material, by material id (<see cref="SimWorld.Physics"/> keeps a
    /// reference to it). Replaced by a larger copy when it fills up, never shrunk.</summary>
    public MaterialPhysics[] PhysicsTable => _physics;

    /// <summary>Sets a per-material value; a full array is replaced by a larger copy, so readers on other threads
    /// always see a complete one.</summary>
    static MaterialPhysics[] WithValue(MaterialPhysics[] values, int index, MaterialPhysics value)
    {
        if (index < values.Length)
        {
            values[index] = value;
            return values;
        }
        var grown = new MaterialPhysics[2 * values.Length];
        values.CopyTo(grown, 0);
        grown[index] = value;
        return grown;
    }

    public int SpeciesId(Species s)
    {
        lock (_materialsLock)
        {
            int i = Species.IndexOf(s);
            if (i >= 0) return i;
            Species.Add(s);
            return Species.Count - 1;
        }
    }

    /// <summary>The portals (doors, drains) attached to an object, in id order.</summary>
    public ReadOnlySpan<int> PortalsOf(int id)
    {
        if ((uint)id >= (uint)(_portalStart.Length - 1)) return [];
        int start = _portalStart[id];
        return _portalIds.AsSpan(start, _portalStart[id + 1] - start);
    }

    /// <summary>Every portal, by the objects it is attached to (a door appears once for each of its two rooms).</summary>
    public ReadOnlySpan<int> AllPortals => _portalIds;

    /// <summary>Attaches a portal to an object (world building only: the house's doors never change).</summary>
    public void AddPortal(int attachedTo, int portal)
    {
        var starts = _portalStart;
        if (attachedTo + 1 >= starts.Length)
        {
            // Objects past the end have no portals: their starts are all the end of the ids.
            int old = starts.Length;
            Array.Resize(ref starts, Math.Max(attachedTo + 2, 2 * old));
            starts.AsSpan(old).Fill(starts[old - 1]);
        }
        int at = starts[attachedTo], end = starts[attachedTo + 1];
        while (at < end && _portalIds[at] < portal) at++;
        _portalIds = [.. _portalIds.AsSpan(0, at), portal, .. _portalIds.AsSpan(at)];
        for (int i = attachedTo + 1; i < starts.Length; i++) starts[i]++;
        _portalStart = starts;
    }

    /// <summary>Names-with-containers per object id, shared by every clone of this world: entries are immutable
    /// and checked against the asking world's referent sets, so a stale or foreign entry is just rebuilt.</summary>
    Actions.ContainedNames?[] _names = new Actions.ContainedNames?[512];

    public Actions.ContainedNames? CachedNames(int id)
    {
        var names = _names;
        return (uint)id < (uint)names.Length ? names[id] : null;
    }

    public void CacheNames(int id, Actions.ContainedNames entry)
    {
        var names = _names;
        if (id >= names.Length)
        {
            Array.Resize(ref names, Math.Max(id + 1, 2 * names.Length));
            _names = names;
        }
        names[id] = entry;
    }

    public bool Has(Simplifications s) => (Simplifications & s) != 0;
}
