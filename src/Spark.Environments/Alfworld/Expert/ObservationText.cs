namespace Spark.Environments.Alfworld.Expert;

/// <summary>What a receptacle description says: closed, open with contents, or a surface with contents.</summary>
internal enum ReceptacleView : byte { Unknown, Closed, Open, Surface }

/// <summary>
/// Reads ALFWorld observation text (raw or as agents see it) back into facts. The expert uses only
/// this, never the engine's state, so it sees exactly what an agent sees.
/// </summary>
internal static class ObservationText
{
    /// <summary>Drops a leading "You arrive at loc N. " (v0.3 raw) or "You arrive at {r}. " (v0.5).</summary>
    public static string WithoutArrival(string text)
    {
        if (!text.StartsWith("You arrive at ", StringComparison.Ordinal)) return text;
        int dot = text.IndexOf(". ", StringComparison.Ordinal);
        return dot < 0 ? text : text[(dot + 2)..];
    }

    /// <summary>Splits "a X 1, a Y 2, and a Z 3" (or "nothing") into entity names.</summary>
    public static List<string> Items(string list)
    {
        var items = new List<string>();
        list = list.Trim().TrimEnd('.');
        if (list is "nothing" or "") return items;
        foreach (var raw in list.Split(", "))
        {
            var s = raw.StartsWith("and ", StringComparison.Ordinal) ? raw[4..] : raw;
            if (s.StartsWith("a ", StringComparison.Ordinal)) s = s[2..];
            else if (s.StartsWith("an ", StringComparison.Ordinal)) s = s[3..];
            if (s.Length > 0) items.Add(s);
        }
        return items;
    }

    /// <summary>The receptacles listed by the intro ("Looking quickly around you, you see …").</summary>
    public static List<string> IntroReceptacles(string intro)
    {
        const string marker = "Looking quickly around you, you see ";
        int at = intro.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return [];
        int end = intro.IndexOf('\n', at);
        string line = end < 0 ? intro[(at + marker.Length)..] : intro[(at + marker.Length)..end];
        return Items(line);
    }

    /// <summary>The goal text after "Your task is to: ", without the final period.</summary>
    public static string? Goal(string intro)
    {
        const string marker = "Your task is to: ";
        int at = intro.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        int end = intro.IndexOf('\n', at);
        string goal = end < 0 ? intro[(at + marker.Length)..] : intro[(at + marker.Length)..end];
        return goal.Trim().TrimEnd('.');
    }

    /// <summary>Reads the examineReceptacle part of a go-to, open or examine feedback about <paramref name="receptacle"/>.</summary>
    public static ReceptacleView Describe(string text, string receptacle, out List<string> contents)
    {
        contents = [];
        text = WithoutArrival(text);
        if (text.Contains($"The {receptacle} is closed.", StringComparison.Ordinal)) return ReceptacleView.Closed;
        string open = $"The {receptacle} is open. In it, you see ";
        int at = text.IndexOf(open, StringComparison.Ordinal);
        if (at >= 0) { contents = Items(text[(at + open.Length)..]); return ReceptacleView.Open; }
        string surface = $"On the {receptacle}, you see ";
        at = text.IndexOf(surface, StringComparison.Ordinal);
        if (at >= 0) { contents = Items(text[(at + surface.Length)..]); return ReceptacleView.Surface; }
        return ReceptacleView.Unknown;
    }

    /// <summary>"apple 3" → "apple".</summary>
    public static string ClassOf(string entity)
    {
        int space = entity.LastIndexOf(' ');
        return space < 0 ? entity : entity[..space];
    }
}
