using System.Buffers;
using System.Text;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>
/// Object descriptions, as the original's <c>getDescription(mode)</c> writes them. Cursory mode is used in
/// lists (look around, container contents); detailed mode for "look at" and the inventory. A description
/// nests its contents' descriptions (a room lists a table, which lists a cup, ...), so every part is appended
/// to one builder passed down rather than built as a string and copied into its parent's.
/// </summary>
internal static partial class Describer
{
    public static string Describe(SimWorld w, int id, bool detailed, int perspective = -1, bool trimEnd = false)
    {
        var sb = TextBuffer.Rent();
        Write(sb, w, id, detailed, perspective);
        return TextBuffer.ToStringAndReturn(sb, trimEnd);
    }

    /// <summary>Appends the description of <paramref name="id"/>, or nothing for hidden objects (the
    /// original's <c>getDescriptionSafe</c>); true when something was written.</summary>
    public static bool WriteSafe(StringBuilder sb, SimWorld w, int id, bool detailed, int perspective)
    {
        if (w.IsHidden(id)) return false;
        Write(sb, w, id, detailed, perspective);
        return true;
    }

    public static void Write(StringBuilder sb, SimWorld w, int id, bool detailed, int perspective = -1)
    {
        ref var o = ref w[id];
        switch (o.Kind)
        {
            case Kind.Door:
                WriteDoor(sb, w, id, perspective);
                return;
            case Kind.Drain:
                sb.Append("A ").Append(o.Name).Append(", which is ").Append(OpenClosed(o));
                return;
            case Kind.Agent:
                sb.Append("the agent");
                return;
        }
        string d = Names.Descript(w, id);
        switch (o.Kind)
        {
            case Kind.Universe:
                sb.Append("A ").Append(d).Append(". In this Universe, you see: ");
                WriteList(sb, w, id, false, true, true);
                sb.Append('.');
                break;
            case Kind.Room:
            case Kind.Outside:
                sb.Append(o.Kind == Kind.Room ? "This room is called the " : "This outside location is called the ").Append(d)
                  .Append(o.Kind == Kind.Room ? ". In it, you see: \n" : ". Here you see: \n");
                WriteList(sb, w, id, false, true, false);
                sb.Append("You also see:\n");
                WritePortals(sb, w, id);
                break;
            case Kind.Terminal:
            case Kind.Anode:
            case Kind.Cathode:
                if (detailed)
                {
                    sb.Append("a ").Append(d).Append(".  it is connected to: ");
                    WriteConnectedTo(sb, w, id);
                    sb.Append(". ");
                }
                else sb.Append("a ").Append(d).Append(" on ").Append(w.NameOf(o.Owner));
                break;
            case Kind.Substance:
            case Kind.Water:
                sb.Append("a substance called ").Append(d);
                break;
            case Kind.Block:
            case Kind.Lighter:
            case Kind.Shovel:
                sb.Append("a ").Append(d);
                break;
            case Kind.Paint:
            case Kind.Juice:
            case Kind.Sweet:
            case Kind.Soil:
                sb.Append(d);
                break;
            case Kind.Axe:
                sb.Append("an ").Append(d);
                break;
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
                WriteContainer(sb, w, id, d);
                break;
            case Kind.Chair:
            case Kind.Couch:
            case Kind.Bed:
            case Kind.Mattress:
                sb.Append("a ").Append(d).Append(". On the ").Append(d).Append(" is: ");
                WriteList(sb, w, id, false, false, true);
                sb.Append('.');
                break;
            case Kind.Pillow:
                sb.Append("a ").Append(w.MaterialOf(id).Color).Append(' ').Append(d);
                break;
            case Kind.Table:
            case Kind.Desk:
            case Kind.Counter:
                sb.Append("a ").Append(d).Append(". On the ").Append(d).Append(detailed ? " is: \n" : " is: ");
                WriteList(sb, w, id, false, detailed, false);
                if (!detailed) sb.Append('.');
                break;
            case Kind.Cupboard:
            case Kind.Closet:
            case Kind.BeeHive:
                sb.Append("a ").Append(d).Append(". ");
                WriteDoorAndContents(sb, w, id, d, detailed, includePortals: false);
                break;
            case Kind.Drawer:
                WriteDrawer(sb, w, id, d, detailed);
                break;
            default:
                WriteDeviceOrThing(sb, w, id, d, detailed);
                break;
        }
    }

    static string OpenClosed(in ObjectState o) => o.Has(ObjFlags.Open) ? "open" : "closed";
    static string OnOff(in ObjectState o) => o.Has(ObjFlags.Activated) ? "on" : "off";

    static void WriteDoor(StringBuilder sb, SimWorld w, int door, int perspective)
    {
        ref var o = ref w[door];
        int to = perspective >= 0 ? w.PortalDestination(door, perspective) : -1;
        sb.Append("A ").Append(o.Name);
        if (to >= 0) sb.Append(" to the ").Append(w.NameOf(to));
        else sb.Append(" that connects the ").Append(w.NameOf(o.Owner)).Append(" to the ").Append(w.NameOf(o.Link));
        sb.Append(" (that is ").Append(OpenClosed(o)).Append(')');
    }

    /// <summary>"a cup (containing ...)": the hidden terminals every object carries make the original's
    /// "an empty cup" branch unreachable, so an empty container reads "(containing nothing)".</summary>
    static void WriteContainer(StringBuilder sb, SimWorld w, int id, string d)
    {
        if (w[id].FirstChild < 0 && w.PortalsOf(id).Length == 0)
        {
            sb.Append("an empty ").Append(d);
            return;
        }
        sb.Append("a ").Append(d).Append(" (containing ");
        WriteList(sb, w, id, false, false, true);
        sb.Append(')');
    }

    /// <summary>"The cupboard door is open. In the cupboard is: ..." (furniture, ovens, fridges).</summary>
    static void WriteDoorAndContents(StringBuilder sb, SimWorld w, int id, string d, bool detailed, bool includePortals)
    {
        bool open = w.Has(id, ObjFlags.Open);
        sb.Append("The ").Append(d).Append(" door is ").Append(open ? "open. " : "closed. ");
        if (!open) return;
        sb.Append("In the ").Append(d).Append(detailed ? " is: \n" : " is: ");
        WriteList(sb, w, id, false, detailed, includePortals);
        if (!detailed) sb.Append('.');
    }

    static void WriteDrawer(StringBuilder sb, SimWorld w, int id, string d, bool detailed)
    {
        sb.Append("a ").Append(d);
        if (!detailed) return;
        if (!w.Has(id, ObjFlags.Open))
        {
            sb.Append(".  The drawer is closed.");
            return;
        }
        sb.Append(". In the ").Append(d).Append(" is: \n");
        WriteList(sb, w, id, false, true, false);
    }

    /// <summary>Appends the contents of <paramref name="container"/> as the original's
    /// <c>objectListToStringDescription</c> writes them: sorted by (name, id), hidden objects left out, "nothing"
    /// when empty.</summary>
    public static void WriteList(StringBuilder sb, SimWorld w, int container, bool detailed, bool multiline, bool includePortals)
    {
        Span<int> buffer = stackalloc int[128];
        int n = w.ChildrenInto(container, buffer);
        if (includePortals)
            foreach (int p in w.PortalsOf(container))
                if (n < buffer.Length) buffer[n++] = p;
        WriteListOf(sb, w, buffer[..n], container, detailed, multiline);
    }

    /// <summary>Writes <paramref name="ids"/> sorted in place by (name, id).</summary>
    static void WriteListOf(StringBuilder sb, SimWorld w, Span<int> ids, int perspective, bool detailed, bool multiline)
    {
        SortByNameThenId(w, ids);
        int shown = 0;
        foreach (int id in ids)
        {
            if (w.IsHidden(id)) continue;
            if (multiline) sb.Append('\t');
            else if (shown > 0) sb.Append(", ");
            Write(sb, w, id, detailed, perspective);
            if (multiline) sb.Append('\n');
            shown++;
        }
        if (shown == 0) sb.Append(multiline ? "\tnothing" : "nothing");
    }

    /// <summary>The doors of a location, described from inside it, sorted by description, one a line. Each is
    /// written after the text, then copied out and written back in order.</summary>
    static void WritePortals(StringBuilder sb, SimWorld w, int location)
    {
        var portals = w.PortalsOf(location);
        int start = sb.Length, n = 0;
        Span<int> ends = stackalloc int[portals.Length];
        foreach (int p in portals)
            if (WriteSafe(sb, w, p, false, location)) ends[n++] = sb.Length - start;
        if (n == 0)
        {
            sb.Append("\tnothing");
            return;
        }
        int length = sb.Length - start;
        char[] text = ArrayPool<char>.Shared.Rent(length);
        sb.CopyTo(start, text, 0, length);
        sb.Length = start;
        Span<int> order = stackalloc int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        // Ordinal order of the descriptions, as the original's sort of the strings (equal ones are identical).
        for (int i = 1; i < n; i++)
        {
            int x = order[i], j = i - 1;
            while (j >= 0 && Slice(text, ends, order[j]).SequenceCompareTo(Slice(text, ends, x)) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
        foreach (int i in order) sb.Append('\t').Append(Slice(text, ends, i)).Append('\n');
        ArrayPool<char>.Shared.Return(text);
    }

    static ReadOnlySpan<char> Slice(char[] text, ReadOnlySpan<int> ends, int i)
    {
        int from = i == 0 ? 0 : ends[i - 1];
        return text.AsSpan(from, ends[i] - from);
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
