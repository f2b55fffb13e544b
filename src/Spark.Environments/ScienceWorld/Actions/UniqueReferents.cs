using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>
/// One name per object, as the original chooses them for its object list and valid actions
/// (<c>chooseUniqueReferents</c>): drop the referents other objects share, take the alphabetically first of
/// the rest, and step through alternatives while two objects still collide.
/// </summary>
internal static class UniqueReferents
{
    /// <summary>All referents of an object as the original lists them: its own, and each "X in Y"/"X on Y"
    /// with Y a referent of its container; lower case, sorted, longer than one character.</summary>
    public static string[] WithContainers(SimWorld w, int obj, int perspective)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        if (KindFacts.IsPortal(w.KindOf(obj)))
        {
            foreach (var r in InputParser.PortalReferents(w, obj, perspective)) set.Add(r.ToLowerInvariant());
        }
        else
        {
            int container = w.ParentOf(obj);
            string[] around = container >= 0 ? Referents.Of(w, container).Raw : [];
            foreach (var r in Referents.Of(w, obj).Raw)
            {
                set.Add(r);
                foreach (var c in around)
                {
                    set.Add(r + " in " + c);
                    set.Add(r + " on " + c);
                }
            }
        }
        set.RemoveWhere(r => r.Length <= 1);
        return [.. set];
    }

    /// <summary>The chosen referent for each object (same order as <paramref name="objects"/>).</summary>
    public static string[] Choose(SimWorld w, IReadOnlyList<int> objects, int perspective, bool canonicalPortals)
    {
        var lists = objects.Select(o => WithContainers(w, o, perspective)).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in lists)
            foreach (var r in list)
                counts[r] = counts.GetValueOrDefault(r) + 1;
        var filtered = lists.Select(list => list.Where(r => counts[r] <= 1).ToArray() is { Length: > 0 } unique ? unique : list).ToArray();

        var indices = new int[filtered.Length];
        ulong random = 0x9E3779B97F4A7C15UL;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < filtered.Length; i++)
                if (filtered[i].Length > 0) frequency[filtered[i][indices[i]]] = frequency.GetValueOrDefault(filtered[i][indices[i]]) + 1;
            for (int i = 0; i < filtered.Length; i++)
            {
                if (filtered[i].Length == 0 || frequency[filtered[i][indices[i]]] <= 1) continue;
                if (attempt < 10) indices[i] = (indices[i] + 1) % filtered[i].Length;
                else
                {
                    // The original draws these from its global generator; a fixed sequence keeps this deterministic.
                    random ^= random << 13;
                    random ^= random >> 7;
                    random ^= random << 17;
                    indices[i] = (int)(random % (ulong)filtered[i].Length);
                }
            }
        }

        var chosen = new string[objects.Count];
        for (int i = 0; i < objects.Count; i++)
        {
            int obj = objects[i];
            if (canonicalPortals && KindFacts.IsPortal(w.KindOf(obj))) chosen[i] = Canonical(w, obj, perspective);
            else chosen[i] = filtered[i].Length > 0 ? filtered[i][indices[i]] : w.NameOf(obj);
        }
        return chosen;
    }

    /// <summary>"door to kitchen" (or "door from A to B" when the door is not here).</summary>
    public static string Canonical(SimWorld w, int portal, int perspective)
    {
        int to = w.PortalDestination(portal, perspective);
        return to >= 0 ? w.NameOf(portal) + " to " + w.NameOf(to) : w.NameOf(portal) + " from " + w.NameOf(w[portal].Owner) + " to " + w.NameOf(w[portal].Link);
    }
}
