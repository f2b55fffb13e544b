using System.Text;
using FuzzySharp;
using FuzzySharp.PreProcess;

namespace Spark.Environments.WebShop;

/// <summary>The parts of a purchase reward, as WebShop's <c>get_reward(verbose=True)</c> reports them.</summary>
public sealed record RewardBreakdown(
    double Reward, double RType, double RAttribute, double? ROption, bool RPrice,
    bool QueryMatch, bool CategoryMatch, double TitleScore);

/// <summary>
/// WebShop's purchase reward (<c>engine/goal.py</c> <c>get_reward</c>):
/// r_type × (matched attributes + matched options + [price ≤ bound]) / (attributes + options + 1).
/// Fuzzy matches use thefuzz's <c>token_set_ratio</c> (FuzzySharp, after thefuzz's own preprocessing) above 85;
/// r_type's spaCy noun sets are approximated by <see cref="TitleNouns"/>.
/// </summary>
public static class WebShopReward
{
    const int FuzzyThreshold = 85;

    /// <summary>WebShop's COLOR_SET (<c>engine/normalize.py</c>), in its order.</summary>
    public static readonly IReadOnlyList<string> ColorSet =
    [
        "alabaster", "apricot", "aqua", "ash", "asphalt", "azure", "banana", "beige", "black", "blue", "blush",
        "bordeaux", "bronze", "brown", "burgundy", "camel", "camo", "caramel", "champagne", "charcoal", "cheetah",
        "chestnut", "chocolate", "christmas", "coffee", "cognac", "copper", "coral", "cranberry", "cream", "crystal",
        "dark", "denim", "eggplant", "elephant", "espresso", "fuchsia", "gold", "granite", "grape", "graphite",
        "grass", "gray", "green", "grey", "heather", "indigo", "ivory", "ivy", "khaki", "lavender", "lemon", "leopard",
        "light", "lilac", "lime", "magenta", "maroon", "mauve", "merlot", "midnight", "mint", "mocha", "multicolor",
        "mushroom", "mustard", "natural", "navy", "nude", "olive", "orange", "peach", "pewter", "pink", "plum",
        "purple", "rainbow", "red", "rose", "royal", "rust", "sand", "sapphire", "seashell", "silver", "skull", "slate",
        "steel", "stone", "stonewash", "sunflower", "tan", "taupe", "teal", "tiger", "turquoise", "violet", "walnut",
        "wheat", "white", "wine", "yellow",
    ];

    /// <param name="bought">The purchased product.</param>
    /// <param name="goal">The session's goal.</param>
    /// <param name="price">The purchase price (<see cref="Catalog.PurchasePrice"/>).</param>
    /// <param name="chosenOptions">The option values selected in the session.</param>
    public static RewardBreakdown Compute(Product bought, Goal goal, double price, IEnumerable<string> chosenOptions)
    {
        bool queryMatch = bought.Query == goal.Query;
        bool categoryMatch = CategoryParts(bought.ProductCategory).Intersect(CategoryParts(goal.ProductCategory)).Count() >= 2;
        double titleScore = TitleNouns.TitleScore(bought.Title, goal.Name);
        double rType = 1.0;
        if (!(queryMatch || categoryMatch || titleScore > 0.2)) rType = 0.5;
        if (titleScore < 0.1) rType = 0.1;
        if (titleScore == 0.0) rType = 0.0;

        int attributeMatches = goal.Attributes.Count(g => AttributeMatches(bought, g));
        var purchased = chosenOptions.Select(NormalizeColor).ToList();
        int optionMatches = goal.Options.Select(NormalizeGoalOption)
            .Count(g => purchased.Any(p => TokenSetRatio(p, g) > FuzzyThreshold));
        bool priceOk = price <= goal.PriceUpper;

        int total = goal.Attributes.Count + goal.Options.Count + 1;
        double reward = (attributeMatches + optionMatches + (priceOk ? 1 : 0)) / (double)total * rType;
        return new RewardBreakdown(
            reward, rType,
            goal.Attributes.Count == 0 ? double.NaN : (double)attributeMatches / goal.Attributes.Count,
            goal.Options.Count == 0 ? null : (double)optionMatches / goal.Options.Count,
            priceOk, queryMatch, categoryMatch, titleScore);
    }

    static IEnumerable<string> CategoryParts(string productCategory) =>
        productCategory.Split('›').Select(PythonText.Strip).Distinct(StringComparer.Ordinal);

    static bool AttributeMatches(Product bought, string goalAttribute)
    {
        if (bought.Attributes.Any(p => TokenSetRatio(p, goalAttribute) > FuzzyThreshold)) return true;
        return bought.Title.ToLowerInvariant().Contains(goalAttribute, StringComparison.Ordinal)
               || string.Join(' ', bought.BulletPoints).ToLowerInvariant().Contains(goalAttribute, StringComparison.Ordinal)
               || bought.Description.ToLowerInvariant().Contains(goalAttribute, StringComparison.Ordinal);
    }

    /// <summary>WebShop's <c>normalize_color</c>: the first colour of its list contained in the string, else the string.</summary>
    public static string NormalizeColor(string option) =>
        ColorSet.FirstOrDefault(c => option.Contains(c, StringComparison.Ordinal)) ?? option;

    // Synthetic goals pass (name, value) tuples: normalize_color's `in` is then tuple membership, and thefuzz
    // compares str(tuple), whose tokens after preprocessing are the name's and the value's.
    static string NormalizeGoalOption(GoalOption option) => option.Name == null
        ? NormalizeColor(option.Value)
        : ColorSet.FirstOrDefault(c => c == option.Name || c == option.Value) ?? $"{option.Name} {option.Value}";

    /// <summary>thefuzz 0.19 <c>token_set_ratio</c> (force_ascii, full_process): non-ASCII dropped, non-word
    /// characters to spaces, lower case, trimmed; 0 when either side is then empty.</summary>
    public static int TokenSetRatio(string a, string b)
    {
        string pa = FullProcess(a), pb = FullProcess(b);
        if (pa.Length == 0 || pb.Length == 0) return 0;
        return Fuzz.TokenSetRatio(pa, pb, PreprocessMode.None);
    }

    static string FullProcess(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (c > 127) continue;
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? char.ToLowerInvariant(c) : ' ');
        }
        return sb.ToString().Trim();
    }
}
