using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>A parsed action: its definition and the objects filling its slots, in pattern order.</summary>
internal sealed record ActionMatch(ActionDef Def, int[] Objects);

/// <summary>
/// The original's <c>InputParser</c>: input is lower-cased and stripped of a/an/the, then matched against
/// every action's trigger pattern, words by prefix and objects by any of their referents (also "X in Y" and
/// "X on Y" with Y the container). One match runs; several produce the numbered ambiguity prompt.
/// </summary>
internal static class InputParser
{
    public const string NoMatchMessage = "No known action matches that input.";

    /// <summary>The matches, in the calling thread's reusable list: read-only, valid until the next call.</summary>
    public static List<ActionMatch> Parse(SimWorld w, ActionDef[] defs, string input)
    {
        string text = Referents.Tokenize(Referents.LowerInvariant(input));
        var scratch = t_scratch ??= new Scratch();
        var all = scratch.All;
        all.Clear();
        List<int>? visible = null;
        int[]? oracle = null;
        int perspective = w.AgentLocation;
        foreach (int index in ActionDefs.StartingWith(defs, text.Length > 0 ? text[0] : '\0'))
        {
            var def = defs[index];
            if (!FirstWordsMatch(def, text)) continue;
            ReadOnlySpan<int> objects = def.IsOracle ? oracle ??= Visibility.ForOracle(w) : CollectionsMarshal.AsSpan(visible ??= Visibility.ForParser(w));
            scratch.Found.Clear();
            scratch.Sofar.Clear();
            Populate(w, text, 0, def.Pattern, 0, objects, perspective, scratch);
            foreach (var objs in scratch.Found)
                if (!Contains(all, def, objs)) all.Add(new ActionMatch(def, objs));
        }
        return all;
    }

    /// <summary>The calling thread's scratch lists, so that a parse allocates only its results. One object, read
    /// once per parse and passed down: every read of a thread-static field is a call into the runtime.</summary>
    [ThreadStatic] static Scratch? t_scratch;

    sealed class Scratch
    {
        public readonly List<ActionMatch> All = new(4);
        /// <summary>The object lists of the complete matches of the current action.</summary>
        public readonly List<int[]> Found = new(4);
        /// <summary>The objects of the slots matched so far.</summary>
        public readonly List<int> Sofar = new(4);
        /// <summary>The lengths of one object's referents that prefix the input.</summary>
        public readonly List<int> Hits = new(8);
        List<(int At, int Obj)>[] _slotMatches = new List<(int, int)>[8];

        /// <summary>(where the rest of the input starts, object) for pattern slot <paramref name="index"/>, emptied:
        /// a slot's list is read while the slots after it are matched, so each depth has its own.</summary>
        public List<(int At, int Obj)> SlotMatches(int index)
        {
            if (index >= _slotMatches.Length) Array.Resize(ref _slotMatches, Math.Max(index + 1, 2 * _slotMatches.Length));
            var list = _slotMatches[index] ??= new List<(int, int)>(8);
            list.Clear();
            return list;
        }
    }

    static bool Contains(List<ActionMatch> matches, ActionDef def, int[] objects)
    {
        foreach (var m in matches)
            if (m.Def == def && m.Objects.AsSpan().SequenceEqual(objects)) return true;
        return false;
    }

    static bool FirstWordsMatch(ActionDef def, string text)
    {
        foreach (var word in def.Pattern[0].Words!)
            if (text.StartsWith(word, StringComparison.Ordinal)) return true;
        return false;
    }

    // The input still to match is text[at..]. The tokenized input has single spaces and none at its ends, so the
    // original's trimming of the rest after a word or a referent only ever removes the space that follows it.

    static void Populate(SimWorld w, string text, int at, PatternElement[] pattern, int index, ReadOnlySpan<int> objects, int perspective,
        Scratch scratch)
    {
        var rest = text.AsSpan(at);
        if (index == pattern.Length)
        {
            if (rest.IsWhiteSpace()) scratch.Found.Add([.. scratch.Sofar]);
            return;
        }
        var element = pattern[index];
        if (element.Words != null)
        {
            foreach (var word in element.Words)
                if (rest.StartsWith(word, StringComparison.Ordinal))
                    Populate(w, text, After(text, at + word.Length), pattern, index + 1, objects, perspective, scratch);
            return;
        }
        if (rest.Length == 0) return; // no referent is empty
        var matches = scratch.SlotMatches(index);
        int opening = RefSet.OpeningBit(rest);
        foreach (int obj in objects)
            if (w.MayHaveReferentOpening(obj, opening)) MatchObject(w, rest, obj, perspective, at, text, scratch.Hits, matches);
        var sofar = scratch.Sofar;
        foreach (var (next, obj) in matches)
        {
            sofar.Add(obj);
            Populate(w, text, next, pattern, index + 1, objects, perspective, scratch);
            sofar.RemoveAt(sofar.Count - 1);
        }
    }

    /// <summary>The position after <paramref name="at"/> with leading whitespace skipped (the original's Trim).</summary>
    static int After(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        return at;
    }

    /// <summary>Adds (where the rest of the input starts, object) for every referent of the object that prefixes
    /// the input, in the original's order (referents sorted). Every referent that matches is a prefix of the same
    /// input, so ordinal order among them is order of length, and equal length means the same referent.</summary>
    static void MatchObject(SimWorld w, ReadOnlySpan<char> text, int obj, int perspective, int at, string full, List<int> hits,
        List<(int, int)> output)
    {
        hits.Clear();
        var kind = w.KindOf(obj);
        if (KindFacts.IsPortal(kind))
        {
            if (!MayNamePortal(w, obj, text)) return;
            foreach (var t in PortalNamesSeen(w, obj, perspective).Tokens)
                if (t.Length > 0 && text.StartsWith(t, StringComparison.Ordinal)) AddHit(hits, t.Length);
        }
        else
        {
            var refs = Referents.Of(w, obj);
            if (!refs.MayOpenWith(RefSet.OpeningBit(text))) return;
            int container = w.ParentOf(obj);
            foreach (var t in refs.Tokens)
            {
                if (t.Length == 0 || !text.StartsWith(t, StringComparison.Ordinal)) continue;
                AddHit(hits, t.Length);
                if (container < 0 || text.Length < t.Length + 4) continue;
                var joiner = text.Slice(t.Length, 4);
                if (joiner is not (" in " or " on ")) continue;
                var inContainer = text[(t.Length + 4)..];
                foreach (var c in Referents.Of(w, container).Tokens)
                    if (c.Length > 0 && inContainer.StartsWith(c, StringComparison.Ordinal)) AddHit(hits, t.Length + 4 + c.Length);
            }
        }
        if (hits.Count == 0) return;
        hits.Sort();
        foreach (int length in hits) output.Add((After(full, at + length), obj));
    }

    /// <summary>Every portal referent starts with the portal's name or one of the places it joins.</summary>
    static bool MayNamePortal(SimWorld w, int portal, ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return false;
        ref var p = ref w[portal];
        return StartsWithChar(p.Name, text[0])
            || (p.Owner >= 0 && StartsWithChar(w.NameOf(p.Owner), text[0]))
            || (p.Link >= 0 && StartsWithChar(w.NameOf(p.Link), text[0]));
    }

    static bool StartsWithChar(string s, char c) => s.Length > 0 && char.ToLowerInvariant(s[0]) == c;

    static void AddHit(List<int> hits, int length)
    {
        if (!hits.Contains(length)) hits.Add(length);
    }

    /// <summary>A door's names from one side ("door to kitchen", "kitchen door"); a drain's ("sink drain"). Shared
    /// and read-only.</summary>
    public static string[] PortalReferents(SimWorld w, int portal, int perspective) => PortalNamesSeen(w, portal, perspective).Raw;

    static PortalNames PortalNamesSeen(SimWorld w, int portal, int perspective)
    {
        ref var p = ref w[portal];
        if (p.Kind == Kind.Drain)
        {
            int from = perspective == p.Owner || w.Contains(perspective, p.Owner) ? p.Owner
                : perspective == p.Link || w.Contains(perspective, p.Link) ? p.Link : -1;
            return DrainNames(w, portal, from);
        }
        return DoorNames(w, portal, w.PortalDestination(portal, perspective));
    }

    /// <summary>A drain's names seen from <paramref name="from"/> (its device or its sewer; −1 elsewhere).</summary>
    static PortalNames DrainNames(SimWorld w, int drain, int from) =>
        Named(new PortalKey(true, w[drain].NameId, from >= 0 ? w[from].NameId : -1, -1));

    /// <summary>A door's names when it leads to <paramref name="to"/> (−1: seen from neither side).</summary>
    static PortalNames DoorNames(SimWorld w, int door, int to)
    {
        ref var p = ref w[door];
        return Named(to >= 0 ? new PortalKey(false, p.NameId, w[to].NameId, -1) : new PortalKey(false, p.NameId, w[p.Owner].NameId, w[p.Link].NameId));
    }

    /// <summary>A portal's names as seen from one place, raw and tokenized (<see cref="MatchObject"/> matches the tokens).</summary>
    sealed record PortalNames(string[] Raw, string[] Tokens);

    /// <summary>What a portal's names from one side are made of, by <see cref="NameTable"/> ids: a drain's name and
    /// the place it is seen from (A; −1 none); a door's name and where it leads (A, B −1), or its two rooms (A, B).</summary>
    readonly record struct PortalKey(bool Drain, int Name, int A, int B);

    /// <summary>Portal names by what they are made of, for every world of the process: a parse that reaches a door
    /// used to concatenate its three names again (and a teleport reaches several).</summary>
    static readonly ConcurrentDictionary<PortalKey, PortalNames> s_portalNames = new();

    static PortalNames Named(PortalKey key) => s_portalNames.GetOrAdd(key, static k =>
    {
        string name = NameTable.Get(k.Name);
        string[] raw;
        if (k.Drain) raw = k.A >= 0 ? [name, NameTable.Get(k.A) + " " + name] : [name];
        else if (k.B < 0) raw = [name, name + " to " + NameTable.Get(k.A), NameTable.Get(k.A) + " " + name];
        else
        {
            string a = NameTable.Get(k.A), b = NameTable.Get(k.B);
            raw = [name, name + " from " + a + " to " + b, name + " from " + b + " to " + a];
        }
        return new PortalNames(raw, [.. raw.Select(Referents.Tokenize)]);
    });

    /// <summary>The opening mask (<see cref="RefSet.Openings"/>) of a portal's names from every side: the union of
    /// <see cref="PortalReferents"/> over every perspective (a door leads to its owner, to its link or to neither;
    /// a drain is seen from its device, its sewer or elsewhere), tokenized as <see cref="MatchObject"/> matches them.
    /// It depends only on the names of the portal and its two ends (see <c>SimWorld.Rename</c>).</summary>
    public static ulong[] PortalOpenings(SimWorld w, int portal)
    {
        ref var p = ref w[portal];
        string[] tokens = p.Kind == Kind.Drain
            ? [.. DrainNames(w, portal, -1).Tokens, .. p.Owner >= 0 ? DrainNames(w, portal, p.Owner).Tokens : [],
               .. p.Link >= 0 ? DrainNames(w, portal, p.Link).Tokens : []]
            : [.. DoorNames(w, portal, p.Owner).Tokens, .. DoorNames(w, portal, p.Link).Tokens, .. DoorNames(w, portal, -1).Tokens];
        return RefSet.OpeningMask(tokens);
    }

    /// <summary>The numbered choice the original prints when several actions match.</summary>
    public static string AmbiguityMessage(SimWorld w, List<ActionMatch> matches)
    {
        var ordered = OrderForChoice(matches);
        var sb = new StringBuilder();
        var names = ordered.Select(m => m.Def.Name).Distinct().ToList();
        if (names.Count > 1)
            sb.Append("Ambiguous request: Multiple different possible actions were matched to this input (")
              .Append(string.Join(", ", names))
              .Append("). It's possible the action space needs to be refined to remove possible duplicate/ambiguous patterns.");
        sb.Append("Ambiguous request: Please enter the number for the action you intended (or blank to cancel):\n");
        for (int i = 0; i < ordered.Count; i++)
            sb.Append(i).Append(":\t").Append(HumanReadable(w, ordered[i])).Append('\n');
        return sb.ToString();
    }

    /// <summary>Matches grouped by action name (the order the choice numbers refer to).</summary>
    public static List<ActionMatch> OrderForChoice(List<ActionMatch> matches) =>
        [.. matches.Select((m, i) => (m, i)).OrderBy(x => x.m.Def.Name, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.m)];

    /// <summary>"focus on thermometer (in kitchen)": words, then each object with the containers it is in.</summary>
    public static string HumanReadable(SimWorld w, ActionMatch match)
    {
        var parts = new List<string>();
        int slot = 0;
        foreach (var element in match.Def.Pattern)
        {
            if (element.Words != null)
            {
                parts.Add(element.Words[0]);
                continue;
            }
            int obj = match.Objects[slot++];
            var sb = new StringBuilder(Names.Descript(w, obj));
            var chain = new List<string>();
            for (int c = w.ParentOf(obj); c >= 0; c = w.ParentOf(c))
            {
                chain.Add("in " + w.NameOf(c));
                if (c == w.AgentLocation) break;
            }
            if (chain.Count > 0) sb.Append(" (").Append(string.Join(", ", chain)).Append(')');
            parts.Add(sb.ToString());
        }
        return string.Join(' ', parts);
    }
}
