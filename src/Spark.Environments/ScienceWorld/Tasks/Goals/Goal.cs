using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks.Goals;

internal enum GoalResult : byte { Unsuccessful, Success, Failure }

/// <summary>What a goal may look at: the world, the sequence's progress, and its own scratch slot.</summary>
internal readonly struct GoalContext(SimWorld world, GoalState state, int slot)
{
    public SimWorld World { get; } = world;
    public GoalState State { get; } = state;
    public int Slot { get; } = slot;

    /// <summary>Per-goal memory (a starting room, an initial temperature, a tick count), NaN when unset.</summary>
    public double Scratch
    {
        get => State.Scratch[Slot];
        set => State.Scratch[Slot] = value;
    }

    public int AgentLocation => World.AgentLocation;

    /// <summary>Records the object the goal was satisfied with (the original's <c>satisfiedWithObject</c>).</summary>
    public GoalResult SatisfiedWith(int obj)
    {
        State.SatisfiedWith[Slot] = obj;
        return GoalResult.Success;
    }

    /// <summary>True unless an earlier goal was satisfied with a different object.</summary>
    public bool SameAsLast(int obj) => State.LastSatisfied < 0 || State.LastSatisfied == obj;
}

/// <summary>
/// One subgoal (the original's <c>Goal</c>). Ordered goals are checked against the focused object; unordered
/// ones first without an object, then with it. Immutable: per-episode memory lives in <see cref="GoalState"/>.
/// </summary>
internal abstract class Goal(string description)
{
    public string Description { get; } = description;
    public bool IsOptional { get; init; }
    public bool DefocusOnSuccess { get; init; }
    public string Key { get; init; } = "";
    public string[] Prerequisites { get; init; } = [];

    /// <summary>Evaluates the goal; <paramref name="obj"/> is the focused object, or −1.</summary>
    public abstract GoalResult Evaluate(GoalContext ctx, int obj);

    protected static GoalResult Result(bool ok) => ok ? GoalResult.Success : GoalResult.Unsuccessful;

    /// <summary>Name match as the goals test it: the object's name or its descriptive name, case-insensitive.
    /// Goals test every visible object on every check, so the plain name is compared by interned upper-case ids
    /// (no string is read), and the descriptive name only where it can differ from the plain one.</summary>
    protected static bool Named(SimWorld w, int id, GoalName name)
    {
        ref var o = ref w[id];
        int mine = NameTable.AsciiUpperId(o.NameId);
        bool plain = mine >= 0 && name.UpperId >= 0 ? mine == name.UpperId : string.Equals(o.Name, name.Text, StringComparison.OrdinalIgnoreCase);
        if (plain) return true;
        // Names.DescriptIs compares the plain name once more for the other kinds when not burning or burned.
        if (o.Kind is not (Kind.Door or Kind.Drain or Kind.Animal) && !o.Has(ObjFlags.Combusting) && !o.Has(ObjFlags.Combusted)) return false;
        return Objects.Names.DescriptIs(w, id, name.Text);
    }

    /// <summary>The object's name or descriptive name is one of <paramref name="names"/> (exact case, as the original's list test).</summary>
    protected static bool NamedAny(SimWorld w, int id, string[] names)
    {
        foreach (var n in names)
            if (w.NameOf(id) == n || (Objects.Names.DescriptIs(w, id, n) && Objects.Names.Descript(w, id) == n)) return true;
        return false;
    }
}

/// <summary>A name a goal looks for, with the <see cref="NameTable.AsciiUpperId"/> it is compared by (−1 when not ASCII).</summary>
internal sealed class GoalName(string text)
{
    public string Text { get; } = text;
    public int UpperId { get; } = NameTable.AsciiUpperId(NameTable.Intern(text));
}
