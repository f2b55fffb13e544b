using Spark.Environments.ScienceWorld.Objects;

namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// The object tree of one ScienceWorld episode: every object's state in one array (ids are the original's
/// uuid order), plus the few global counters. <see cref="Clone"/> copies the array; everything immutable
/// lives in <see cref="Shared"/>.
/// </summary>
internal sealed partial class SimWorld
{
    const int CloneHeadroom = 32;
    ObjectState[] _objects;
    int _count;
    /// <summary>Cached referents per object (null = stale). Immutable, so clones share them.</summary>
    RefSet?[] _referents;
    /// <summary><see cref="RefSet.Openings"/> of each cached referent set, <see cref="RefSet.OpeningWords"/> words per
    /// object in one dense array: the parser tests every reachable object against the input's opening, and
    /// reading the sets themselves costs cache misses.</summary>
    ulong[] _openings;

    public WorldShared Shared { get; }
    /// <summary><see cref="WorldShared.PhysicsTable"/> as last read: the tick reads it for every object, and one
    /// indirection less matters there. A material added since is past its end and makes it read again.</summary>
    MaterialPhysics[] _physics = [];
    public int Universe { get; private set; } = -1;
    public int Agent { get; set; } = -1;
    public int Inventory { get; set; } = -1;
    /// <summary>Universe ticks so far (the original's <c>curIter</c>, "moves").</summary>
    public int Ticks { get; set; }
    /// <summary>Remaining extra ticks of a wait action.</summary>
    public int WaitCounter { get; set; }
    /// <summary>The object the agent focused on (the original's one-object monitor), −1 none.</summary>
    public int Focus { get; set; } = -1;
    /// <summary>Counts changes of containment and containers opening or closing (<see cref="SetOpen"/>), so that
    /// walks over what can be reached can be reused while it stands still.</summary>
    public int StructureVersion { get; private set; }
    /// <summary>Counts the changes that can change what a walk from the universe through open containers reaches
    /// (the parser's objects for <c>teleport</c>): as <see cref="StructureVersion"/>, except that moving an object
    /// between two open containers directly in the universe (the agent going from room to room) leaves it.</summary>
    public int ReachVersion { get; private set; }
    /// <summary>The ids <c>Visibility.ForOracle</c> found at <see cref="_oracleVersion"/> (read-only, shared with
    /// copies): a copy of a task's start state inherits the walk taken on it, so an episode's first teleport
    /// after a reset does not walk the world again.</summary>
    int[]? _oracleWalk;
    int _oracleVersion = -1;
    /// <summary>State of the small generator bees use to choose where to fly (deterministic per episode).</summary>
    public ulong BeeRandom { get; set; }

    public SimWorld(WorldShared shared, int capacity = 512)
    {
        Shared = shared;
        _objects = new ObjectState[capacity];
        _referents = new RefSet?[capacity];
        _openings = new ulong[capacity * RefSet.OpeningWords];
        _kids = new int[capacity];
        _kidStart = new int[capacity + 1];
    }

    SimWorld(SimWorld other)
    {
        Shared = other.Shared;
        // Room for the few objects an episode creates (water, ash, pollen) before the arrays must grow.
        int capacity = other._count + CloneHeadroom;
        _objects = new ObjectState[capacity];
        _referents = new RefSet?[capacity];
        _openings = new ulong[capacity * RefSet.OpeningWords];
        _kids = new int[Math.Max(capacity, other._kidCount)];
        _kidStart = new int[capacity + 1];
        CopyFrom(other);
    }

    public SimWorld Clone() => new(this);

    /// <summary>Makes this world a copy of <paramref name="other"/> (a clone of the same world), reusing this
    /// one's arrays when they are large enough: a reset then allocates nothing.</summary>
    public void CopyFrom(SimWorld other)
    {
        if (!ReferenceEquals(Shared, other.Shared)) throw new ArgumentException("Worlds of different tasks.", nameof(other));
        if (_objects.Length < other._count)
        {
            _objects = new ObjectState[other._count + CloneHeadroom];
            _referents = new RefSet?[other._count + CloneHeadroom];
            _openings = new ulong[(other._count + CloneHeadroom) * RefSet.OpeningWords];
        }
        Array.Copy(other._objects, _objects, other._count);
        Array.Copy(other._referents, _referents, other._count);
        Array.Copy(other._openings, _openings, other._count * RefSet.OpeningWords);
        CopyTickChildren(other);
        _count = other._count;
        Universe = other.Universe;
        Agent = other.Agent;
        Inventory = other.Inventory;
        Ticks = other.Ticks;
        WaitCounter = other.WaitCounter;
        Focus = other.Focus;
        BeeRandom = other.BeeRandom;
        // Past any version this world had: walks cached against this world by version must not match the copy.
        StructureVersion = Math.Max(StructureVersion, other.StructureVersion) + 1;
        ReachVersion = Math.Max(ReachVersion, other.ReachVersion) + 1;
        _oracleWalk = other._oracleWalk;
        _oracleVersion = other.OracleWalk != null ? ReachVersion : -1;
        CopyRecycling(other);
    }

    public int Count => _count;

    /// <summary>The whole-world walk remembered by <see cref="RememberOracleWalk"/>, or null when the world's
    /// reach (<see cref="ReachVersion"/>) has changed since.</summary>
    public int[]? OracleWalk => _oracleVersion == ReachVersion ? _oracleWalk : null;

    public void RememberOracleWalk(int[] ids)
    {
        _oracleWalk = ids;
        _oracleVersion = ReachVersion;
    }

    public ref ObjectState this[int id] => ref _objects[id];

    /// <summary>Every object's record, by id, for loops that read many: through a local span the JIT keeps the
    /// array in a register, through the indexer it reloads it after every store.</summary>
    public Span<ObjectState> Objects => _objects.AsSpan(0, _count);

    public Kind KindOf(int id) => _objects[id].Kind;
    public string NameOf(int id) => _objects[id].Name;
    public int ParentOf(int id) => _objects[id].Parent;
    public bool Has(int id, ObjFlags f) => _objects[id].Has(f);
    public bool IsHidden(int id) => _objects[id].Has(ObjFlags.Hidden);
    public bool HasMaterial(int id) => _objects[id].Material >= 0;

    /// <summary>The tick's numbers of material <paramref name="material"/> (an object's <see cref="ObjectState.Material"/>).</summary>
    public ref readonly MaterialPhysics Physics(int material)
    {
        var table = _physics;
        if ((uint)material >= (uint)table.Length) table = RereadPhysics();
        return ref table[material];
    }

    MaterialPhysics[] RereadPhysics() => _physics = Shared.PhysicsTable;
    public Material MaterialOf(int id) => Shared.Materials[_objects[id].Material];
    public bool IsOpenContainer(int id) => _objects[id].Has(ObjFlags.Container) && _objects[id].Has(ObjFlags.Open);

    /// <summary>Creates an object. Objects other than terminals and polarized components get two hidden
    /// terminals first, exactly as the original's constructor does (so their ids precede the owner's).</summary>
    public int Create(Kind kind, string name, ObjFlags flags = ObjFlags.Movable, Material? material = null)
    {
        int t1 = -1, t2 = -1;
        if (!KindFacts.HasNoTerminals(kind))
        {
            t1 = Allocate(Kind.Terminal, "terminal 1", ObjFlags.Hidden, null);
            t2 = Allocate(Kind.Terminal, "terminal 2", ObjFlags.Hidden, null);
        }
        int id = Allocate(kind, name, flags, material);
        if (t1 >= 0)
        {
            _objects[t1].Owner = id;
            _objects[t2].Owner = id;
            AddChild(id, t1);
            AddChild(id, t2);
        }
        if (kind == Kind.Universe) Universe = id;
        return id;
    }

    /// <summary>Adds a terminal (anode, cathode, or a wire's visible terminal) to a component.</summary>
    public int CreateTerminal(int owner, Kind kind, string name)
    {
        int id = Allocate(kind, name, ObjFlags.None, null);
        _objects[id].Owner = owner;
        AddChild(owner, id);
        return id;
    }

    int Allocate(Kind kind, string name, ObjFlags flags, Material? material)
    {
        if (_count == _objects.Length)
        {
            Array.Resize(ref _objects, _objects.Length * 2);
            Array.Resize(ref _referents, _referents.Length * 2);
            Array.Resize(ref _openings, _openings.Length * 2);
        }
        int id = _count++;
        TickChildrenAllocated(id);
        // A reused array (see CopyFrom) may still hold the referents of an object that had this id before.
        MarkStale(id);
        ref var o = ref _objects[id];
        o = default;
        o.Parent = o.FirstChild = o.Next = o.Owner = o.Link = -1;
        o.Kind = kind;
        o.Flags = flags;
        o.Name = name;
        o.Voltage = -1;
        o.Material = -1;
        o.Data = -1;
        if (material != null) SetMaterial(id, material);
        return id;
    }

    public void SetMaterial(int id, Material material)
    {
        ref var o = ref _objects[id];
        o.Material = (short)Shared.MaterialId(material);
        o.Temperature = material.Temperature;
        o.State = material.InitialState;
        o.CombustionTicks = (short)material.CombustionTicks;
        o.Set(ObjFlags.Combusted, material.HasCombusted);
    }

    /// <summary>Opens or closes a container or portal. Every change of <see cref="ObjFlags.Open"/> goes through
    /// here: what the parser can reach depends on it, and is cached against <see cref="StructureVersion"/>.</summary>
    public void SetOpen(int id, bool open)
    {
        // The toilet closes its drain on every tick: only a real change may invalidate the cached walks.
        if (_objects[id].Has(ObjFlags.Open) == open) return;
        _objects[id].Set(ObjFlags.Open, open);
        StructureVersion++;
        ReachVersion++;
    }

    public void Rename(int id, string name)
    {
        if (_objects[id].Name == name) return;
        _objects[id].Name = name;
        Touch(id);
        TerminalOwnerRenamed(id);
        PortalEndRenamed(id);
    }

    /// <summary>A terminal is named after its owner ("steam terminal 1", "terminal 1 on steam"; the original asks
    /// its owner's name whenever it lists them): when the owner is renamed, its terminals' cached referents (and
    /// their place in the shared sets, keyed by the owner's name) must be looked up again. Terminals are children
    /// of their owner.</summary>
    void TerminalOwnerRenamed(int id)
    {
        for (int c = _objects[id].FirstChild; c >= 0; c = _objects[c].Next)
            if (KindFacts.IsTerminal(_objects[c].Kind) && _objects[c].Owner == id) MarkStale(c);
    }

    /// <summary>A portal's opening mask is built from the names of its two ends (<see cref="CacheReferents"/>):
    /// when one is renamed, the mask is made to admit everything until it is built again.</summary>
    void PortalEndRenamed(int id)
    {
        foreach (int portal in Shared.AllPortals)
            if (_objects[portal].Owner == id || _objects[portal].Link == id) MarkStale(portal);
    }

    /// <summary>Marks an object's referents (and its container's content referents) stale.</summary>
    public void Touch(int id)
    {
        MarkStale(id);
        ContentsChanged(_objects[id].Parent);
    }

    /// <summary>Marks the referents of a container that names its contents stale (others do not depend on them).</summary>
    void ContentsChanged(int container)
    {
        if (container >= 0 && KindFacts.IsNamedByContents(_objects[container].Kind)) MarkStale(container);
    }

    public RefSet? CachedReferents(int id) => _referents[id];
    public void CacheReferents(int id, RefSet referents)
    {
        _referents[id] = referents;
        var openings = _openings.AsSpan(id * RefSet.OpeningWords, RefSet.OpeningWords);
        // A portal's names depend on where the agent stands: its mask admits its names from every side.
        if (KindFacts.IsPortal(_objects[id].Kind)) Actions.InputParser.PortalOpenings(this, id).CopyTo(openings);
        else referents.Openings.CopyTo(openings);
    }

    /// <summary>A stale object may be named anything until its referents are built again.</summary>
    void MarkStale(int id)
    {
        _referents[id] = null;
        _openings.AsSpan(id * RefSet.OpeningWords, RefSet.OpeningWords).Fill(ulong.MaxValue);
    }

    /// <summary>False only when the object is no portal, its referents are cached and none of them opens as
    /// <paramref name="openingBit"/> (<see cref="RefSet.OpeningBit"/>); one array read.</summary>
    public bool MayHaveReferentOpening(int id, int openingBit) =>
        openingBit < 0 || (_openings[id * RefSet.OpeningWords + (openingBit >> 6)] & (1ul << openingBit)) != 0;
}
