using System.Collections.Concurrent;
using System.Text;

namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// Every object name ever used, interned once for the process and shared by all worlds and threads. Names
/// come from a small vocabulary (object kinds, rooms, colours, "X (deleted)"), so the table stays small.
/// Index 0 is the empty name.
/// </summary>
internal static class NameTable
{
    static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal) { [""] = 0 };
    static readonly Lock AddLock = new();
    static string[] s_names = [""];
    static int s_count = 1;

    public static string Get(int id) => s_names[id];

    /// <summary>Per name id: 0 not computed yet, 1 the name is not pure ASCII, otherwise 2 + the id of its
    /// ASCII upper-case form. Two ASCII names are equal ignoring case (ordinal) exactly when these ids are.</summary>
    static int[] s_upper = [];

    /// <summary>The id of the name's ASCII upper-case form, or −1 when the name is not pure ASCII (compare the
    /// strings then).</summary>
    public static int AsciiUpperId(int id)
    {
        var upper = s_upper;
        int known = id < upper.Length ? upper[id] : 0;
        return known != 0 ? known - 2 : ComputeAsciiUpperId(id);
    }

    static int ComputeAsciiUpperId(int id)
    {
        string name = Get(id);
        int result = Ascii.IsValid(name) ? Intern(name.ToUpperInvariant()) : -1;
        lock (AddLock)
        {
            if (s_upper.Length <= id)
            {
                var grown = new int[Math.Max(64, 2 * Math.Max(id + 1, s_upper.Length))];
                s_upper.CopyTo(grown, 0);
                s_upper = grown;
            }
            s_upper[id] = result + 2;
        }
        return result;
    }

    public static int Intern(string name)
    {
        if (Ids.TryGetValue(name, out int id)) return id;
        lock (AddLock)
        {
            if (Ids.TryGetValue(name, out id)) return id;
            if (s_count == s_names.Length)
            {
                var grown = new string[Math.Max(64, 2 * s_names.Length)];
                s_names.CopyTo(grown, 0);
                s_names = grown; // published before the id is, so a reader never sees an id it cannot resolve
            }
            id = s_count;
            s_names[id] = name;
            s_count++;
            Ids[name] = id;
            return id;
        }
    }
}
