using Spark.Environments.ScienceWorld.Objects;

namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// Electrical connections and conduction, following the original's <c>Terminal</c>,
/// <c>PolarizedElectricalComponent</c> and <c>ElectricalConductivity</c>: every terminal holds at most one
/// connection; generators put 9 V on the anode and ground on the cathode; a user device turns on when its
/// anode reaches ground and its cathode sees a powered terminal.
/// </summary>
internal static class Electrical
{
    public const sbyte Ground = 0, Powered = 9, None = -1;

    /// <summary>The object a terminal belongs to.</summary>
    public static int OwnerOf(SimWorld w, int terminal) => w[terminal].Owner;

    public static int Anode(int part) => part + 1;
    public static int Cathode(int part) => part + 2;
    public static int Terminal1(int obj) => obj - 2;
    public static int Terminal2(int obj) => obj - 1;

    public static bool HasUnpolarizedTerminals(SimWorld w, int id) => !KindFacts.HasNoTerminals(w.KindOf(id));

    /// <summary>The other terminal of the component a terminal belongs to (none through an open switch).</summary>
    public static int OtherTerminal(SimWorld w, int terminal)
    {
        int owner = w[terminal].Owner;
        var kind = w.KindOf(owner);
        if (KindFacts.IsPolarized(kind))
        {
            if (kind == Kind.Switch && !w.Has(owner, ObjFlags.Activated)) return -1;
            return terminal == Anode(owner) ? Cathode(owner) : terminal == Cathode(owner) ? Anode(owner) : -1;
        }
        return terminal == Terminal1(owner) ? Terminal2(owner) : terminal == Terminal2(owner) ? Terminal1(owner) : -1;
    }

    public static bool IsConnected(SimWorld w, int id)
    {
        if (KindFacts.IsPolarized(w.KindOf(id))) return w[Anode(id)].Link >= 0 || w[Cathode(id)].Link >= 0;
        if (!HasUnpolarizedTerminals(w, id)) return false;
        return w[Terminal1(id)].Link >= 0 || w[Terminal2(id)].Link >= 0;
    }

    public static void Connect(SimWorld w, int a, int b)
    {
        w[a].Link = b;
        w[b].Link = a;
    }

    public static void DisconnectTerminal(SimWorld w, int terminal)
    {
        int other = w[terminal].Link;
        if (other < 0) return;
        w[terminal].Link = -1;
        if (w[other].Link == terminal) w[other].Link = -1;
    }

    public static void DisconnectAll(SimWorld w, int id)
    {
        if (KindFacts.IsPolarized(w.KindOf(id)))
        {
            DisconnectTerminal(w, Anode(id));
            DisconnectTerminal(w, Cathode(id));
        }
        else if (HasUnpolarizedTerminals(w, id))
        {
            DisconnectTerminal(w, Terminal1(id));
            DisconnectTerminal(w, Terminal2(id));
        }
    }

    static bool ConnectsToVoltage(SimWorld w, int terminal)
    {
        int other = w[terminal].Link;
        return other >= 0 && w[other].Voltage == Powered;
    }

    static bool ConnectsToGround(SimWorld w, int terminal, int maxSteps = 10)
    {
        int co = w[terminal].Link;
        if (co < 0) return false;
        int owner = w[co].Owner;
        var kind = w.KindOf(owner);
        if (KindFacts.IsGenerator(kind)) return w[co].Voltage == Ground;
        if (!KindFacts.IsPolarized(kind) && !KindFacts.IsUnpolarized(kind))
        {
            if (!w.HasMaterial(owner) || !w.MaterialOf(owner).ElectricallyConductive) return false;
        }
        int next = OtherTerminal(w, co);
        if (next < 0) return false;
        return maxSteps > 0 && ConnectsToGround(w, next, maxSteps - 1);
    }

    /// <summary>A generator's tick: voltage on its terminals when it is running.</summary>
    public static void GeneratorTick(SimWorld w, int id)
    {
        bool on = w.Has(id, ObjFlags.Activated);
        w[Anode(id)].Voltage = on ? Powered : None;
        w[Cathode(id)].Voltage = on ? Ground : None;
    }

    /// <summary>A polarized user device (bulb, motor, buzzer) turns on when its circuit is closed.</summary>
    public static void PolarizedUserTick(SimWorld w, int id)
    {
        bool on = ConnectsToGround(w, Anode(id)) && ConnectsToVoltage(w, Cathode(id));
        if (on) w[Anode(id)].Voltage = Powered;
        w[id].Set(ObjFlags.Activated, on);
    }

    /// <summary>The original's <c>unpolarizedElectricalConductivityTick</c> for wires and conductive things.</summary>
    public static void UnpolarizedTick(SimWorld w, int id, bool activateDevice)
    {
        if (!HasUnpolarizedTerminals(w, id)) return;
        int t1 = Terminal1(id), t2 = Terminal2(id);
        bool conductor = KindFacts.IsUnpolarized(w.KindOf(id)) || (w.HasMaterial(id) && w.Physics(w[id].Material).ElectricallyConductive);
        if (!conductor)
        {
            // Terminals start unpowered and only this method powers them (flagging it): most objects never
            // conduct, and their terminals need not be touched on every tick.
            if (w.Has(id, ObjFlags.TerminalsPowered))
            {
                w[t1].Voltage = None;
                w[t2].Voltage = None;
                w[id].Flags &= ~ObjFlags.TerminalsPowered;
            }
            return;
        }
        if (w[t1].Link < 0 && w[t2].Link < 0)
        {
            if (activateDevice) w[id].Set(ObjFlags.Activated, false);
            return;
        }
        if (activateDevice) w[id].Set(ObjFlags.Activated, false);
        if (ConnectsToGround(w, t1) && ConnectsToVoltage(w, t2))
        {
            w[t1].Voltage = Powered;
            w[id].Flags |= ObjFlags.TerminalsPowered;
            if (activateDevice) w[id].Set(ObjFlags.Activated, true);
        }
        else if (ConnectsToGround(w, t2) && ConnectsToVoltage(w, t1))
        {
            w[t2].Voltage = Powered;
            w[id].Flags |= ObjFlags.TerminalsPowered;
            if (activateDevice) w[id].Set(ObjFlags.Activated, true);
        }
    }

    /// <summary>Solar panels and wind generators run only outdoors (reached through open containers).</summary>
    public static void RenewableTick(SimWorld w, int id)
    {
        bool on = false;
        int container = w.ParentOf(id);
        for (int count = 0; count < 10 && container >= 0; count++)
        {
            if (w.KindOf(container) == Kind.Outside)
            {
                on = true;
                break;
            }
            if (!w.IsOpenContainer(container)) break;
            container = w.ParentOf(container);
        }
        w[id].Set(ObjFlags.Activated, on);
    }
}
