namespace Spark.Environments.Alfworld.World;

/// <summary>The PDDL facts an action can change on an object (isClean, isHot, isCool, isSliced, isToggled).</summary>
[Flags]
internal enum ObjectFlags : byte
{
    None = 0,
    Clean = 1,
    Hot = 2,
    Cool = 4,
    Sliced = 8,
    Toggled = 16,
}

/// <summary>
/// Everything that changes during an episode, in a few small arrays so that a copy is a handful of
/// memcpy's. Indices refer to <see cref="WorldLayout"/>'s receptacle and object lists.
/// </summary>
internal sealed class WorldState
{
    /// <summary>Marks an object the agent holds in <see cref="ObjectAt"/>, and "no receptacle" for <see cref="Agent"/>.</summary>
    public const short Nowhere = -1;

    /// <summary>The receptacle each object is in, or <see cref="Nowhere"/> while held.</summary>
    public short[] ObjectAt { get; }
    public ObjectFlags[] Flags { get; }

    /// <summary>One bit per receptacle: opened.</summary>
    public ulong Opened { get; set; }

    /// <summary>The receptacle the agent stands at, or <see cref="Nowhere"/> in the middle of the room.</summary>
    public short Agent { get; set; } = Nowhere;

    /// <summary>The held object, or <see cref="Nowhere"/>.</summary>
    public short Held { get; set; } = Nowhere;

    public WorldState(short[] objectAt, ObjectFlags[] flags)
    {
        ObjectAt = objectAt;
        Flags = flags;
    }

    public bool IsOpen(int receptacle) => (Opened & (1UL << receptacle)) != 0;

    public WorldState Copy() => new((short[])ObjectAt.Clone(), (ObjectFlags[])Flags.Clone())
    {
        Opened = Opened,
        Agent = Agent,
        Held = Held,
    };

    /// <summary>True when both states hold the same facts.</summary>
    public bool SameAs(WorldState other) =>
        Opened == other.Opened && Agent == other.Agent && Held == other.Held
        && ObjectAt.AsSpan().SequenceEqual(other.ObjectAt) && Flags.AsSpan().SequenceEqual(other.Flags);
}
