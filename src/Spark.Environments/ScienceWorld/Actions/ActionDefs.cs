using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

internal enum Verb : byte
{
    Open, Close, MoveThrough, Teleport, LookAround, LookAt, LookIn, Activate, Deactivate, Eat, Move, Pour,
    Focus, ResetTask, Use, Read, Flush, Connect, Disconnect, Wait1, Wait10, Inventory, PickUp, PutDown, Mix,
    TaskDescription, Dunk,
}

/// <summary>One element of a trigger pattern: either alternative words, or an object slot.</summary>
internal sealed record PatternElement(string[]? Words, string? Slot)
{
    public static PatternElement Or(params string[] words) => new(words, null);
    public static PatternElement Obj(string slot) => new(null, slot);
}

/// <summary>An action of the original's <c>ActionDefinitions</c>: its name, template id and trigger pattern.</summary>
internal sealed record ActionDef(Verb Verb, string Name, int TemplateId, PatternElement[] Pattern, bool IsOracle = false)
{
    /// <summary>"move OBJ to OBJ": the first alternative of each word group, OBJ for each slot.</summary>
    public string Template => string.Join(' ', Pattern.Select(p => p.Words?[0] ?? "OBJ"));

    public int SlotCount => Pattern.Count(p => p.Slot != null);
}

/// <summary>The action set, registered as the original does for the chosen simplifications.</summary>
internal static class ActionDefs
{
    static PatternElement Or(params string[] w) => PatternElement.Or(w);
    static PatternElement Obj(string s) => PatternElement.Obj(s);

    static readonly ActionDef[] All =
    [
        new(Verb.Open, "open door", 0, [Or("open"), Obj("door")]),
        new(Verb.Close, "close door", 1, [Or("close"), Obj("door")]),
        new(Verb.MoveThrough, "move through door", 2, [Or("go", "go through", "walk through", "move through", "go to", "walk to", "move to", "go into", "move into"), Obj("doorOrLocation")]),
        new(Verb.Teleport, "teleport to location", 2, [Or("teleport", "teleport to", "teleport into"), Obj("location")], IsOracle: true),
        new(Verb.LookAround, "look around", 3, [Or("look around", "look")]),
        new(Verb.LookAt, "look at", 4, [Or("look at", "look on", "examine"), Obj("obj")]),
        new(Verb.LookIn, "look in", 5, [Or("look in"), Obj("obj")]),
        new(Verb.Activate, "activate", 6, [Or("activate", "turn on"), Obj("device")]),
        new(Verb.Deactivate, "deactivate", 7, [Or("deactivate", "turn off"), Obj("device")]),
        new(Verb.Eat, "eat", 8, [Or("eat", "consume"), Obj("food")]),
        new(Verb.Move, "move object", 9, [Or("move", "put"), Obj("obj"), Or("to", "in", "into", "on"), Obj("moveTo")]),
        new(Verb.Pour, "pour object", 10, [Or("pour"), Obj("obj"), Or("in", "into", "on", "to"), Obj("moveTo")]),
        new(Verb.Focus, "focus on", 11, [Or("focus on", "focus"), Obj("obj")]),
        new(Verb.ResetTask, "reset task", 12, [Or("reset task")]),
        new(Verb.Use, "use object", 13, [Or("use"), Obj("device"), Or("on", "with"), Obj("patient")]),
        new(Verb.Read, "read", 14, [Or("read"), Obj("document")]),
        new(Verb.Flush, "flush", 15, [Or("flush"), Obj("device")]),
        new(Verb.Connect, "connect electrically", 16, [Or("connect"), Obj("terminalA"), Or("to", "in", "into"), Obj("terminalB")]),
        new(Verb.Disconnect, "disconnect electrically", 17, [Or("disconnect"), Obj("obj")]),
        new(Verb.Wait1, "wait1", 18, [Or("wait1")]),
        new(Verb.Wait10, "wait10", 19, [Or("wait")]),
        new(Verb.Inventory, "view inventory", 20, [Or("inventory")]),
        new(Verb.PickUp, "pick up", 21, [Or("pick up", "get", "take"), Obj("obj")]),
        new(Verb.PutDown, "put down", 22, [Or("put down", "drop"), Obj("obj")]),
        new(Verb.Mix, "mix", 23, [Or("mix", "stir"), Obj("container")]),
        new(Verb.TaskDescription, "task description", 24, [Or("task")]),
        new(Verb.Dunk, "dunk object", 26, [Or("dunk"), Obj("moveTo"), Or("in", "into"), Obj("moveFrom")]),
    ];

    /// <summary>The registered actions in the original's order (template id, then name): one shared, read-only
    /// array per set of simplifications, so that the parser finds its index by reference.</summary>
    public static ActionDef[] For(Simplifications s)
    {
        foreach (var set in s_sets)
            if (set.Simplifications == s) return set.Defs;
        lock (s_lock)
        {
            foreach (var set in s_sets)
                if (set.Simplifications == s) return set.Defs;
            ActionDef[] defs =
            [
                .. All.Where(d => d.Verb != Verb.Teleport || (s & Simplifications.TeleportAction) != 0)
                      .Where(d => d.Verb is not (Verb.Connect or Verb.Disconnect) || (s & Simplifications.NoElectricalAction) == 0)
                      .OrderBy(d => d.TemplateId).ThenBy(d => d.Name, StringComparer.Ordinal),
            ];
            s_sets = [.. s_sets, new ActionSet(s, defs, ByFirstChar(defs))];
            return defs;
        }
    }

    /// <summary>The indices (in order) of the actions of <paramref name="defs"/> whose first words may start an
    /// input beginning with <paramref name="first"/>: the parser tries only these instead of every action's every
    /// word. Every index for an array not made by <see cref="For"/> or a character outside ASCII.</summary>
    public static int[] StartingWith(ActionDef[] defs, char first)
    {
        foreach (var set in s_sets)
            if (ReferenceEquals(set.Defs, defs)) return first < AsciiEnd ? set.ByFirstChar[first] : set.ByFirstChar[AsciiEnd];
        return [.. Enumerable.Range(0, defs.Length)];
    }

    const int AsciiEnd = 128;

    /// <summary>Entry c &lt; 128: the actions with a first word starting with c (or an empty one); entry 128: all.</summary>
    static int[][] ByFirstChar(ActionDef[] defs)
    {
        var table = new int[AsciiEnd + 1][];
        for (int c = 0; c <= AsciiEnd; c++)
            table[c] = [.. Enumerable.Range(0, defs.Length).Where(i => c == AsciiEnd || defs[i].Pattern[0].Words!.Any(w => w.Length == 0 || w[0] == c))];
        return table;
    }

    sealed record ActionSet(Simplifications Simplifications, ActionDef[] Defs, int[][] ByFirstChar);

    static readonly Lock s_lock = new();
    /// <summary>Replaced, never changed, under <see cref="s_lock"/>: readers take no lock.</summary>
    static volatile ActionSet[] s_sets = [];

    /// <summary>Free actions take no time (look around, inventory, task).</summary>
    public static bool IsFree(Verb v) => v is Verb.LookAround or Verb.Inventory or Verb.TaskDescription;
}
