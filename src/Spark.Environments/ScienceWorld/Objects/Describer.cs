using System.Text;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>
/// Object descriptions, as the original's <c>getDescription(mode)</c> writes them. Cursory mode is used in
/// lists (look around, container contents); detailed mode for "look at" and the inventory.
/// </summary>
internal static partial class Describer
{
    /// <summary>A description, or null for hidden objects (the original's <c>getDescriptionSafe</c>).</summary>
    public static string? Safe(SimWorld w, int id, bool detailed, int perspective)
    {
        if (w.IsHidden(id)) return null;
        return Describe(w, id, detailed, perspective);
    }

    public static string Describe(SimWorld w, int id, bool detailed, int perspective = -1)
    {
        ref var o = ref w[id];
        string d = Names.Descript(w, id);
        switch (o.Kind)
        {
            case Kind.Universe:
                return "A " + d + ". In this Universe, you see: " + List(w, id, false, true, true) + ".";
            case Kind.Room:
                return "This room is called the " + d + ". In it, you see: \n" + List(w, id, false, true, false) + "You also see:\n" + PortalList(w, id, true);
            case Kind.Outside:
                return "This outside location is called the " + d + ". Here you see: \n" + List(w, id, false, true, false) + "You also see:\n" + PortalList(w, id, true);
            case Kind.Door:
                return DoorDescription(w, id, perspective);
            case Kind.Drain:
                return "A " + o.Name + ", which is " + OpenClosed(o);
            case Kind.Agent:
                return "the agent";
            case Kind.Terminal:
            case Kind.Anode:
            case Kind.Cathode:
                return detailed
                    ? "a " + d + ".  it is connected to: " + Electrical.ConnectedTo(w, id) + ". "
                    : "a " + d + " on " + w.NameOf(o.Owner);
            case Kind.Substance:
            case Kind.Water:
                return "a substance called " + d;
            case Kind.Block:
            case Kind.Lighter:
            case Kind.Shovel:
                return "a " + d;
            case Kind.Paint:
            case Kind.Juice:
            case Kind.Sweet:
            case Kind.Soil:
                return d;
            case Kind.Axe:
                return "an " + d;
            case Kind.Cup:
            case Kind.GlassJar:
            case Kind.FlowerPot:
            case Kind.SelfWateringFlowerPot:
            case Kind.BookShelf:
            case Kind.AnswerBox:
            case Kind.FirePit:
            case Kind.Fountain:
            case Kind.Sewer:
            case Kind.Hole:
            case Kind.Inventory:
                return Container(w, id, d);
            case Kind.Chair:
            case Kind.Couch:
            case Kind.Bed:
            case Kind.Mattress:
                return "a " + d + ". On the " + d + " is: " + List(w, id, false, false, true) + ".";
            case Kind.Pillow:
                return "a " + w.MaterialOf(id).Color + " " + d;
            case Kind.Table:
            case Kind.Desk:
            case Kind.Counter:
                return detailed
                    ? "a " + d + ". On the " + d + " is: \n" + List(w, id, false, true, false)
                    : "a " + d + ". On the " + d + " is: " + List(w, id, false, false, false) + ".";
            case Kind.Cupboard:
            case Kind.Closet:
            case Kind.BeeHive:
                return "a " + d + ". " + DoorAndContents(w, id, d, detailed, includePortals: false);
            case Kind.Drawer:
                return Drawer(w, id, d, detailed);
            default:
                return DescribeDeviceOrThing(w, id, d, detailed);
        }
    }

    static string OpenClosed(in ObjectState o) => o.Has(ObjFlags.Open) ? "open" : "closed";
    static string OnOff(in ObjectState o) => o.Has(ObjFlags.Activated) ? "on" : "off";

    static string DoorDescription(SimWorld w, int door, int perspective)
    {
        ref var o = ref w[door];
        int to = perspective >= 0 ? w.PortalDestination(door, perspective) : -1;
        return to >= 0
            ? "A " + o.Name + " to the " + w.NameOf(to) + " (that is " + OpenClosed(o) + ")"
            : "A " + o.Name + " that connects the " + w.NameOf(o.Owner) + " to the " + w.NameOf(o.Link) + " (that is " + OpenClosed(o) + ")";
    }

    /// <summary>"a cup (containing ...)": the hidden terminals every object carries make the original's
    /// "an empty cup" branch unreachable, so an empty container reads "(containing nothing)".</summary>
    static string Container(SimWorld w, int id, string d)
    {
        if (w[id].FirstChild < 0 && w.PortalsOf(id).Length == 0) return "an empty " + d;
        return "a " + d + " (containing " + List(w, id, false, false, true) + ")";
    }

    /// <summary>"The cupboard door is open. In the cupboard is: ..." (furniture, ovens, fridges).</summary>
    static string DoorAndContents(SimWorld w, int id, string d, bool detailed, bool includePortals)
    {
        var sb = new StringBuilder();
        sb.Append("The ").Append(d).Append(" door is ").Append(w.Has(id, ObjFlags.Open) ? "open. " : "closed. ");
        if (w.Has(id, ObjFlags.Open))
        {
            if (detailed) sb.Append("In the ").Append(d).Append(" is: \n").Append(List(w, id, false, true, includePortals));
            else sb.Append("In the ").Append(d).Append(" is: ").Append(List(w, id, false, false, includePortals)).Append('.');
        }
        return sb.ToString();
    }

    static string Drawer(SimWorld w, int id, string d, bool detailed)
    {
        if (!detailed) return "a " + d;
        if (!w.Has(id, ObjFlags.Open)) return "a " + d + ".  The drawer is closed.";
        return "a " + d + ". In the " + d + " is: \n" + List(w, id, false, true, false);
    }

    /// <summary>Describes the contents of <paramref name="container"/> as the original's
    /// <c>objectListToStringDescription</c>: sorted by (name, id), hidden objects left out, "nothing" when empty.</summary>
    public static string List(SimWorld w, int container, bool detailed, bool multiline, bool includePortals)
    {
        Span<int> buffer = stackalloc int[128];
        int n = w.ChildrenInto(container, buffer);
        if (includePortals)
            foreach (int p in w.PortalsOf(container))
                if (n < buffer.Length) buffer[n++] = p;
        return ListOf(w, buffer[..n], container, detailed, multiline);
    }

    public static string ListOf(SimWorld w, ReadOnlySpan<int> ids, int perspective, bool detailed, bool multiline)
    {
        Span<int> sorted = stackalloc int[ids.Length];
        ids.CopyTo(sorted);
        SortByNameThenId(w, sorted);
        var sb = new StringBuilder();
        int shown = 0;
        foreach (int id in sorted)
        {
            var desc = Safe(w, id, detailed, perspective);
            if (desc == null) continue;
            if (multiline) sb.Append('\t').Append(desc).Append('\n');
            else
            {
                if (shown > 0) sb.Append(", ");
                sb.Append(desc);
            }
            shown++;
        }
        if (shown == 0) return multiline ? "\tnothing" : "nothing";
        return sb.ToString();
    }

    /// <summary>The doors of a location, described from inside it and sorted by description.</summary>
    static string PortalList(SimWorld w, int location, bool multiline)
    {
        var descs = new List<string>();
        foreach (int p in w.PortalsOf(location))
            if (Safe(w, p, false, location) is { } d) descs.Add(d);
        if (descs.Count == 0) return multiline ? "\tnothing" : "nothing";
        descs.Sort(StringComparer.Ordinal);
        if (!multiline) return string.Join(", ", descs);
        var sb = new StringBuilder();
        foreach (var d in descs) sb.Append('\t').Append(d).Append('\n');
        return sb.ToString();
    }

    public static void SortByNameThenId(SimWorld w, Span<int> ids)
    {
        for (int i = 1; i < ids.Length; i++)
        {
            int x = ids[i];
            int j = i - 1;
            while (j >= 0 && Compare(w, ids[j], x) > 0)
            {
                ids[j + 1] = ids[j];
                j--;
            }
            ids[j + 1] = x;
        }
    }

    static int Compare(SimWorld w, int a, int b)
    {
        int c = string.CompareOrdinal(w.NameOf(a), w.NameOf(b));
        return c != 0 ? c : a.CompareTo(b);
    }
}
