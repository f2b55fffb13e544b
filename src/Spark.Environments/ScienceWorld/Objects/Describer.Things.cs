using System.Text;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>Descriptions of devices, electrical parts, documents, food and living things.</summary>
internal static partial class Describer
{
    static void WriteDeviceOrThing(StringBuilder sb, SimWorld w, int id, string d, bool detailed)
    {
        ref var o = ref w[id];
        switch (o.Kind)
        {
            case Kind.Sink:
            case Kind.Bathtub:
                sb.Append("a ").Append(d).Append(", which is turned ").Append(OnOff(o)).Append(". ");
                sb.Append("In the ").Append(d).Append(" is: ");
                WriteList(sb, w, id, false, false, false);
                sb.Append('.');
                if (detailed)
                    foreach (int p in w.PortalsOf(id))
                        sb.Append(" The ").Append(w.NameOf(p)).Append(" is ").Append(OpenClosed(w[p])).Append('.');
                break;
            case Kind.Toilet:
                sb.Append("a ").Append(d);
                if (o.Counter > 0) sb.Append(", which is flushing");
                sb.Append(". ");
                if (o.FirstChild >= 0)
                {
                    sb.Append("In the ").Append(d).Append(" is: ");
                    WriteList(sb, w, id, false, false, true);
                    sb.Append('.');
                }
                break;
            case Kind.Stove:
                sb.Append("a ").Append(o.Name).Append(", which is turned ").Append(OnOff(o)).Append(". On the stove is: ");
                WriteList(sb, w, id, false, false, true);
                sb.Append('.');
                break;
            case Kind.Oven:
            case Kind.BlastFurnace:
                sb.Append("a ").Append(d).Append(", which is turned ").Append(OnOff(o)).Append(". ");
                WriteDoorAndContents(sb, w, id, d, detailed, includePortals: true);
                break;
            case Kind.Fridge:
            case Kind.Freezer:
            case Kind.UltraColdFreezer:
                sb.Append("a ").Append(d);
                if (!o.Has(ObjFlags.Activated)) sb.Append(", which is turned off");
                sb.Append(". The ").Append(d).Append(" door is ").Append(o.Has(ObjFlags.Open) ? "open. " : "closed. ");
                if (o.Has(ObjFlags.Open))
                {
                    sb.Append("In the ").Append(d).Append(" is: ");
                    WriteList(sb, w, id, false, false, true);
                    sb.Append('.');
                }
                break;
            case Kind.Thermometer:
                sb.Append("a ").Append(d).Append(", currently reading a temperature of ").Append(Names.Degrees(o.Temperature)).Append(" degrees celsius");
                break;
            case Kind.StopWatch:
                sb.Append("a ").Append(d).Append(", which is ").Append(o.Has(ObjFlags.Activated) ? "activated" : "deactivated").Append(". ");
                if (detailed) sb.Append("The time reads ").Append(o.Counter).Append(" ticks.");
                break;
            case Kind.Battery:
                sb.Append("a ").Append(d);
                if (detailed) WriteTerminals(sb, w, id);
                break;
            case Kind.LightBulb:
            case Kind.ElectricMotor:
            case Kind.ElectricBuzzer:
            case Kind.Generator:
            case Kind.SolarPanel:
            case Kind.WindGenerator:
            case Kind.Switch:
                sb.Append("a ").Append(d).Append(", which is ").Append(OnOff(o));
                if (detailed) WriteTerminals(sb, w, id);
                break;
            case Kind.Wire:
            {
                sb.Append("a ").Append(d);
                if (!detailed) break;
                int t1 = o.FirstChild, t2 = w[t1].Next;
                // The original omits the separator here ("a black wireits terminal 1 ...").
                sb.Append("its terminal 1 is connected to: ");
                WriteConnectedTo(sb, w, t1);
                sb.Append(". its terminal 2 is connected to: ");
                WriteConnectedTo(sb, w, t2);
                sb.Append(". ");
                break;
            }
            case Kind.Picture:
            {
                sb.Append("a ").Append(d);
                if (!detailed) break;
                var text = w.Shared.Texts[o.Data];
                sb.Append(" of ").Append(text.Text1).Append(".  The artist is listed as ").Append(text.Text2).Append(". ");
                break;
            }
            case Kind.Book:
            {
                var text = w.Shared.Texts[o.Data];
                sb.Append("A ").Append(d).Append(" titled ").Append(text.Text1).Append(" by ").Append(text.Text2);
                break;
            }
            case Kind.Fork:
            case Kind.PaperClip:
            case Kind.AluminumFoil:
                sb.Append("A ").Append(d);
                break;
            case Kind.UnknownSubstance:
                sb.Append(o.Name);
                break;
            case Kind.Fruit:
                if (Names.FruitColour(o.Name) is { } colour) sb.Append("a ").Append(Names.Descript(w, id, colour + " " + o.Name));
                else sb.Append(Names.FruitArticle(o.Name)).Append(d);
                break;
            case Kind.Animal:
                sb.Append("a ").Append(d);
                if (!o.Has(ObjFlags.Dead) && o.Has(ObjFlags.Sickly)) sb.Append(" (that looks unwell)");
                break;
            case Kind.Bee:
                if (o.Has(ObjFlags.Dead))
                {
                    sb.Append("a dead ").Append(d);
                    break;
                }
                sb.Append("a ").Append(d);
                if (o.Has(ObjFlags.Sickly)) sb.Append(" (that looks unwell)");
                if (detailed && HasPollen(w, id)) sb.Append(", that is covered in pollen");
                break;
            case Kind.Plant:
                WritePlant(sb, w, id);
                break;
            case Kind.Flower:
            {
                int start = sb.Length;
                sb.Append(o.Counter > 0 ? "a wilting " : "a ").Append(' ').Append(d);
                if (detailed)
                {
                    sb.Append(". Inside the flower is: ");
                    Span<int> buffer = stackalloc int[128];
                    WriteListOf(sb, w, VisibleChildren(w, id, buffer), id, false, false);
                }
                CollapseSpaces(sb, start);
                break;
            }
            case Kind.Pollen:
                if (detailed) sb.Append(Names.SpeciesOf(w, o.Data).LifeformType);
                sb.Append(d);
                break;
            case Kind.Ground:
                sb.Append("the ").Append(d);
                break;
            default:
                sb.Append("An object, called ").Append(d).Append(", of type ").Append(o.Kind.ToString());
                break;
        }
    }

    static void WriteTerminals(StringBuilder sb, SimWorld w, int part)
    {
        int anode = w[part].FirstChild, cathode = w[anode].Next;
        sb.Append(". its anode is connected to: ");
        WriteConnectedTo(sb, w, anode);
        sb.Append(". its cathode is connected to: ");
        WriteConnectedTo(sb, w, cathode);
        sb.Append(". ");
    }

    /// <summary>"nothing", or the cursory description of the terminal connected to <paramref name="terminal"/>.</summary>
    static void WriteConnectedTo(StringBuilder sb, SimWorld w, int terminal)
    {
        int other = w[terminal].Link;
        if (other < 0) sb.Append("nothing");
        else Write(sb, w, other, detailed: false);
    }

    static void WritePlant(StringBuilder sb, SimWorld w, int id)
    {
        ref var o = ref w[id];
        string plantName = Names.PlantName(w, id);
        if (o.Has(ObjFlags.Dead))
        {
            sb.Append("a dead ").Append(plantName);
            return;
        }
        sb.Append("a ").Append(plantName);
        if (o.Stage == LifeCycles.PlantSeed) return;
        sb.Append(" in the ").Append(Names.StageName(w, id)).Append(" stage").Append(Names.PlantTraits(w, id));
        if (o.Has(ObjFlags.Sickly)) sb.Append(" (that looks unwell)");
        Span<int> buffer = stackalloc int[128];
        var visible = VisibleChildren(w, id, buffer);
        if (visible.Length == 0) return;
        sb.Append(". On the ").Append(plantName).Append(" you see: ");
        WriteListOf(sb, w, visible, id, false, false);
        sb.Append(". ");
    }

    /// <summary>The children of <paramref name="id"/> that are not hidden, in id order, in <paramref name="buffer"/>.</summary>
    static Span<int> VisibleChildren(SimWorld w, int id, Span<int> buffer)
    {
        int n = 0;
        foreach (int c in w.Children(id))
            if (!w.IsHidden(c) && n < buffer.Length) buffer[n++] = c;
        return buffer[..n];
    }

    static bool HasPollen(SimWorld w, int id)
    {
        foreach (int c in w.Children(id))
            if (w.KindOf(c) == Kind.Pollen) return true;
        return false;
    }

    /// <summary>Rewrites the text from <paramref name="start"/> on with its whitespace runs made single spaces
    /// and no leading or trailing whitespace.</summary>
    static void CollapseSpaces(StringBuilder sb, int start)
    {
        int length = sb.Length - start;
        Span<char> text = length <= 512 ? stackalloc char[length] : new char[length];
        sb.CopyTo(start, text, length);
        sb.Length = start;
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > start) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
    }
}
