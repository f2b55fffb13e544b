namespace Spark.Training.Agents.Memory;

/// <summary>
/// WebShop memory line: the queries tried, the products opened (code and a few words of title), and the
/// options chosen on the product now open. Reads the text-mode pages (envs.md §2.2): a results page has
/// "(Total results: N)", an item page ends its buttons with "Buy Now".
/// Example: <c>searched "red shoes", "red shoes size 9"; viewed b07x1 (Nike Air Max Red…); chose size 9, red</c>.
/// </summary>
public sealed class WebShopMemory : IMemoryTracker
{
    const string Sep = " [SEP] ";
    static readonly HashSet<string> Buttons = new(StringComparer.OrdinalIgnoreCase)
    {
        "search", "back to search", "next >", "< prev", "description", "features", "reviews", "attributes", "buy now",
    };

    readonly List<string> _queries = [];
    readonly List<string> _viewed = [];
    readonly List<string> _options = [];

    public void Start(string observation) { }

    public void Record(string before, string action, string after)
    {
        string act = action.Trim();
        if (TryArgument(act, "search", out var query))
        {
            if (!_queries.Contains(query)) _queries.Add(query);
            return;
        }
        if (!TryArgument(act, "click", out var value) || Buttons.Contains(value)) return;

        if (before.Contains("(Total results:", StringComparison.Ordinal))
        {
            _viewed.Remove(ProductLabel(before, value));
            _viewed.Add(ProductLabel(before, value));
            _options.Clear();
        }
        else if (before.Contains(Sep + "Buy Now", StringComparison.Ordinal) && !_options.Contains(value))
        {
            _options.Add(value);
        }
    }

    public string Render()
    {
        var parts = new List<string>();
        if (_queries.Count > 0) parts.Add("searched " + string.Join(", ", _queries.Select(q => $"\"{q}\"")));
        if (_viewed.Count > 0) parts.Add("viewed " + string.Join(", ", _viewed));
        if (_options.Count > 0) parts.Add("chose " + string.Join(", ", _options));
        return string.Join("; ", parts);
    }

    public IMemoryTracker Clone()
    {
        var copy = new WebShopMemory();
        copy._queries.AddRange(_queries);
        copy._viewed.AddRange(_viewed);
        copy._options.AddRange(_options);
        return copy;
    }

    // "b07x1 (First words of its title…)": the title is the page part right after the product code.
    static string ProductLabel(string resultsPage, string code)
    {
        var parts = resultsPage.Split(Sep);
        int i = Array.FindIndex(parts, p => p.Trim().Equals(code, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < parts.Length ? $"{code} ({MemoryText.Shorten(parts[i + 1].Trim(), 5)})" : code;
    }

    static bool TryArgument(string action, string verb, out string argument)
    {
        argument = "";
        if (!action.StartsWith(verb + "[", StringComparison.OrdinalIgnoreCase) || !action.EndsWith(']')) return false;
        argument = action[(verb.Length + 1)..^1].Trim();
        return argument.Length > 0;
    }
}
