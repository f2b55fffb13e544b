namespace Spark.Training.Agents.Parsing;

/// <summary>One <c>&lt;tag&gt;…&lt;/tag&gt;</c> pair found in a response.</summary>
/// <param name="Start">Index of the opening tag.</param>
/// <param name="End">Index just past the closing tag.</param>
/// <param name="Content">The text between the tags, untrimmed.</param>
public readonly record struct TagMatch(int Start, int End, string Content);

/// <summary>
/// Finds tag pairs the way the paper's code does with <c>re.finditer(r"&lt;t&gt;(.*?)&lt;/t&gt;", DOTALL)</c>:
/// leftmost opening tag, shortest content up to the next closing tag, then on from there without overlap.
/// Written as a linear scan rather than a regex so that 10 kB of noise with many unclosed tags stays
/// linear and no input can make it throw or time out.
/// </summary>
public static class TagScanner
{
    /// <summary>All non-overlapping pairs of <paramref name="tag"/> in <paramref name="text"/>.
    /// <paramref name="ignoreCase"/> compares the tags ordinally without case, as Python's IGNORECASE does for them.</summary>
    public static List<TagMatch> FindAll(string text, string tag, bool ignoreCase)
    {
        var matches = new List<TagMatch>();
        string open = $"<{tag}>", close = $"</{tag}>";
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int from = 0;
        while (from < text.Length)
        {
            int start = text.IndexOf(open, from, comparison);
            if (start < 0) break;
            int contentStart = start + open.Length;
            int end = text.IndexOf(close, contentStart, comparison);
            // If the leftmost opening tag has no closing tag after it, no later one has either.
            if (end < 0) break;
            matches.Add(new TagMatch(start, end + close.Length, text[contentStart..end]));
            from = end + close.Length;
        }
        return matches;
    }

    /// <summary>True when <paramref name="text"/> holds at least one complete pair (case-sensitive),
    /// i.e. <c>re.search(r"&lt;t&gt;.*?&lt;/t&gt;", text, re.DOTALL)</c> matches.</summary>
    public static bool ContainsPair(string text, string tag)
    {
        int start = text.IndexOf($"<{tag}>", StringComparison.Ordinal);
        return start >= 0 && text.IndexOf($"</{tag}>", start + tag.Length + 2, StringComparison.Ordinal) >= 0;
    }
}
