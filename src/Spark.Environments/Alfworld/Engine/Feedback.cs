using System.Text;
using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Alfworld.Engine;

/// <summary>
/// The feedback sentences of alfred.twl2, rule by rule. <see cref="Text"/> returns what the agent sees
/// for an applied command; the one raw-only part (v0.3's "You arrive at loc N. ") is added by the caller.
/// </summary>
internal static class Feedback
{
    public const string NothingHappens = "Nothing happens.";
    public const string Welcome = "-= Welcome to TextWorld, ALFRED! =-";

    /// <summary>v0.5's help action (alfred.twl2 at v0.5.0), verbatim including its surrounding newlines.</summary>
    public const string Help =
        "\nAvailable commands:\n  look:                             look around your current location\n" +
        "  inventory:                        check your current inventory\n" +
        "  go to (receptacle):               move to a receptacle\n" +
        "  open (receptacle):                open a receptacle\n" +
        "  close (receptacle):               close a receptacle\n" +
        "  take (object) from (receptacle):  take an object from a receptacle\n" +
        "  move (object) to (receptacle):  place an object in or on a receptacle\n" +
        "  examine (something):              examine a receptacle or an object\n" +
        "  use (object):                     use an object\n" +
        "  heat (object) with (receptacle):  heat an object using a receptacle\n" +
        "  clean (object) with (receptacle): clean an object using a receptacle\n" +
        "  cool (object) with (receptacle):  cool an object using a receptacle\n" +
        "  slice (object) with (object):     slice an object using a sharp object\n";

    [ThreadStatic] static StringBuilder? _sb;

    /// <summary>The feedback of an applied command, state already updated.</summary>
    public static string Text(WorldLayout w, WorldState s, Command c, AlfworldGrammar g) => c.Verb switch
    {
        Verb.Look => Look(w, s),
        Verb.Inventory => s.Held == WorldState.Nowhere
            ? "You are not carrying anything."
            : $"You are carrying: {w.ObjListItem[s.Held]}.",
        Verb.Help => Help,
        Verb.GoTo => g == AlfworldGrammar.V05 ? $"You arrive at {w.RecName[c.A]}. {ExamineReceptacle(w, s, c.A)}" : ExamineReceptacle(w, s, c.A),
        Verb.ExamineReceptacle => ExamineReceptacle(w, s, c.A),
        Verb.Open => $"You open the {w.RecName[c.A]}. {ExamineReceptacle(w, s, c.A)}",
        Verb.Close => $"You close the {w.RecName[c.A]}.",
        Verb.Take => $"You pick up the {w.ObjName[c.A]} from the {w.RecName[c.B]}.",
        Verb.Put => g == AlfworldGrammar.V05
            ? $"You move the {w.ObjName[c.A]} to the {w.RecName[c.B]}."
            : $"You put the {w.ObjName[c.A]} in/on the {w.RecName[c.B]}.",
        Verb.Heat => $"You heat the {w.ObjName[c.A]} using the {w.RecName[c.B]}.",
        Verb.Cool => $"You cool the {w.ObjName[c.A]} using the {w.RecName[c.B]}.",
        Verb.Clean => $"You clean the {w.ObjName[c.A]} using the {w.RecName[c.B]}.",
        // isToggled is set by every toggle, so the "turn off" rule of the grammar never fires.
        Verb.Use => $"You turn on the {w.ObjName[c.A]}.",
        Verb.Slice => $"You sliced the {w.ObjName[c.A]} with the {w.ObjName[c.B]}.",
        Verb.ExamineObject => ExamineObject(w, s, c.A),
        _ => NothingHappens,
    };

    /// <summary>v0.3's raw go-to prefix, which ReAct/AgentGym's process_ob strips.</summary>
    public static string ArrivePrefix(WorldLayout w, int receptacle) => $"You arrive at loc {w.RecLocation[receptacle]}. ";

    /// <summary>look: at a receptacle, the objects at the location outside any receptacle (never any here);
    /// in the middle of the room, the receptacles at that location (none: the start has none).</summary>
    public static string Look(WorldLayout w, WorldState s) => s.Agent == WorldState.Nowhere
        ? "You are in the middle of a room. Looking quickly around you, you see nothing."
        : $"You are facing the {w.RecName[s.Agent]}. Next to it, you see nothing.";

    public static string ExamineReceptacle(WorldLayout w, WorldState s, int r)
    {
        if (w.RecOpenable[r] && !s.IsOpen(r)) return $"The {w.RecName[r]} is closed.";
        var sb = _sb ??= new StringBuilder(256);
        sb.Clear();
        if (w.RecOpenable[r]) sb.Append("The ").Append(w.RecName[r]).Append(" is open. In it, you see ");
        else sb.Append("On the ").Append(w.RecName[r]).Append(", you see ");
        AppendContents(sb, w, s, r);
        return sb.Append('.').ToString();
    }

    /// <summary>The grammar's examineObject rules, first match wins.</summary>
    public static string ExamineObject(WorldLayout w, WorldState s, int o)
    {
        var f = s.Flags[o];
        bool clean = (f & ObjectFlags.Clean) != 0, hot = (f & ObjectFlags.Hot) != 0, cool = (f & ObjectFlags.Cool) != 0;
        bool sliced = (f & ObjectFlags.Sliced) != 0;
        string n = w.ObjName[o];
        if (clean && hot && sliced) return $"This is a hot and clean sliced {n}.";
        if (clean && cool && sliced) return $"This is a cool and clean sliced {n}.";
        if (clean && sliced) return $"This is a clean sliced {n}.";
        if (hot && sliced) return $"This is a hot sliced {n}.";
        if (cool && sliced) return $"This is a cool sliced {n}.";
        if (clean && hot) return $"This is a hot and clean {n}.";
        if (clean && cool) return $"This is a cool and clean {n}.";
        if (hot) return $"This is a hot {n}.";
        if (clean) return $"This is a clean {n}.";
        if (cool) return $"This is a cold {n}.";
        if (w.ObjToggleable[o]) return (f & ObjectFlags.Toggled) != 0 ? $"This {n} is on." : $"This {n} is off.";
        if (sliced && w.ObjClass[o].Is(ObjectTraits.Sliceable)) return $"This is a sliced {n}.";
        return $"There's nothing special about {n}.";
    }

    /// <summary>TextWorld's list of the receptacle's contents (as <see cref="TextLists.Join"/>), without building a list.</summary>
    static void AppendContents(StringBuilder sb, WorldLayout w, WorldState s, int r)
    {
        int total = 0;
        for (int o = 0; o < w.ObjectCount; o++) if (s.ObjectAt[o] == r) total++;
        if (total == 0) { sb.Append("nothing"); return; }
        int k = 0;
        for (int o = 0; o < w.ObjectCount; o++)
        {
            if (s.ObjectAt[o] != r) continue;
            if (k > 0) sb.Append(k == total - 1 ? ", and " : ", ");
            sb.Append(w.ObjListItem[o]);
            k++;
        }
    }
}
