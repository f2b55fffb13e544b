using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>
/// The action templates, the object names, and the concrete valid actions of a state, as the original's
/// <c>getPossibleActions</c>, <c>getPossibleObjects</c> and <c>getValidActionObjectCombinations</c> list
/// them. The valid actions follow each action's own validity check over every visible object in the room
/// (closed containers included), so, as in the original, some of them do not parse until a container is opened.
/// </summary>
internal static class ValidActions
{
    /// <summary>"activate OBJ", "close OBJ", ... sorted.</summary>
    public static string[] Templates(ActionDef[] defs) => [.. defs.Select(d => d.Template).OrderBy(t => t, StringComparer.Ordinal)];

    /// <summary>The names of the accessible objects in the agent's location, sorted.</summary>
    public static string[] ObjectNames(SimWorld w)
    {
        var objects = new List<int>();
        Visibility.Accessible(w, w.AgentLocation, includeHidden: false, objects, IdSet.Rent(w.Count));
        var names = UniqueReferents.Choose(w, objects, w.AgentLocation, canonicalPortals: false);
        return [.. objects.Select((o, i) => (Name: names[i], Id: o))
            .OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Id).Select(x => x.Name)];
    }

    public static List<string> Generate(SimWorld w, ActionDef[] defs)
    {
        int room = w.AgentLocation;
        var visible = new List<int>();
        Visibility.All(w, room, visible, IdSet.Rent(w.Count));
        var names = UniqueReferents.Choose(w, visible, room, canonicalPortals: true);
        var output = new List<string>(1024);
        foreach (var def in defs)
        {
            if (def.Verb == Verb.Teleport)
            {
                Teleports(w, output);
                continue;
            }
            switch (def.SlotCount)
            {
                case 0:
                    output.Add(Words(def.Verb));
                    break;
                case 1:
                    for (int i = 0; i < visible.Count; i++)
                        if (ActionRules.Check(w, def.Verb, [visible[i]]) == null) output.Add(Words(def.Verb) + " " + names[i]);
                    break;
                default:
                    Pairs(w, def.Verb, visible, names, output);
                    break;
            }
        }
        output.Sort(StringComparer.Ordinal);
        return output;
    }

    static void Pairs(SimWorld w, Verb verb, List<int> visible, string[] names, List<string> output)
    {
        string joiner = verb switch { Verb.Move => " to ", Verb.Connect => " to ", Verb.Use => " on ", _ => " into " };
        // Most of the n² pairs fail on one object alone; test that once per object before checking pairs.
        var second = new bool[visible.Count];
        for (int j = 0; j < visible.Count; j++) second[j] = PairFilter.SecondMayPass(w, verb, visible[j]);
        var args = new int[2];
        for (int i = 0; i < visible.Count; i++)
        {
            if (!PairFilter.FirstMayPass(w, verb, visible[i])) continue;
            for (int j = 0; j < visible.Count; j++)
            {
                if (!second[j]) continue;
                // Dunk lists "dunk FROM into TO" although it parses "dunk TO into FROM", as the original does.
                (args[0], args[1]) = verb == Verb.Dunk ? (visible[j], visible[i]) : (visible[i], visible[j]);
                if (ActionRules.Check(w, verb, args) == null) output.Add(Words(verb) + " " + names[i] + joiner + names[j]);
            }
        }
    }

    static void Teleports(SimWorld w, List<string> output)
    {
        var all = new List<int>();
        Visibility.All(w, w.Universe, all, IdSet.Rent(w.Count));
        var locations = all.Where(o => KindFacts.IsLocation(w.KindOf(o)) && w.NameOf(o) != "universe").ToList();
        if (locations.Count == 0) return;
        var names = UniqueReferents.Choose(w, all, w.AgentLocation, canonicalPortals: true);
        for (int i = 0; i < all.Count; i++)
            if (locations.Contains(all[i])) output.Add("teleport to " + names[i]);
    }

    /// <summary>The words the original's valid-action generator writes for each action.</summary>
    static string Words(Verb verb) => verb switch
    {
        Verb.Open => "open",
        Verb.Close => "close",
        Verb.MoveThrough => "go to",
        Verb.LookAround => "look around",
        Verb.LookAt => "look at",
        Verb.LookIn => "look in",
        Verb.Activate => "activate",
        Verb.Deactivate => "deactivate",
        Verb.Eat => "eat",
        Verb.Move => "move",
        Verb.Pour => "pour",
        Verb.Dunk => "dunk",
        Verb.Focus => "focus on",
        Verb.ResetTask => "reset task",
        Verb.Use => "use",
        Verb.Read => "read",
        Verb.Flush => "flush",
        Verb.Connect => "connect",
        Verb.Disconnect => "disconnect",
        Verb.Wait1 => "wait1",
        Verb.Wait10 => "wait",
        Verb.Inventory => "inventory",
        Verb.PickUp => "pick up",
        Verb.PutDown => "put down",
        Verb.Mix => "mix",
        Verb.TaskDescription => "task",
        _ => verb.ToString(),
    };
}
