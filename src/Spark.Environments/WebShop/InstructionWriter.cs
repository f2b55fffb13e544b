namespace Spark.Environments.WebShop;

/// <summary>
/// Writes the generated catalog's goals in the manner of WebShop's crowd-sourced instructions: lower case, a few
/// of the product's attributes, option values phrased by their group, then WebShop's own price clause.
/// </summary>
public static class InstructionWriter
{
    static readonly string[] Openers =
    [
        "i am looking for", "i'm looking for", "i need", "i want", "find me", "looking for", "i would like",
        "can you find me", "i'd like to buy", "show me", "i want to buy", "please find",
    ];

    /// <summary>A goal for <paramref name="product"/>, naming it by one of the head nouns of its title: 1–3 of its attributes, a value for most of its option groups
    /// (at most two), and WebShop's price bound drawn from <paramref name="priceRandom"/>.</summary>
    public static Goal MakeGoal(Product product, IReadOnlyList<string> titleNouns, double purchasePrice, Random r, PythonRandom priceRandom)
    {
        var attributes = product.Attributes.OrderBy(_ => r.Next()).Take(r.Next(1, 4)).ToList();
        var options = new List<(string Group, string Value)>();
        foreach (var group in product.Options.Take(2))
            if (group.Values.Count > 0 && r.NextDouble() < 0.85)
                options.Add((group.Name, group.Values[r.Next(group.Values.Count)]));

        string noun = titleNouns[r.NextDouble() < 0.75 ? 0 : r.Next(titleNouns.Count)].ToLowerInvariant();
        string text = Openers[r.Next(Openers.Length)] + " " + Subject(noun, attributes, r);
        if (options.Count > 0)
            text += (r.NextDouble() < 0.5 ? ", " : " ") + string.Join(" and ", options.Select(o => OptionPhrase(o.Group, o.Value, r)));
        var (upper, clause) = Pricing.GoalBound(purchasePrice, priceRandom);
        return new Goal(product.Asin, product.Category, product.Query, product.Title, product.ProductCategory,
            text + clause, attributes, options.Select(o => new GoalOption(o.Value)).ToList(), upper);
    }

    static string Subject(string noun, List<string> attributes, Random r)
    {
        string joined = attributes.Count == 1
            ? attributes[0]
            : string.Join(", ", attributes.Take(attributes.Count - 1)) + " and " + attributes[^1];
        string article = noun.EndsWith('s') ? "" : "aeiou".Contains(noun[0]) ? "an " : "a ";
        return r.Next(4) switch
        {
            0 => $"{article}{joined} {noun}",
            1 => $"{article}{noun} with {joined}",
            2 => $"{article}{noun} that is {joined}",
            _ => $"{joined} {noun}",
        };
    }

    static string OptionPhrase(string group, string value, Random r) => group switch
    {
        "color" => r.Next(3) switch { 0 => $"in {value}", 1 => $"in {value} color", _ => $"with color {value}" },
        "size" => r.Next(3) switch { 0 => $"in size {value}", 1 => $"{value} size", _ => $"size: {value}" },
        _ => r.Next(3) switch { 0 => $"{group}: {value}", 1 => $"in {value} {group}", _ => $"with {value} {group}" },
    };
}
