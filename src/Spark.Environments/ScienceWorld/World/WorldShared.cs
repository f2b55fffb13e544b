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
    public Dictionary<int, int[]> Portals { get; } = [];
    public Simplifications Simplifications { get; set; }

    public int MaterialId(Material m)
    {
        int i = Materials.IndexOf(m);
        if (i >= 0) return i;
        Materials.Add(m);
        return Materials.Count - 1;
    }

    public int SpeciesId(Species s)
    {
        int i = Species.IndexOf(s);
        if (i >= 0) return i;
        Species.Add(s);
        return Species.Count - 1;
    }

    public bool Has(Simplifications s) => (Simplifications & s) != 0;
}
