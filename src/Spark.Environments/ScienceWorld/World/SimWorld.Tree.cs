namespace Spark.Environments.ScienceWorld.World;

/// <summary>Containment: each object has at most one container; children are kept in id (uuid) order.</summary>
internal sealed partial class SimWorld
{
    /// <summary>Moves <paramref name="child"/> into <paramref name="parent"/> (the original's <c>addObject</c>).</summary>
    public void AddChild(int parent, int child)
    {
        if (parent == child) return;
        int from = _objects[child].Parent;
        DetachQuietly(child);
        // What the universe reaches stays the same when an object moves between two open containers that sit
        // directly in the universe (the agent going from room to room): it is reached, with all it holds, either way.
        if (!(IsOpenInUniverse(from) && IsOpenInUniverse(parent))) ReachVersion++;
        ref var c = ref _objects[child];
        c.Parent = parent;
        int prev = -1, cur = _objects[parent].FirstChild;
        while (cur >= 0 && cur < child)
        {
            prev = cur;
            cur = _objects[cur].Next;
        }
        c.Next = cur;
        if (prev < 0) _objects[parent].FirstChild = child;
        else _objects[prev].Next = child;
        TickChildAdded(parent, child);
        ContentsChanged(parent);
        StructureVersion++;
    }

    /// <summary>Removes an object from its container (it then floats outside the tree).</summary>
    public void Detach(int child)
    {
        DetachQuietly(child);
        ReachVersion++;
    }

    bool IsOpenInUniverse(int container) =>
        container >= 0 && _objects[container].Parent == Universe && Universe >= 0 && IsOpenContainer(container);

    /// <summary><see cref="Detach"/> without moving <see cref="ReachVersion"/> (<see cref="AddChild"/> decides that).</summary>
    void DetachQuietly(int child)
    {
        int parent = _objects[child].Parent;
        if (parent < 0) return;
        int prev = -1, cur = _objects[parent].FirstChild;
        while (cur >= 0 && cur != child)
        {
            prev = cur;
            cur = _objects[cur].Next;
        }
        if (cur == child)
        {
            if (prev < 0) _objects[parent].FirstChild = _objects[child].Next;
            else _objects[prev].Next = _objects[child].Next;
        }
        _objects[child].Parent = -1;
        _objects[child].Next = -1;
        TickChildRemoved(parent, child);
        ContentsChanged(parent);
        StructureVersion++;
    }

    /// <summary>Removes an object from the simulation (the original's <c>delete</c>).</summary>
    public void Delete(int id, bool expelContents = false)
    {
        int parent = _objects[id].Parent;
        if (expelContents && parent >= 0) MoveAllChildren(id, parent);
        Electrical.DisconnectAll(this, id);
        Detach(id);
        ref var o = ref _objects[id];
        o.Name += " (deleted)";
        o.Flags |= ObjFlags.Deleted;
        // Nothing reaches a deleted object's names any more; kept true to the new name all the same.
        MarkStale(id);
        TerminalOwnerRenamed(id);
    }

    public void MoveAllChildren(int from, int to)
    {
        Span<int> buffer = stackalloc int[64];
        int n = ChildrenInto(from, buffer);
        for (int i = 0; i < n; i++) AddChild(to, buffer[i]);
    }

    /// <summary>Copies the children of <paramref name="parent"/> (id order) into <paramref name="buffer"/>.</summary>
    public int ChildrenInto(int parent, Span<int> buffer)
    {
        int n = 0;
        for (int c = _objects[parent].FirstChild; c >= 0 && n < buffer.Length; c = _objects[c].Next) buffer[n++] = c;
        return n;
    }

    public ChildList Children(int parent) => new(this, parent);

    public int ChildCount(int parent)
    {
        int n = 0;
        for (int c = _objects[parent].FirstChild; c >= 0; c = _objects[c].Next) n++;
        return n;
    }

    public int VisibleChildCount(int parent)
    {
        int n = 0;
        for (int c = _objects[parent].FirstChild; c >= 0; c = _objects[c].Next)
            if (!_objects[c].Has(ObjFlags.Hidden)) n++;
        return n;
    }

    public bool Contains(int parent, int child) => _objects[child].Parent == parent;

    /// <summary>The first child with a given name, or −1.</summary>
    public int ChildNamed(int parent, string name)
    {
        for (int c = _objects[parent].FirstChild; c >= 0; c = _objects[c].Next)
            if (_objects[c].Name == name) return c;
        return -1;
    }

    /// <summary>The room or outside an object is in, walking up through containers (−1 when none).</summary>
    public int LocationOf(int id)
    {
        for (int p = _objects[id].Parent; p >= 0; p = _objects[p].Parent)
            if (KindFacts.IsLocation(_objects[p].Kind)) return p;
        return -1;
    }

    /// <summary>The agent's location (the container of the agent).</summary>
    public int AgentLocation => _objects[Agent].Parent;

    public ReadOnlySpan<int> PortalsOf(int id) => Shared.PortalsOf(id);

    public void AddPortal(int attachedTo, int portal)
    {
        Shared.AddPortal(attachedTo, portal);
        _objects[attachedTo].Flags |= ObjFlags.HasPortals;
    }

    /// <summary>Where a portal leads from the point of view of <paramref name="perspective"/> (−1 when unrelated).</summary>
    public int PortalDestination(int portal, int perspective)
    {
        ref var p = ref _objects[portal];
        if (perspective == p.Owner) return p.Link;
        if (perspective == p.Link) return p.Owner;
        if (p.Owner >= 0 && _objects[p.Owner].Parent == perspective) return p.Link;
        if (p.Link >= 0 && _objects[p.Link].Parent == perspective) return p.Owner;
        return -1;
    }

    public readonly struct ChildList(SimWorld world, int parent)
    {
        public Enumerator GetEnumerator() => new(world, world._objects[parent].FirstChild);

        public struct Enumerator(SimWorld world, int first)
        {
            int _next = first;
            public int Current { get; private set; } = -1;

            public bool MoveNext()
            {
                if (_next < 0) return false;
                Current = _next;
                _next = world._objects[_next].Next;
                return true;
            }
        }
    }
}
