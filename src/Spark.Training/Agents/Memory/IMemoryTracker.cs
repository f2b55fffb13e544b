namespace Spark.Training.Agents.Memory;

/// <summary>
/// Keeps the compact prompt's memory line: a few facts gathered over the whole episode (places visited, what
/// is held, what has been done to it), so a short history window does not make a small model search in loops.
/// Reads only the observation and action texts as the environment gives them (raw, not reformatted).
/// </summary>
public interface IMemoryTracker
{
    /// <summary>Takes in the first observation of the episode.</summary>
    void Start(string observation);

    /// <summary>Takes in one step: the observation the action answered, the action, and what came back.</summary>
    void Record(string before, string action, string after);

    /// <summary>The memory line without a label; "" while nothing is known.</summary>
    string Render();

    /// <summary>An independent copy (for a branching trajectory).</summary>
    IMemoryTracker Clone();
}

/// <summary>Small text helpers the trackers share.</summary>
internal static class MemoryText
{
    /// <summary>"a apple 1, a mug 2, and a pan 1" → [apple 1, mug 2, pan 1]; "nothing" → [].</summary>
    public static List<string> SplitList(string list)
    {
        var items = new List<string>();
        foreach (var raw in list.Trim().TrimEnd('.').Split(", "))
        {
            string item = raw.Trim();
            if (item.StartsWith("and ", StringComparison.Ordinal)) item = item[4..];
            if (item.StartsWith("a ", StringComparison.Ordinal)) item = item[2..];
            else if (item.StartsWith("an ", StringComparison.Ordinal)) item = item[3..];
            if (item.Length > 0 && item != "nothing") items.Add(item);
        }
        return items;
    }

    /// <summary>The text between <paramref name="prefix"/> and the next <paramref name="suffix"/>, or null.</summary>
    public static string? Between(string text, string prefix, string suffix)
    {
        int start = text.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0) return null;
        start += prefix.Length;
        int end = text.IndexOf(suffix, start, StringComparison.Ordinal);
        return end < 0 ? null : text[start..end];
    }

    /// <summary>The first <paramref name="maxWords"/> words, with "…" when cut.</summary>
    public static string Shorten(string text, int maxWords)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= maxWords ? string.Join(' ', words) : string.Join(' ', words.Take(maxWords)) + "…";
    }
}
