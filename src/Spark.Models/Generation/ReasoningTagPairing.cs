namespace Spark.Models.Generation;

/// <summary>
/// Keeps an open reasoning tag closed by its own closer. The paper's parser finds no pair in
/// <c>&lt;explore&gt;…&lt;/think&gt;</c>, so such a step is invalid, and a small policy that learned both tags writes
/// these mixtures (most of the invalid responses of an RL-trained built-in model, docs/rl.md). While a reasoning tag is
/// open, the text may not gain the start of another tag's closer: its shortest start that the open tag's own closer
/// does not share (<c>&lt;/t</c> inside <c>&lt;explore&gt;</c>, <c>&lt;/e</c> and <c>&lt;/p</c> inside <c>&lt;think&gt;</c>).
/// </summary>
internal static class ReasoningTagPairing
{
    /// <summary>One reasoning tag's markers and the closer starts forbidden while it is open, built once: the
    /// rule runs for every sampled token.</summary>
    sealed record Tag(string Opener, string Closer, string[] Forbidden);

    /// <summary>The reasoning tags of every environment's prompt (ScienceWorld and WebShop also accept planning).</summary>
    static readonly Tag[] Tags = Build(["think", "explore", "planning"]);

    /// <summary>What the next token may not complete: empty unless a reasoning tag is open and not yet closed.</summary>
    public static IReadOnlyList<string> ForbiddenMarkers(string text)
    {
        int at = -1;
        Tag? open = null;
        foreach (var tag in Tags)
        {
            int i = text.LastIndexOf(tag.Opener, StringComparison.Ordinal);
            if (i > at) (at, open) = (i, tag);
        }
        if (open == null || text.IndexOf(open.Closer, at, StringComparison.Ordinal) >= 0) return [];
        return open.Forbidden;
    }

    static Tag[] Build(string[] names) => names
        .Select(own => new Tag($"<{own}>", $"</{own}>",
            names.Where(other => other != own).Select(other => Distinguishing($"</{other}>", $"</{own}>")).ToArray()))
        .ToArray();

    static string Distinguishing(string other, string own)
    {
        int k = 0;
        while (k < other.Length && k < own.Length && other[k] == own[k]) k++;
        return other[..Math.Min(other.Length, k + 1)];
    }
}
