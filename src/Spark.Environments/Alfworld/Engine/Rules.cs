using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.Tasks;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Alfworld.Engine;

/// <summary>
/// alfred.pddl's preconditions and effects over <see cref="WorldState"/>. There is one receptacle per
/// location, so "the agent's location" is the receptacle it stands at (or the middle of the room).
/// </summary>
internal static class Rules
{
    public static readonly ReceptacleClass Microwave = AlfworldCatalog.Receptacle("microwave");
    public static readonly ReceptacleClass Fridge = AlfworldCatalog.Receptacle("fridge");
    public static readonly ReceptacleClass SinkBasin = AlfworldCatalog.Receptacle("sinkbasin");

    public static bool IsApplicable(WorldLayout w, WorldState s, Command c) => c.Verb switch
    {
        Verb.Look or Verb.Inventory or Verb.Help => true,
        // GotoLocation to the current location changes nothing; TextWorld never lists it.
        Verb.GoTo => s.Agent != c.A,
        Verb.ExamineReceptacle => s.Agent == c.A,
        Verb.Open => s.Agent == c.A && w.RecOpenable[c.A] && !s.IsOpen(c.A),
        Verb.Close => s.Agent == c.A && w.RecOpenable[c.A] && s.IsOpen(c.A),
        Verb.Take => s.Agent == c.B && s.Held == WorldState.Nowhere && InOpenReceptacle(w, s, c.A, c.B)
                     && w.ObjClass[c.A].Is(ObjectTraits.Pickupable),
        Verb.Put => s.Held == c.A && s.Agent == c.B && Accessible(w, s, c.B) && AlfworldCatalog.CanContain(w.RecClass[c.B], w.ObjClass[c.A]),
        Verb.Heat => Treat(w, s, c, ObjectTraits.Heatable, Microwave),
        Verb.Cool => Treat(w, s, c, ObjectTraits.Coolable, Fridge),
        Verb.Clean => Treat(w, s, c, ObjectTraits.Cleanable, SinkBasin),
        Verb.Use => w.ObjToggleable[c.A] && s.Agent != WorldState.Nowhere && s.ObjectAt[c.A] == s.Agent,
        // SliceObject asks only objectAtLocation: the object may sit in a closed receptacle here.
        Verb.Slice => s.Held == c.B && c.A != c.B && w.ObjClass[c.B].Is(ObjectTraits.Knife) && w.ObjClass[c.A].Is(ObjectTraits.Sliceable)
                      && s.Agent != WorldState.Nowhere && s.ObjectAt[c.A] == s.Agent,
        Verb.ExamineObject => s.Held == c.A || (s.Agent != WorldState.Nowhere && InOpenReceptacle(w, s, c.A, s.Agent)),
        _ => false,
    };

    /// <summary>Applies an applicable command.</summary>
    public static void Apply(WorldState s, Command c)
    {
        switch (c.Verb)
        {
            case Verb.GoTo: s.Agent = (short)c.A; break;
            case Verb.Open: s.Opened |= 1UL << c.A; break;
            case Verb.Close: s.Opened &= ~(1UL << c.A); break;
            case Verb.Take: s.ObjectAt[c.A] = WorldState.Nowhere; s.Held = (short)c.A; break;
            case Verb.Put: s.ObjectAt[c.A] = (short)c.B; s.Held = WorldState.Nowhere; break;
            case Verb.Heat: s.Flags[c.A] = (s.Flags[c.A] | ObjectFlags.Hot) & ~ObjectFlags.Cool; break;
            case Verb.Cool: s.Flags[c.A] = (s.Flags[c.A] | ObjectFlags.Cool) & ~ObjectFlags.Hot; break;
            case Verb.Clean: s.Flags[c.A] |= ObjectFlags.Clean; break;
            case Verb.Use: s.Flags[c.A] |= ObjectFlags.Toggled; break;
            case Verb.Slice: s.Flags[c.A] |= ObjectFlags.Sliced; break;
        }
    }

    /// <summary>Objects inside a receptacle can be seen and taken only when it is open or cannot be opened.</summary>
    public static bool Accessible(WorldLayout w, WorldState s, int r) => !w.RecOpenable[r] || s.IsOpen(r);

    public static bool InOpenReceptacle(WorldLayout w, WorldState s, int o, int r) => s.ObjectAt[o] == r && Accessible(w, s, r);

    /// <summary>The goal PDDL of the task type, tested on the current facts.</summary>
    public static bool GoalSatisfied(WorldLayout w, WorldState s)
    {
        var goal = w.Goal;
        if (goal.Kind == TaskKind.LookAtObjInLight)
        {
            if (s.Held == WorldState.Nowhere || w.ObjClass[s.Held] != goal.Object || s.Agent == WorldState.Nowhere) return false;
            for (int o = 0; o < w.ObjectCount; o++)
                if (w.ObjClass[o] == goal.Lamp && w.ObjToggleable[o] && s.ObjectAt[o] == s.Agent && (s.Flags[o] & ObjectFlags.Toggled) != 0)
                    return true;
            return false;
        }
        var need = goal.RequiredFlag;
        var targets = w.GoalObjects;
        for (int i = 0; i < targets.Length; i++)
        {
            int o = targets[i], r = s.ObjectAt[o];
            if (r < 0 || w.RecClass[r] != goal.Receptacle || (s.Flags[o] & need) != need) continue;
            if (goal.Kind != TaskKind.PickTwoObjAndPlace) return true;
            for (int j = i + 1; j < targets.Length; j++)
                if (s.ObjectAt[targets[j]] == r) return true;
        }
        return false;
    }

    // HeatObject, CoolObject and CleanObject need only the agent at the appliance: a closed microwave heats.
    static bool Treat(WorldLayout w, WorldState s, Command c, ObjectTraits trait, ReceptacleClass appliance) =>
        s.Held == c.A && s.Agent == c.B && w.ObjClass[c.A].Is(trait) && w.RecClass[c.B] == appliance;
}
