using System.Collections.Concurrent;

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
