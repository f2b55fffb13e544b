using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Simulation;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>Tools (thermometer, lighter, shovel, axe) and electrical connections.</summary>
internal static partial class ActionRules
{
    static (string, bool) Use(SimWorld w, int device, int patient)
    {
        var (ok, text) = w.KindOf(device) switch
        {
            Kind.Thermometer => (true, w.HasMaterial(patient)
                ? "the thermometer measures a temperature of " + Names.Degrees(w[patient].Temperature) + " degrees celsius"
                : "That thing doesn't appear to have a temperature that the thermometer can read. "),
            Kind.Lighter => (true, UseLighter(w, patient)),
            Kind.Shovel => Shovel(w, patient),
            Kind.Axe => Chop(w, patient),
            _ => (false, ""),
        };
        return ok ? (text, true) : ("I'm not sure how to use those two things together.", false);
    }

    static string UseLighter(SimWorld w, int patient)
    {
        if (!w.HasMaterial(patient)) return "It's not clear how to use those items together.";
        double flame = Thermal.MaxTemperature(Kind.Lighter);
        if (w.MaterialOf(patient).CombustionPoint <= flame) return Thermal.SetOnFire(w, patient);
        ref var o = ref w[patient];
        double delta = Math.Min(flame - o.Temperature, 10);
        if (delta + o.Temperature > flame) delta = flame - o.Temperature;
        if (delta < 0) delta = 0;
        o.Temperature += delta;
        return "The lighter heats up the " + o.Name + " a small amount.";
    }

    static (bool, string) Shovel(SimWorld w, int patient)
    {
        if (w.KindOf(patient) != Kind.Ground) return (false, "It's not clear how to shovel that.");
        int place = w.ParentOf(patient);
        if (place < 0) return (false, "ERROR: The ground does not appear to be in a location.");
        w.AddChild(place, w.Create(Kind.Hole, "hole", Things.OpenContainer));
        w.AddChild(place, Things.Soil(w));
        return (true, "You dig a hole in the ground, and place the soil nearby.");
    }

    static (bool, string) Chop(SimWorld w, int patient)
    {
        if (w.KindOf(patient) == Kind.Plant)
        {
            int place = w.ParentOf(patient);
            if (place < 0) return (false, "ERROR: The " + w.NameOf(patient) + " does not appear to be in a location.");
            if (w[patient].Stage == LifeCycles.PlantSeed) return (true, "You can't chop a seed.");
            w.AddChild(place, Things.Substance(w, Materials.Wood));
            string tree = Names.Descript(w, patient);
            w.Delete(patient, expelContents: true);
            return (true, "You chop down the " + tree + ", creating wood.");
        }
        if (w.Has(patient, ObjFlags.Device))
        {
            w[patient].Set(ObjFlags.Broken, true);
            return (true, "You hit the " + w.NameOf(patient) + " with the axe, causing it to break.");
        }
        return (false, "It's not clear how to use an axe with that.");
    }

    /// <summary>The terminal a connection uses: the terminal itself, or a free hidden terminal of an ordinary object.</summary>
    static (int Terminal, string? Error) TerminalFor(SimWorld w, int obj)
    {
        var kind = w.KindOf(obj);
        if (KindFacts.IsTerminal(kind)) return (obj, null);
        if (KindFacts.IsPolarized(kind)) return (-1, "Connections must specify specific points of contact on polarized electrical components (e.g. anode, cathode)");
        if (KindFacts.IsUnpolarized(kind)) return (-1, "Connections must specify specific points of contact on unpolarized electrical components (e.g. terminal 1, terminal 2)");
        if (!Electrical.HasUnpolarizedTerminals(w, obj)) return (-1, "It's not clear how to connect something to " + w.NameOf(obj));
        int t1 = Electrical.Terminal1(obj), t2 = Electrical.Terminal2(obj);
        if (w[t1].Link < 0) return (t1, null);
        if (w[t2].Link < 0) return (t2, null);
        return (-1, w.NameOf(obj) + " is already connected, and must be disconnected before it can be connected to something else");
    }

    static string? CheckConnect(SimWorld w, int a, int b)
    {
        var (ta, ea) = TerminalFor(w, a);
        if (ea != null) return ea;
        var (tb, eb) = TerminalFor(w, b);
        if (eb != null) return eb;
        if (ta == tb) return "Something can't be connected to itself.";
        foreach (int t in new[] { ta, tb })
            if (w[t].Link >= 0)
                return w.NameOf(t) + " on " + w.NameOf(w[t].Owner) + " is already connected, and must be disconnected before it can be connected to something else";
        return null;
    }

    static (string, bool) Connect(SimWorld w, int a, int b)
    {
        int ta = TerminalFor(w, a).Terminal, tb = TerminalFor(w, b).Terminal;
        Electrical.Connect(w, ta, tb);
        return (w.NameOf(ta) + " on " + w.NameOf(w[ta].Owner) + " is now connected to " + w.NameOf(tb) + " on " + w.NameOf(w[tb].Owner), true);
    }

    static (string, bool) Disconnect(SimWorld w, int obj)
    {
        Electrical.DisconnectAll(w, obj);
        // The original reports this as not successful.
        return (w.NameOf(obj) + " has been disconnected", false);
    }
}
