using System.Runtime.InteropServices;
using Spark.Environments.ScienceWorld.Objects;
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
        // Generated nearly in order (actions by their words, objects by their names), the list then sorts by
        // insertion in a few comparisons per entry; a full sort of the ~550 entries took half the list's time.
        var byName = new int[visible.Count];
        for (int i = 0; i < byName.Length; i++) byName[i] = i;
        Array.Sort(byName, (a, b) => string.CompareOrdinal(names[a], names[b]));
        var output = new List<string>(1024);
        foreach (var def in defs.OrderBy(d => Words(d.Verb), StringComparer.Ordinal))
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
                    foreach (int i in byName)
                        if (ActionRules.Check(w, def.Verb, [visible[i]]) == null) output.Add(Words(def.Verb) + " " + names[i]);
                    break;
                default:
                    Pairs(w, def.Verb, visible, names, byName, output);
                    break;
            }
        }
        InsertionSortOrdinal(CollectionsMarshal.AsSpan(output));
        return output;
    }

    /// <summary>Ordinal sort, fast on nearly sorted input (and correct on any).</summary>
    static void InsertionSortOrdinal(Span<string> items)
    {
        for (int i = 1; i < items.Length; i++)
        {
            string x = items[i];
            int j = i - 1;
            while (j >= 0 && string.CompareOrdinal(items[j], x) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = x;
        }
    }

    static void Pairs(SimWorld w, Verb verb, List<int> visible, string[] names, int[] byName, List<string> output)
    {
        string joiner = verb switch { Verb.Move => " to ", Verb.Connect => " to ", Verb.Use => " on ", _ => " into " };
        // Most of the n² pairs fail on one object alone; test that once per object before checking pairs.
        var second = new bool[visible.Count];
        for (int j = 0; j < visible.Count; j++) second[j] = PairFilter.SecondMayPass(w, verb, visible[j]);
        var args = new int[2];
        foreach (int i in byName)
        {
            if (!PairFilter.FirstMayPass(w, verb, visible[i])) continue;
            foreach (int j in byName)
            {
                if (!second[j]) continue;
                // Dunk lists "dunk FROM into TO" although it parses "dunk TO into FROM", as the original does.
                (args[0], args[1]) = verb == Verb.Dunk ? (visible[j], visible[i]) : (visible[i], visible[j]);
                if (ActionRules.Check(w, verb, args) == null) output.Add(Words(verb) + " " + names[i] + joiner + names[j]);
            }
        }
    }

    /// <summary>"teleport to X" for every location, named as the original names them among all objects. Only
    /// objects sharing a referent with a location (or standing directly in the universe, like the locations)
    /// can change the name chosen for one, so only those take part in the choice.</summary>
    static void Teleports(SimWorld w, List<string> output)
    {
        var all = new List<int>();
        Visibility.All(w, w.Universe, all, IdSet.Rent(w.Count));
        int perspective = w.AgentLocation;
        var locationNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (int o in all)
            if (IsTeleportTarget(w, o))
                locationNames.UnionWith(UniqueReferents.WithContainers(w, o, perspective));
        if (locationNames.Count == 0) return;
        var candidates = all.Where(o => w.ParentOf(o) == w.Universe || KindFacts.IsLocation(w.KindOf(o)) || SharesName(w, o, perspective, locationNames)).ToList();
        var names = UniqueReferents.Choose(w, candidates, perspective, canonicalPortals: true);
        for (int i = 0; i < candidates.Count; i++)
            if (IsTeleportTarget(w, candidates[i])) output.Add("teleport to " + names[i]);
    }

    static bool IsTeleportTarget(SimWorld w, int obj) => KindFacts.IsLocation(w.KindOf(obj)) && w.NameOf(obj) != "universe";

    static bool SharesName(SimWorld w, int obj, int perspective, HashSet<string> names)
    {
        if (KindFacts.IsPortal(w.KindOf(obj)))
            return InputParser.PortalReferents(w, obj, perspective).Any(r => names.Contains(r.ToLowerInvariant()));
        return Referents.Of(w, obj).Raw.Any(names.Contains);
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
