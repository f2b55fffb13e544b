using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Simulation;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>What actions can reach besides the world: the goals (reset task, focus) and the task text.</summary>
internal interface IActionContext
{
    SimWorld World { get; }
    string TaskDescription { get; }
    void ResetGoals();
}

/// <summary>
/// The original's per-action <c>isValidAction</c> checks and <c>runAction</c> effects, with its messages.
/// <see cref="Check"/> returns the refusal text or null; <see cref="Run"/> checks, then acts.
/// </summary>
internal static partial class ActionRules
{
    public const string UnknownCatch = "<unknown catch>";

    /// <summary>Runs a parsed action: (text, success) as the original's <c>runAction</c> returns them.</summary>
    public static (string Text, bool Success) Run(IActionContext ctx, Verb verb, int[] a)
    {
        var w = ctx.World;
        if (Check(w, verb, a) is { } refusal) return (refusal, false);
        return verb switch
        {
            Verb.Open => OpenClose(w, a[0], open: true),
            Verb.Close => OpenClose(w, a[0], open: false),
            Verb.MoveThrough => MoveThrough(w, a[0]),
            Verb.Teleport => Teleport(w, a[0]),
            // The step trims its output; a room's description ends with a line break.
            Verb.LookAround => (Describer.Describe(w, w.AgentLocation, detailed: true, trimEnd: true), true),
            Verb.LookAt => (Describer.Describe(w, a[0], detailed: true, w.AgentLocation), true),
            Verb.LookIn => (LookIn(w, a[0]), true),
            Verb.Activate => Activate(w, a[0], on: true),
            Verb.Deactivate => Activate(w, a[0], on: false),
            Verb.Eat => Eat(w, a[0]),
            Verb.Move => MoveObject(w, a[0], a[1]),
            Verb.PickUp => MoveObject(w, a[0], w.Inventory),
            Verb.PutDown => MoveObject(w, a[0], w.AgentLocation),
            Verb.Pour => Pour(w, a[0], a[1]),
            Verb.Dunk => Dunk(w, a[0], a[1]),
            Verb.Focus => Focus(w, a[0]),
            Verb.ResetTask => ResetTask(ctx),
            Verb.Use => Use(w, a[0], a[1]),
            Verb.Read => (Read(w, a[0]), true),
            Verb.Flush => Flush(w, a[0]),
            Verb.Connect => Connect(w, a[0], a[1]),
            Verb.Disconnect => Disconnect(w, a[0]),
            Verb.Wait1 => Wait(w, 1),
            Verb.Wait10 => Wait(w, 10),
            Verb.Inventory => (Inventory(w), true),
            Verb.Mix => (Chemistry.Mix(w, a[0]), true),
            Verb.TaskDescription => ("Task Description:\n" + ctx.TaskDescription, true),
            _ => (UnknownCatch, false),
        };
    }

    /// <summary>The refusal message of an action, or null when the original would run it.</summary>
    public static string? Check(SimWorld w, Verb verb, int[] a) => verb switch
    {
        Verb.Open => CheckOpen(w, a[0]),
        Verb.Close => CheckClose(w, a[0]),
        Verb.MoveThrough => CheckMoveThrough(w, a[0]),
        Verb.Teleport => KindFacts.IsLocation(w.KindOf(a[0])) && w.NameOf(a[0]) != "universe" ? null : "Its not clear how to go to " + w.NameOf(a[0]) + ".",
        Verb.LookIn => CheckLookIn(w, a[0]),
        Verb.Activate => CheckActivate(w, a[0], on: true),
        Verb.Deactivate => CheckActivate(w, a[0], on: false),
        Verb.Eat => w.Has(a[0], ObjFlags.Edible) ? null : "The " + w.NameOf(a[0]) + " is not edible.",
        Verb.Move => CheckMove(w, a[0], a[1]),
        Verb.PickUp => CheckMove(w, a[0], w.Inventory) ?? (InInventory(w, a[0]) ? "That object already appears to be in the inventory." : null),
        Verb.PutDown => CheckMove(w, a[0], w.AgentLocation) ?? (InInventory(w, a[0]) ? null : "That object does not appear to be in the inventory."),
        Verb.Pour => CheckPour(w, a[0], a[1]),
        Verb.Dunk => CheckDunk(w, a[0], a[1]),
        Verb.Use => w.Has(a[0], ObjFlags.Device) && w.Has(a[0], ObjFlags.Usable) ? null : "I'm not sure how to use the " + w.NameOf(a[0]) + ". ",
        Verb.Read => w.KindOf(a[0]) == Kind.Book ? null : "It's not clear how to read that.",
        Verb.Flush => w.KindOf(a[0]) != Kind.Toilet ? "It's not clear how to flush that." : w.Has(a[0], ObjFlags.Activated) ? "That is already flushing." : null,
        Verb.Connect => CheckConnect(w, a[0], a[1]),
        Verb.Disconnect => KindFacts.IsTerminal(w.KindOf(a[0]))
            ? "You must disconnect entire objects (such as " + w.NameOf(w[a[0]].Owner) + ") instead of just single terminals"
            : null,
        Verb.Mix => w.ChildCount(a[0]) <= 1 ? "" : null,
        _ => null,
    };

    static bool InInventory(SimWorld w, int obj) => w.ParentOf(obj) == w.Inventory && !w.IsHidden(obj);

    static string? CheckOpen(SimWorld w, int obj)
    {
        string name = w.NameOf(obj);
        if (KindFacts.IsPortal(w.KindOf(obj))) return w.Has(obj, ObjFlags.Open) ? "The " + name + " is already open." : null;
        if (!w.Has(obj, ObjFlags.Container)) return "The " + name + " is not openable.";
        if (!w.Has(obj, ObjFlags.Closable)) return "The " + name + " is not openable.";
        return w.Has(obj, ObjFlags.Open) ? "The " + name + " is already open." : null;
    }

    static string? CheckClose(SimWorld w, int obj)
    {
        string name = w.NameOf(obj);
        if (KindFacts.IsPortal(w.KindOf(obj))) return w.Has(obj, ObjFlags.Open) ? null : "The " + name + " is already closed.";
        if (!w.Has(obj, ObjFlags.Container)) return "The " + name + " is not closeable.";
        if (!w.Has(obj, ObjFlags.Closable)) return "The " + name + " is not closeable.";
        return w.Has(obj, ObjFlags.Open) ? null : "The " + name + " is already closed.";
    }

    static (string, bool) OpenClose(SimWorld w, int obj, bool open)
    {
        w.SetOpen(obj, open);
        w.Touch(obj);
        return ("The " + w.NameOf(obj) + " is now " + (open ? "open." : "closed."), true);
    }

    static string? CheckMoveThrough(SimWorld w, int target)
    {
        var kind = w.KindOf(target);
        if (kind == Kind.Door)
        {
            if (!w.Has(target, ObjFlags.Open)) return "The " + w.NameOf(target) + " is not open.";
            return w.PortalDestination(target, w.AgentLocation) < 0 ? "The door doesn't appear to go anywhere." : null;
        }
        if (!KindFacts.IsLocation(kind)) return "Its not clear how to go to/through a " + w.NameOf(target) + ".";
        int portal = DoorTo(w, target);
        if (portal < 0) return "It's not clear how to get there from here.";
        return w.Has(portal, ObjFlags.Open) ? null : "The " + w.NameOf(portal) + " is not open.";
    }

    /// <summary>The first portal of the agent's location leading to a place named like <paramref name="location"/>.</summary>
    static int DoorTo(SimWorld w, int location)
    {
        int here = w.AgentLocation;
        foreach (int portal in w.PortalsOf(here))
        {
            int to = w.PortalDestination(portal, here);
            if (to >= 0 && Referents.Of(w, to).Raw.Contains(w.NameOf(location))) return portal;
        }
        return -1;
    }

    static (string, bool) MoveThrough(SimWorld w, int target)
    {
        if (w.KindOf(target) == Kind.Door)
        {
            int to = w.PortalDestination(target, w.AgentLocation);
            w.AddChild(to, w.Agent);
            return ("You move through the " + w.NameOf(target) + " to the " + w.NameOf(to) + ".", true);
        }
        w.AddChild(target, w.Agent);
        return ("You move to the " + w.NameOf(target) + ".", true);
    }

    static (string, bool) Teleport(SimWorld w, int location)
    {
        w.AddChild(location, w.Agent);
        return ("You teleport to the " + w.NameOf(location) + ".", true);
    }

    static string? CheckLookIn(SimWorld w, int obj)
    {
        if (!w.Has(obj, ObjFlags.Container)) return "It's not clear how to look inside of that.";
        return w.Has(obj, ObjFlags.Open) ? null : "The " + w.NameOf(obj) + " isn't open, so you can't see inside.";
    }

    static string Inventory(SimWorld w)
    {
        var sb = TextBuffer.Rent();
        sb.Append("In your inventory, you see:\n");
        Describer.WriteList(sb, w, w.Inventory, detailed: true, multiline: true, includePortals: false);
        return TextBuffer.ToStringAndReturn(sb);
    }

    static string LookIn(SimWorld w, int obj)
    {
        var sb = TextBuffer.Rent();
        if (w.Has(obj, ObjFlags.Open))
        {
            if (w[obj].FirstChild < 0) sb.Append("There is nothing in the ").Append(w.NameOf(obj)).Append('.');
            else
            {
                sb.Append("Inside the ").Append(w.NameOf(obj)).Append(" is: \n");
                Describer.WriteList(sb, w, obj, false, true, false);
            }
            sb.Append('\n');
        }
        var portals = w.PortalsOf(obj);
        if (portals.Length > 0)
        {
            sb.Append(" You also see: ");
            int shown = 0;
            foreach (int p in portals)
            {
                if (w.IsHidden(p)) continue;
                if (shown++ > 0) sb.Append(", ");
                Describer.Write(sb, w, p, false, obj);
            }
            sb.Append('.');
        }
        return TextBuffer.ToStringAndReturn(sb);
    }

    static string? CheckActivate(SimWorld w, int obj, bool on)
    {
        if (!w.Has(obj, ObjFlags.Device) || !w.Has(obj, ObjFlags.Activable)) return "The " + w.NameOf(obj) + " is not something that can be activated.";
        if (w.Has(obj, ObjFlags.Activated) == on) return "The " + w.NameOf(obj) + " is already " + (on ? "activated." : "deactivated.");
        return null;
    }

    static (string, bool) Activate(SimWorld w, int obj, bool on)
    {
        if (w.Has(obj, ObjFlags.Broken)) return ("The " + w.NameOf(obj) + " appears broken, and can't be activated or deactivated.", true);
        w[obj].Set(ObjFlags.Activated, on);
        return ("The " + w.NameOf(obj) + " is now " + (on ? "activated." : "deactivated."), true);
    }

    static (string, bool) Eat(SimWorld w, int food)
    {
        w.Detach(food);
        return ("The " + w.NameOf(food) + " was delicious.", true);
    }

    static (string, bool) Focus(SimWorld w, int obj)
    {
        w.Focus = obj;
        return ("You focus on the " + Names.Descript(w, obj) + ".", true);
    }

    static (string, bool) ResetTask(IActionContext ctx)
    {
        ctx.ResetGoals();
        ctx.World.Focus = -1;
        return ("You reset the goal progress and focus.", true);
    }

    static (string, bool) Wait(SimWorld w, int ticks)
    {
        w.WaitCounter = ticks;
        return ("You decide to wait for " + ticks + " iterations.", true);
    }

    static string Read(SimWorld w, int book)
    {
        var text = w.Shared.Texts[w[book].Data];
        return "The book reads:\n" + text.Text1 + " by " + text.Text2 + "\n" + BookOpening(text.Text1);
    }

    /// <summary>The opening line of each book (the original prints a longer passage of the public-domain text).</summary>
    static string BookOpening(string title) => title switch
    {
        "Moby Dick" => "Call me Ishmael.",
        "Frankenstein" => "You will rejoice to hear that no disaster has accompanied the commencement of an enterprise which you have regarded with such evil forebodings.",
        "Sherlock Holmes" => "To Sherlock Holmes she is always the woman.",
        "Pride and Prejudice" => "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.",
        "Beowulf" => "Lo! the Spear-Danes' glory through splendid achievements.",
        _ => "An individual organism placed under new conditions sometimes varies in a small degree.",
    };

    static (string, bool) Flush(SimWorld w, int toilet)
    {
        w[toilet].Set(ObjFlags.Activated, true);
        return ("The " + w.NameOf(toilet) + " is now flushing.", true);
    }
}
