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
    /// <summary>Portal ids by the id of the object they are attached to (locations for doors, sinks for drains).</summary>
    int[]?[] _portals = new int[]?[64];
    public Simplifications Simplifications { get; set; }

    double[] _conductivity = new double[16];

    public int MaterialId(Material m)
    {
        int i = Materials.IndexOf(m);
        if (i >= 0) return i;
        Materials.Add(m);
        if (Materials.Count > _conductivity.Length) Array.Resize(ref _conductivity, 2 * _conductivity.Length);
        _conductivity[Materials.Count - 1] = m.ThermalConductivity;
        return Materials.Count - 1;
    }

    /// <summary>The thermal conductivity of material <paramref name="id"/> (heat exchange reads it for every pair).</summary>
    public double Conductivity(int id) => _conductivity[id];

    public int SpeciesId(Species s)
    {
        int i = Species.IndexOf(s);
        if (i >= 0) return i;
        Species.Add(s);
        return Species.Count - 1;
    }

    /// <summary>The portals (doors, drains) attached to an object, in id order; indexed by id for the tick's sake.</summary>
    public int[] PortalsOf(int id) => (uint)id < (uint)_portals.Length ? _portals[id] ?? [] : [];

    /// <summary>Attaches a portal to an object (world building only: the house's doors never change).</summary>
    public void AddPortal(int attachedTo, int portal)
    {
        if (attachedTo >= _portals.Length) Array.Resize(ref _portals, Math.Max(attachedTo + 1, _portals.Length * 2));
        var list = new List<int>(PortalsOf(attachedTo)) { portal };
        list.Sort();
        _portals[attachedTo] = [.. list];
    }

    public bool Has(Simplifications s) => (Simplifications & s) != 0;
}
