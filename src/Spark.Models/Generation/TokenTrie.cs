namespace Spark.Models.Generation;

/// <summary>A character trie over strings, with the ids of the strings ending at each node.</summary>
internal class CharTrie
{
    readonly List<Dictionary<char, int>?> _children = [null];
    readonly List<List<int>?> _ids = [null];

    public const int Root = 0;

    public void Add(string text, int id)
    {
        int node = Root;
        foreach (char c in text)
        {
            var children = _children[node] ??= new Dictionary<char, int>();
            if (!children.TryGetValue(c, out int next))
            {
                next = _children.Count;
                children[c] = next;
                _children.Add(null);
                _ids.Add(null);
            }
            node = next;
        }
        (_ids[node] ??= []).Add(id);
    }

    public int Child(int node, char c) => _children[node] is { } ch && ch.TryGetValue(c, out int next) ? next : -1;

    public IEnumerable<KeyValuePair<char, int>> Children(int node) =>
        _children[node] ?? (IEnumerable<KeyValuePair<char, int>>)[];

    public IReadOnlyList<int> IdsAt(int node) => _ids[node] ?? (IReadOnlyList<int>)[];

    public bool IsEnd(int node) => _ids[node] != null;

    /// <summary>Follows <paramref name="text"/> from <paramref name="node"/>; -1 when it leaves the trie.</summary>
    public int Walk(int node, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            node = Child(node, c);
            if (node < 0) return -1;
        }
        return node;
    }

    /// <summary>Adds the ids of every string in the subtree under <paramref name="node"/> (itself included).</summary>
    public void CollectSubtree(int node, List<int> into)
    {
        var stack = new Stack<int>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            int n = stack.Pop();
            into.AddRange(IdsAt(n));
            foreach (var (_, child) in Children(n)) stack.Push(child);
        }
    }
}

/// <summary>The vocabulary as a trie of token texts (empty texts left out).</summary>
internal sealed class TokenTrie : CharTrie
{
    public TokenTrie(string[] texts)
    {
        for (int id = 0; id < texts.Length; id++)
            if (texts[id].Length > 0) Add(texts[id], id);
    }

    /// <summary>
    /// Tokens t such that (text at <paramref name="targetNode"/>) + t stays on a path of <paramref name="targets"/>,
    /// or passes through a complete target (after which the text is free).
    /// </summary>
    public List<int> Compatible(CharTrie targets, int targetNode)
    {
        var allowed = new List<int>();
        var stack = new Stack<(int Token, int Target)>();
        stack.Push((Root, targetNode));
        while (stack.Count > 0)
        {
            var (tn, gn) = stack.Pop();
            if (tn != Root) allowed.AddRange(IdsAt(tn));
            if (tn != Root && targets.IsEnd(gn))
            {
                foreach (var (_, child) in Children(tn)) CollectSubtree(child, allowed);
                continue;
            }
            foreach (var (c, gChild) in targets.Children(gn))
            {
                int tChild = Child(tn, c);
                if (tChild >= 0) stack.Push((tChild, gChild));
            }
        }
        return allowed;
    }
}
