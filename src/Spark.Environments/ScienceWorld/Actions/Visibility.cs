using System.Runtime.InteropServices;
using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Actions;

/// <summary>
/// Which objects an action can name, as the original collects them: the parser sees what is accessible
/// (through open containers, hidden terminals included); the valid-action list walks everything in the room
/// (closed containers too); the object list shows what is accessible and not hidden.
/// </summary>
internal static class Visibility
{
    /// <summary>The original's <c>collectAccessibleObjects(root, includeHidden)</c>, in insertion order.</summary>
    public static void Accessible(SimWorld w, int root, bool includeHidden, List<int> output, IdSet seen)
    {
        if (includeHidden || !w.IsHidden(root)) Add(root, output, seen);
        foreach (int portal in w.PortalsOf(root))
        {
            Add(portal, output, seen);
            int to = w.PortalDestination(portal, root);
            if (to >= 0) Add(to, output, seen);
        }
        if (includeHidden || !w.IsHidden(root)) ContainedAccessible(w, root, includeHidden, output, seen);
    }

    static void ContainedAccessible(SimWorld w, int obj, bool includeHidden, List<int> output, IdSet seen)
    {
        foreach (int c in w.Children(obj))
        {
            if (w.IsHidden(c) && !includeHidden) continue;
            Add(c, output, seen);
            var kind = w.KindOf(c);
            if (KindFacts.IsPolarized(kind))
            {
                Add(Electrical.Anode(c), output, seen);
                Add(Electrical.Cathode(c), output, seen);
            }
            else if (KindFacts.IsUnpolarized(kind) || (includeHidden && Electrical.HasUnpolarizedTerminals(w, c)))
            {
                Add(Electrical.Terminal1(c), output, seen);
                Add(Electrical.Terminal2(c), output, seen);
            }
            if (w.IsOpenContainer(c)) ContainedAccessible(w, c, includeHidden, output, seen);
        }
        // The original adds portals only when they are hidden or hidden ones are wanted.
        if (includeHidden)
            foreach (int p in w.PortalsOf(obj)) Add(p, output, seen);
    }

    /// <summary>The original's <c>collectObjects(root, includeHidden = false)</c>: everything visible in the
    /// room whatever containers are closed, with portals and the places they lead to.</summary>
    public static void All(SimWorld w, int root, List<int> output, IdSet seen)
    {
        if (!w.IsHidden(root)) Add(root, output, seen);
        foreach (int portal in w.PortalsOf(root))
        {
            Add(portal, output, seen);
            int to = w.PortalDestination(portal, root);
            if (to >= 0) Add(to, output, seen);
        }
        if (w.IsHidden(root)) return;
        foreach (int c in w.Children(root)) All(w, c, output, seen);
    }

    static void Add(int id, List<int> output, IdSet seen)
    {
        if (seen.Add(id)) output.Add(id);
    }

    /// <summary>One walk's result, kept for the world and version it was taken at: what the parser can reach
    /// changes only with containment or a container opening or closing, which both move the version.</summary>
    sealed class CachedWalk(int capacity)
    {
        public readonly List<int> Objects = new(capacity);
        public SimWorld? World;
        public int Version;

        public bool IsFor(SimWorld w) => ReferenceEquals(World, w) && Version == w.StructureVersion;

        public void Remember(SimWorld w)
        {
            World = w;
            Version = w.StructureVersion;
        }
    }

    [ThreadStatic] static CachedWalk? t_parser;
    [ThreadStatic] static List<int>? t_oracle;

    /// <summary>Objects the parser can match for ordinary actions: the agent's room and the agent itself, by id.
    /// The calling thread's reusable list: read-only, valid until the next call.</summary>
    public static List<int> ForParser(SimWorld w)
    {
        var cache = t_parser ??= new CachedWalk(256);
        if (cache.IsFor(w)) return cache.Objects;
        var list = cache.Objects;
        list.Clear();
        var seen = IdSet.Rent(w.Count);
        Accessible(w, w.AgentLocation, true, list, seen);
        Accessible(w, w.Agent, true, list, seen);
        InIdOrder(w, list, seen);
        cache.Remember(w);
        return list;
    }

    /// <summary>Objects the parser can match for oracle actions (teleport): the whole accessible world, by id.
    /// Kept by the world (<see cref="SimWorld.OracleWalk"/>) until its reach changes, and inherited by its copies;
    /// read-only.</summary>
    public static int[] ForOracle(SimWorld w)
    {
        if (w.OracleWalk is { } ids) return ids;
        var list = t_oracle ??= new List<int>(512);
        list.Clear();
        var seen = IdSet.Rent(w.Count);
        Accessible(w, w.Universe, true, list, seen);
        InIdOrder(w, list, seen);
        ids = [.. list];
        w.RememberOracleWalk(ids);
        return ids;
    }

    /// <summary>Sorts the collected ids by listing the set's members in id order: one pass over the world's
    /// ids costs less than sorting the hundreds of ids a parse collects.</summary>
    static void InIdOrder(SimWorld w, List<int> list, IdSet members)
    {
        CollectionsMarshal.SetCount(list, w.Count);
        CollectionsMarshal.SetCount(list, members.MembersInOrder(w.Count, CollectionsMarshal.AsSpan(list)));
    }

    /// <summary>The calling thread's <see cref="VisibleUnder"/> walk and the lists derived from it. One object:
    /// every read of a thread-static field is a call into the runtime, and goals read these on every tick.</summary>
    [ThreadStatic] static VisibleWalk? t_visible;

    sealed class VisibleWalk
    {
        public readonly List<int> Objects = new(256);
        public SimWorld? World;
        public int Version, Root;
        public readonly List<int> Devices = new(32);
        public bool DevicesValid;
        public readonly List<int> Holders = new(64);
        public bool HoldersValid;
    }

    /// <summary><see cref="VisibleRecursive"/> into the calling thread's reusable list, reused while the same
    /// world's tree is unchanged (goals run it several times per tick). Read-only; valid until the next call.</summary>
    public static List<int> VisibleUnder(SimWorld w, int root) => Walk(w, root).Objects;

    static VisibleWalk Walk(SimWorld w, int root)
    {
        var walk = t_visible ??= new VisibleWalk();
        if (ReferenceEquals(walk.World, w) && walk.Version == w.StructureVersion && walk.Root == root) return walk;
        walk.Objects.Clear();
        VisibleRecursive(w, root, walk.Objects);
        walk.World = w;
        walk.Version = w.StructureVersion;
        walk.Root = root;
        walk.DevicesValid = walk.HoldersValid = false;
        return walk;
    }

    /// <summary>The devices among <see cref="VisibleUnder"/>, in its order, kept with it: a goal on a device tests
    /// them on every tick, and reading every visible object's record for the flag costs more than the test. Exact
    /// because <see cref="ObjFlags.Device"/> is given at creation and never changes, and the list is rebuilt
    /// whenever <see cref="VisibleUnder"/> is. Read-only; valid until the next call.</summary>
    public static List<int> VisibleDevicesUnder(SimWorld w, int root)
    {
        var walk = Walk(w, root);
        var devices = walk.Devices;
        if (walk.DevicesValid) return devices;
        devices.Clear();
        foreach (int v in walk.Objects)
            if (w.Has(v, ObjFlags.Device)) devices.Add(v);
        walk.DevicesValid = true;
        return devices;
    }

    /// <summary>The objects among <see cref="VisibleUnder"/> that hold at least one object that is not hidden, in its
    /// order, kept with it (goals looking for an object in a named container test only these). Exact because
    /// containment changes move the structure version, and the only change of <see cref="ObjFlags.Hidden"/>
    /// after creation (a wire's terminals shown) happens before the wire is put anywhere. Read-only; valid until
    /// the next call.</summary>
    public static List<int> VisibleHoldersUnder(SimWorld w, int root)
    {
        var walk = Walk(w, root);
        var holders = walk.Holders;
        if (walk.HoldersValid) return holders;
        holders.Clear();
        foreach (int v in walk.Objects)
            foreach (int c in w.Children(v))
                if (!w.IsHidden(c))
                {
                    holders.Add(v);
                    break;
                }
        walk.HoldersValid = true;
        return holders;
    }

    /// <summary>Visible objects anywhere under <paramref name="root"/> (closed containers included, hidden ones
    /// skipped), the original's <c>getContainedObjectsAndPortalsRecursive(includeHidden = false)</c>.</summary>
    public static void VisibleRecursive(SimWorld w, int root, List<int> output)
    {
        foreach (int c in w.Children(root))
        {
            if (w.IsHidden(c)) continue;
            output.Add(c);
            VisibleRecursive(w, c, output);
        }
        foreach (int p in w.PortalsOf(root))
            if (!w.IsHidden(p)) output.Add(p);
    }
}
