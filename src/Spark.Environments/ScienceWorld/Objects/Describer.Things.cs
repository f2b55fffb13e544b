using System.Text;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>Descriptions of devices, electrical parts, documents, food and living things.</summary>
internal static partial class Describer
{
    static string DescribeDeviceOrThing(SimWorld w, int id, string d, bool detailed)
    {
        ref var o = ref w[id];
        switch (o.Kind)
        {
            case Kind.Sink:
            case Kind.Bathtub:
            {
                var sb = new StringBuilder();
                sb.Append("a ").Append(d).Append(", which is turned ").Append(OnOff(o)).Append(". ");
                sb.Append("In the ").Append(d).Append(" is: ").Append(List(w, id, false, false, false)).Append('.');
                if (detailed)
                    foreach (int p in w.PortalsOf(id))
                        sb.Append(" The ").Append(w.NameOf(p)).Append(" is ").Append(OpenClosed(w[p])).Append('.');
                return sb.ToString();
            }
            case Kind.Toilet:
            {
                var sb = new StringBuilder("a ").Append(d);
                if (o.Counter > 0) sb.Append(", which is flushing");
                sb.Append(". ");
                if (o.FirstChild >= 0) sb.Append("In the ").Append(d).Append(" is: ").Append(List(w, id, false, false, true)).Append('.');
                return sb.ToString();
            }
            case Kind.Stove:
                return "a " + o.Name + ", which is turned " + OnOff(o) + ". On the stove is: " + List(w, id, false, false, true) + ".";
            case Kind.Oven:
            case Kind.BlastFurnace:
                return "a " + d + ", which is turned " + OnOff(o) + ". " + DoorAndContents(w, id, d, detailed, includePortals: true);
            case Kind.Fridge:
            case Kind.Freezer:
            case Kind.UltraColdFreezer:
            {
                var sb = new StringBuilder("a ").Append(d);
                if (!o.Has(ObjFlags.Activated)) sb.Append(", which is turned off");
                sb.Append(". The ").Append(d).Append(" door is ").Append(o.Has(ObjFlags.Open) ? "open. " : "closed. ");
                if (o.Has(ObjFlags.Open)) sb.Append("In the ").Append(d).Append(" is: ").Append(List(w, id, false, false, true)).Append('.');
                return sb.ToString();
            }
            case Kind.Thermometer:
                return "a " + d + ", currently reading a temperature of " + Names.Degrees(o.Temperature) + " degrees celsius";
            case Kind.StopWatch:
                return "a " + d + ", which is " + (o.Has(ObjFlags.Activated) ? "activated" : "deactivated") + ". "
                       + (detailed ? "The time reads " + o.Counter + " ticks." : "");
            case Kind.Battery:
                return "a " + d + (detailed ? Terminals(w, id) : "");
            case Kind.LightBulb:
            case Kind.ElectricMotor:
            case Kind.ElectricBuzzer:
            case Kind.Generator:
            case Kind.SolarPanel:
            case Kind.WindGenerator:
            case Kind.Switch:
                return "a " + d + ", which is " + OnOff(o) + (detailed ? Terminals(w, id) : "");
            case Kind.Wire:
            {
                if (!detailed) return "a " + d;
                int t1 = o.FirstChild, t2 = w[t1].Next;
                // The original omits the separator here ("a black wireits terminal 1 ...").
                return "a " + d + "its terminal 1 is connected to: " + Electrical.ConnectedTo(w, t1) + ". "
                       + "its terminal 2 is connected to: " + Electrical.ConnectedTo(w, t2) + ". ";
            }
            case Kind.Picture:
            {
                if (!detailed) return "a " + d;
                var text = w.Shared.Texts[o.Data];
                return "a " + d + " of " + text.Text1 + ".  The artist is listed as " + text.Text2 + ". ";
            }
            case Kind.Book:
            {
                var text = w.Shared.Texts[o.Data];
                return "A " + d + " titled " + text.Text1 + " by " + text.Text2;
            }
            case Kind.Fork:
            case Kind.PaperClip:
            case Kind.AluminumFoil:
                return "A " + d;
            case Kind.UnknownSubstance:
                return o.Name;
            case Kind.Fruit:
                return Names.FruitColour(o.Name) is { } colour ? "a " + Names.Descript(w, id, colour + " " + o.Name) : Names.FruitArticle(o.Name) + d;
            case Kind.Animal:
                return o.Has(ObjFlags.Dead) || !o.Has(ObjFlags.Sickly) ? "a " + d : "a " + d + " (that looks unwell)";
            case Kind.Bee:
            {
                if (o.Has(ObjFlags.Dead)) return "a dead " + d;
                var s = "a " + d + (o.Has(ObjFlags.Sickly) ? " (that looks unwell)" : "");
                if (detailed && HasPollen(w, id)) s += ", that is covered in pollen";
                return s;
            }
            case Kind.Plant:
                return Plant(w, id);
            case Kind.Flower:
            {
                var s = (o.Counter > 0 ? "a wilting " : "a ") + " " + d;
                if (detailed) s += ". Inside the flower is: " + ListOf(w, VisibleChildren(w, id), id, false, false);
                return CollapseSpaces(s);
            }
            case Kind.Pollen:
                return detailed ? Names.SpeciesOf(w, o.Data).LifeformType + d : d;
            case Kind.Ground:
                return "the " + d;
            default:
                return "An object, called " + d + ", of type " + o.Kind;
        }
    }

    static string Terminals(SimWorld w, int part)
    {
        int anode = w[part].FirstChild, cathode = w[anode].Next;
        return ". its anode is connected to: " + Electrical.ConnectedTo(w, anode) + ". its cathode is connected to: " + Electrical.ConnectedTo(w, cathode) + ". ";
    }

    static string Plant(SimWorld w, int id)
    {
        ref var o = ref w[id];
        string plantName = Names.PlantName(w, id);
        if (o.Has(ObjFlags.Dead)) return "a dead " + plantName;
        if (o.Stage == LifeCycles.PlantSeed) return "a " + plantName;
        var sb = new StringBuilder();
        sb.Append("a ").Append(plantName).Append(" in the ").Append(Names.StageName(w, id)).Append(" stage").Append(Names.PlantTraits(w, id));
        if (o.Has(ObjFlags.Sickly)) sb.Append(" (that looks unwell)");
        var visible = VisibleChildren(w, id);
        if (visible.Length > 0)
            sb.Append(". On the ").Append(plantName).Append(" you see: ").Append(ListOf(w, visible, id, false, false)).Append(". ");
        return sb.ToString();
    }

    static int[] VisibleChildren(SimWorld w, int id)
    {
        var list = new List<int>();
        foreach (int c in w.Children(id))
            if (!w.IsHidden(c)) list.Add(c);
        return [.. list];
    }

    static bool HasPollen(SimWorld w, int id)
    {
        foreach (int c in w.Children(id))
            if (w.KindOf(c) == Kind.Pollen) return true;
        return false;
    }

    static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
