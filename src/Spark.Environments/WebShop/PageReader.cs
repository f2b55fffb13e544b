using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Environments.WebShop;

/// <summary>
/// Reads what an agent can see: the instruction's wants and the text pages (results listing, item page). Used by
/// the expert, which must act only on what the observation shows.
/// </summary>
public static partial class PageReader
{
    /// <summary>A product line of a results page; a single price has LowPrice == HighPrice.</summary>
    public sealed record Listing(string Asin, string Title, double LowPrice, double HighPrice);

    /// <summary>An item page: option groups (name, values) in page order, title and price (range).</summary>
    public sealed record ItemPage(IReadOnlyList<OptionGroup> Options, string Title, double LowPrice, double HighPrice);

    [GeneratedRegex(@"price lower than ([0-9]+(?:\.[0-9]+)?) dollars")]
    private static partial Regex PriceClause();

    [GeneratedRegex(@"[a-z0-9]+(?:\.[0-9]+)?")]
    private static partial Regex Word();

    [GeneratedRegex(@"\$([0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex Dollar();

    [GeneratedRegex("^[A-Z0-9]{10}$")]
    private static partial Regex AsinPattern();

    static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "i", "im", "am", "m", "d", "looking", "look", "need", "want", "wanted", "find", "me", "would", "like", "can",
        "you", "to", "buy", "show", "please", "a", "an", "the", "and", "with", "that", "is", "are", "in", "of",
        "for", "it", "my", "some", "one", "get", "also", "which", "this", "be", "should", "on", "or", "its",
    };

    /// <summary>The instruction without its price clause.</summary>
    public static string WithoutPrice(string instruction)
    {
        int at = instruction.IndexOf(", and price lower than", StringComparison.Ordinal);
        return at >= 0 ? instruction[..at] : instruction;
    }

    /// <summary>The price bound the instruction names, or +∞.</summary>
    public static double PriceBound(string instruction) =>
        PriceClause().Match(instruction) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : double.PositiveInfinity;

    /// <summary>Lower-case word tokens with a light plural stem ("shoes" → "shoe").</summary>
    public static List<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => Stem(m.Value)).ToList();

    static string Stem(string w) => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss") ? w[..^1] : w;

    /// <summary>The words of the instruction that say what is wanted (no filler, no price clause), in order, unique.</summary>
    public static List<string> ContentWords(string instruction) =>
        Words(WithoutPrice(instruction)).Where(w => !Filler.Contains(w)).Distinct().ToList();

    /// <summary>A search query from the instruction: its content words as written (unstemmed).</summary>
    public static string Query(string instruction)
    {
        var words = Word().Matches(WithoutPrice(instruction).ToLowerInvariant()).Select(m => m.Value)
            .Where(w => !Filler.Contains(w)).ToList();
        return string.Join(' ', words);
    }

    /// <summary>The product lines of a results page observation.</summary>
    public static List<Listing> Results(string observation)
    {
        var parts = observation.Split(PageText.Separator);
        var listings = new List<Listing>();
        int start = Array.IndexOf(parts, "Next >");
        for (int i = start + 1; start >= 0 && i + 2 < parts.Length; i += 3)
        {
            if (!AsinPattern().IsMatch(parts[i])) break;
            var (low, high) = Prices(parts[i + 2]);
            listings.Add(new Listing(parts[i], parts[i + 1], low, high));
        }
        return listings;
    }

    /// <summary>The item page observation read with the page's option values (the clickables that are options).</summary>
    public static ItemPage Item(string observation, IReadOnlySet<string> optionValues)
    {
        var parts = observation.Split(PageText.Separator);
        int prev = Array.IndexOf(parts, "< Prev");
        int price = Array.FindIndex(parts, p => p.StartsWith("Price: ", StringComparison.Ordinal));
        var groups = new List<OptionGroup>();
        string? name = null;
        var values = new List<string>();
        for (int i = prev + 1; i < price - 1; i++)
        {
            if (name != null && optionValues.Contains(parts[i])) { values.Add(parts[i]); continue; }
            if (name != null) groups.Add(new OptionGroup(name, values));
            name = parts[i];
            values = [];
        }
        if (name != null) groups.Add(new OptionGroup(name, values));
        var (low, high) = Prices(parts[price]);
        return new ItemPage(groups, parts[price - 1], low, high);
    }

    // "$24.49" or "$24.49 to $39.99"; unreadable prices count as unaffordable.
    static (double Low, double High) Prices(string priceText)
    {
        var values = Dollar().Matches(priceText).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? (double.PositiveInfinity, double.PositiveInfinity) : (values[0], values[^1]);
    }

    /// <summary>Whether <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words.</summary>
    public static bool ContainsPhrase(string text, string phrase)
    {
        var t = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var p = Word().Matches(phrase.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (p.Count == 0) return false;
        for (int i = 0; i + p.Count <= t.Count; i++)
            if (t.Skip(i).Take(p.Count).SequenceEqual(p)) return true;
        return false;
    }
}
