using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>Runs a variation's placements and disables as the original's task modifiers do.</summary>
internal static class Placer
{
    public static void Apply(SimWorld w, TaskObjects objects, int variation)
    {
        // The original reseeds the global generator with the variation index before running the modifiers.
        var rng = new JavaRandom(variation);
        foreach (var p in objects.Placements) Place(w, p, rng);
        foreach (var (device, rooms) in objects.Disabled) Disable(w, device, rooms);
    }

    static void Place(SimWorld w, Placement p, JavaRandom rng)
    {
        int room = FindByName(w, w.Universe, p.Room);
        if (room < 0) return;
        if (p.Containers.Length == 0)
        {
            if (!p.ForceAdd && DescendantNamed(w, room, p.Name)) return;
            w.AddChild(room, p.Obj);
            return;
        }
        if (!p.ForceAdd)
            foreach (int c in w.Children(room))
                if (p.Containers.Contains(w.NameOf(c)) && DescendantNamed(w, c, p.Name)) return;
        var candidates = new List<int>();
        AllDescendants(w, room, candidates);
        candidates.Sort();
        foreach (int c in rng.Shuffle(candidates))
        {
            if (!p.Containers.Contains(w.NameOf(c))) continue;
            w.AddChild(c, p.Obj);
            return;
        }
    }

    /// <summary>The first object (by id) named <paramref name="name"/> that is visible under <paramref name="root"/>.</summary>
    public static int FindByName(SimWorld w, int root, string name)
    {
        var all = new List<int>();
        Actions.Visibility.VisibleRecursive(w, root, all);
        all.Sort();
        foreach (int id in all)
            if (w.NameOf(id) == name) return id;
        return -1;
    }

    static bool DescendantNamed(SimWorld w, int root, string name)
    {
        foreach (int c in w.Children(root))
            if (w.NameOf(c) == name || DescendantNamed(w, c, name)) return true;
        return false;
    }

    static void AllDescendants(SimWorld w, int root, List<int> output)
    {
        foreach (int c in w.Children(root))
        {
            output.Add(c);
            AllDescendants(w, c, output);
        }
    }

    static void Disable(SimWorld w, string device, string[] rooms)
    {
        for (int id = 0; id < w.Count; id++)
        {
            if (w.NameOf(id) != device || !w.Has(id, ObjFlags.Device)) continue;
            for (int c = w.ParentOf(id); c >= 0; c = w.ParentOf(c))
            {
                if (!rooms.Contains(w.NameOf(c))) continue;
                w[id].Set(ObjFlags.Broken, true);
                break;
            }
        }
    }
}
