namespace Spark.Environments.ScienceWorld.World;

[Flags]
internal enum ObjFlags : uint
{
    None = 0,
    Hidden = 1 << 0,
    Deleted = 1 << 1,
    /// <summary>Has container properties at all (the original's <c>propContainer.isDefined</c>).</summary>
    Container = 1 << 2,
    /// <summary>Holds things (<c>isContainer</c>); false for tools such as the thermometer ("IsNotContainer").</summary>
    Holds = 1 << 3,
    /// <summary>Set only through <c>SimWorld.SetOpen</c> (the parser caches what it can reach).</summary>
    Open = 1 << 4,
    Closable = 1 << 5,
    Movable = 1 << 6,
    Activated = 1 << 7,
    Broken = 1 << 8,
    Combusting = 1 << 9,
    Combusted = 1 << 10,
    Dead = 1 << 11,
    Sickly = 1 << 12,
    Edible = 1 << 13,
    /// <summary>Has device properties (<c>propDevice.isDefined</c>).</summary>
    Device = 1 << 14,
    Activable = 1 << 15,
    Usable = 1 << 16,
    /// <summary>Doors or drains are attached (<see cref="WorldShared.PortalsOf"/>); set by <c>SimWorld.AddPortal</c>
    /// so that the tick skips the lookup for the other objects.</summary>
    HasPortals = 1 << 17,
    /// <summary>The tick has powered one of this object's two unpolarized terminals since they were last
    /// reset; while clear, both hold <c>Electrical.None</c>, the voltage they are created with.</summary>
    TerminalsPowered = 1 << 18,
}

/// <summary>
/// The mutable state of one object. Objects live in one array per world, so cloning a world copies one
/// array of these (no object graph). Children form a singly linked list ordered by id, which is the
/// original's uuid order.
/// </summary>
internal struct ObjectState
{
    // Fields are ordered by size so that the struct packs into 64 bytes: the tick walks every object.
    public double Temperature;
    public int Parent;
    public int FirstChild;
    public int Next;
    /// <summary>Terminals: the object they belong to. Doors and drains: the "from" side.</summary>
    public int Owner;
    /// <summary>Terminals: the terminal they are connected to (−1 none). Doors and drains: the "to" side.</summary>
    public int Link;
    public ObjFlags Flags;
    int _name;

    /// <summary>Stored as an index into <see cref="NameTable"/>, so the struct holds no references: cloning a
    /// world is a plain memory copy and the collector never scans the object arrays.</summary>
    public string Name
    {
        readonly get => NameTable.Get(_name);
        set => _name = NameTable.Intern(value);
    }
    /// <summary>The name's index in <see cref="NameTable"/>.</summary>
    public readonly int NameId => _name;
    /// <summary>Kind-specific counter: stopwatch ticks, toilet flush stage, flower pollination step, ...</summary>
    public int Counter;
    /// <summary>The universe tick that last processed this object (the original's <c>tickCompleted</c>).</summary>
    public int TickStamp;
    /// <summary>Kind-specific reference: a flower's or pollen's plant, an animal's species, a picture's text, ...</summary>
    public int Data;
    /// <summary>Index into the world's material table, −1 when the object has no material.</summary>
    public short Material;
    public short CombustionTicks;
    /// <summary>Life cycle: ticks meeting the current stage's criteria (<see cref="Stage"/> is its index).</summary>
    public short StageTicks;
    public short NoWaterTicks;
    public Kind Kind;
    public Matter State;
    public byte Stage;
    public byte NoSoilTicks;
    public byte OutOfTemperatureTicks;
    /// <summary>Terminal voltage: −1 none, otherwise volts (0 ground, 9 generator).</summary>
    public sbyte Voltage;

    public readonly bool Has(ObjFlags f) => (Flags & f) != 0;
    public void Set(ObjFlags f, bool on) => Flags = on ? Flags | f : Flags & ~f;
}
