using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>
/// One name per object, as the original chooses them for its object list and valid actions
/// (<c>chooseUniqueReferents</c>): drop the referents other objects share, take the alphabetically first of
/// the rest, and step through alternatives while two objects still collide.
/// </summary>
/// <summary>An object's names with its container's ("apple in bowl"), and the referent sets they came from.</summary>
internal sealed record ContainedNames(RefSet Own, RefSet? Around, string[] Names);

internal static class UniqueReferents
{
    /// <summary>All referents of an object as the original lists them: its own, and each "X in Y"/"X on Y"
    /// with Y a referent of its container; lower case, sorted, longer than one character.</summary>
    public static string[] WithContainers(SimWorld w, int obj, int perspective)
    {
        if (KindFacts.IsPortal(w.KindOf(obj)))
            return Sorted(InputParser.PortalReferents(w, obj, perspective).Select(r => r.ToLowerInvariant()));
        // Cached with the referent sets it was built from: valid while the object and its container keep them.
        var own = Referents.Of(w, obj);
        int container = w.ParentOf(obj);
        var around = container >= 0 ? Referents.Of(w, container) : null;
        if (w.Shared.CachedNames(obj) is { } cached && cached.Own == own && cached.Around == around) return cached.Names;
        var names = Sorted(own.Raw.SelectMany(r => (around?.Raw ?? []).SelectMany(c => new[] { r + " in " + c, r + " on " + c }).Prepend(r)));
        w.Shared.CacheNames(obj, new ContainedNames(own, around, names));
        return names;
    }

    static string[] Sorted(IEnumerable<string> names)
    {
        var set = new SortedSet<string>(names, StringComparer.Ordinal);
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
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int attempt = 0; attempt < 20; attempt++)
        {
            frequency.Clear();
            bool collided = false;
            for (int i = 0; i < filtered.Length; i++)
                if (filtered[i].Length > 0) frequency[filtered[i][indices[i]]] = frequency.GetValueOrDefault(filtered[i][indices[i]]) + 1;
            for (int i = 0; i < filtered.Length; i++)
            {
                if (filtered[i].Length == 0 || frequency[filtered[i][indices[i]]] <= 1) continue;
                collided = true;
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
            if (!collided) break; // nothing would change in the remaining attempts
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
