using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>Moving things: move/put, pick up, put down, pour and dunk.</summary>
internal static partial class ActionRules
{
    /// <summary>True when <paramref name="target"/> is <paramref name="obj"/> or inside it. The original would
    /// build a containment loop here; refusing keeps the world a tree.</summary>
    static bool IsWithin(SimWorld w, int target, int obj)
    {
        for (int c = target; c >= 0; c = w.ParentOf(c))
            if (c == obj) return true;
        return false;
    }

    static string? CheckMove(SimWorld w, int obj, int to)
    {
        if (!w.Has(obj, ObjFlags.Movable)) return "The " + w.NameOf(obj) + " is not moveable.";
        if (IsWithin(w, to, obj)) return "You can't move something into itself.";
        if (w.HasMaterial(obj))
        {
            if (w[obj].State == Matter.Liquid)
                return "You can't pick up a liquid directly.  Try pouring it from one container to another, or dunking empty containers into containers filled with the liquid.";
            if (w[obj].State == Matter.Gas) return "You can't pick up a gas directly.";
        }
        if (!w.Has(to, ObjFlags.Container)) return "That can't be moved there.";
        if (!w.Has(to, ObjFlags.Open)) return "That can't be moved there, because the " + w.NameOf(to) + " isn't open.";
        return null;
    }

    static (string, bool) MoveObject(SimWorld w, int obj, int to)
    {
        w.AddChild(to, obj);
        string prefix = "";
        if (Electrical.IsConnected(w, obj))
        {
            prefix = "(disconnecting " + w.NameOf(obj) + ")";
            Electrical.DisconnectAll(w, obj);
        }
        return (prefix + "You move the " + w.NameOf(obj) + " to the " + w.NameOf(to) + ".", true);
    }

    static bool PoursOut(SimWorld w, int obj) => w.Has(obj, ObjFlags.Container) && w.Has(obj, ObjFlags.Holds);

    static string? CheckPour(SimWorld w, int obj, int to)
    {
        string name = w.NameOf(obj);
        bool container = PoursOut(w, obj);
        if (!w.Has(obj, ObjFlags.Movable)) return "The " + name + " is not moveable.";
        if (!container)
        {
            int current = w.ParentOf(obj);
            if (current < 0) return "The " + name + " can't be poured out because it doesn't appear to be in a container.";
            if (!w.Has(current, ObjFlags.Movable)) return "The " + w.NameOf(current) + " the " + name + " is in is not movable.";
        }
        if (container)
        {
            if (!w.Has(obj, ObjFlags.Open)) return "The " + name + " can't be poured out, because it's not open.";
        }
        else if (w.HasMaterial(obj))
        {
            if (w[obj].State == Matter.Solid) return "I'm not sure how to pour a solid. ";
            if (w[obj].State == Matter.Gas) return "You can't pour a gas directly. ";
        }
        if (!w.Has(to, ObjFlags.Container)) return "That can't be moved there, because it's not a container.";
        if (!w.Has(to, ObjFlags.Open)) return "That can't be moved there, because the " + w.NameOf(to) + " isn't open.";
        if (container && w[obj].FirstChild < 0) return "The " + name + " is empty, so there's nothing to pour.";
        return null;
    }

    static (string, bool) Pour(SimWorld w, int obj, int to)
    {
        if (IsWithin(w, to, obj)) return ("You can't move something into itself.", false);
        var sb = new System.Text.StringBuilder();
        if (PoursOut(w, obj))
        {
            Span<int> contents = stackalloc int[64];
            int n = w.ChildrenInto(obj, contents);
            for (int i = 0; i < n; i++)
            {
                int c = contents[i];
                if (!w.Has(c, ObjFlags.Movable)) continue;
                w.AddChild(to, c);
                if (Electrical.IsConnected(w, c))
                {
                    sb.Append("(disconnecting ").Append(w.NameOf(c)).Append(")\n");
                    Electrical.DisconnectAll(w, c);
                }
            }
            sb.Append("You pour the contents of the ").Append(w.NameOf(obj)).Append(" into the ").Append(w.NameOf(to)).Append('.');
            return (sb.ToString(), true);
        }
        w.AddChild(to, obj);
        if (Electrical.IsConnected(w, obj))
        {
            sb.Append("(disconnecting ").Append(w.NameOf(obj)).Append(")\n");
            Electrical.DisconnectAll(w, obj);
        }
        sb.Append("You pour the ").Append(w.NameOf(obj)).Append(" into the ").Append(w.NameOf(to)).Append('.');
        return (sb.ToString(), true);
    }

    /// <summary>Liquids directly in a container (all of them, and the movable ones).</summary>
    static (List<int> All, List<int> Movable) Liquids(SimWorld w, int container)
    {
        var all = new List<int>();
        var movable = new List<int>();
        foreach (int c in w.Children(container))
        {
            if (w.IsHidden(c) || !w.HasMaterial(c) || w[c].State != Matter.Liquid) continue;
            all.Add(c);
            if (w.Has(c, ObjFlags.Movable)) movable.Add(c);
        }
        return (all, movable);
    }

    /// <summary>"dunk X into Y": X receives the liquids of Y.</summary>
    static string? CheckDunk(SimWorld w, int to, int from)
    {
        string name = w.NameOf(to);
        if (from == to) return "You can't dunk something into itself.";
        if (!w.Has(to, ObjFlags.Movable)) return "The " + name + " is not moveable.";
        if (w.Has(to, ObjFlags.Container) && !w.Has(to, ObjFlags.Open)) return "The " + name + " is not open.";
        if (!w.Has(to, ObjFlags.Container) || !w.Has(to, ObjFlags.Holds)) return "The " + name + " is not a container.";
        var (all, movable) = Liquids(w, from);
        if (all.Count == 0) return "The " + w.NameOf(from) + " does not contain any liquids to dunk into.";
        if (movable.Count == 0) return "The liquids in " + w.NameOf(from) + " aren't able to move.";
        return null;
    }

    static (string, bool) Dunk(SimWorld w, int to, int from)
    {
        var (_, movable) = Liquids(w, from);
        var sb = new System.Text.StringBuilder();
        var names = new List<string>();
        foreach (int liquid in movable)
        {
            names.Add(w.NameOf(liquid));
            if (IsWithin(w, to, liquid)) continue;
            w.AddChild(to, liquid);
            if (Electrical.IsConnected(w, liquid))
            {
                sb.Append("(disconnecting ").Append(w.NameOf(liquid)).Append(')');
                Electrical.DisconnectAll(w, liquid);
            }
        }
        sb.Append("You dunk the ").Append(w.NameOf(to)).Append(" in the ").Append(w.NameOf(from))
          .Append(", moving the liquids (").Append(string.Join(", ", names)).Append(") to the ").Append(w.NameOf(to)).Append('.');
        return (sb.ToString(), true);
    }
}
