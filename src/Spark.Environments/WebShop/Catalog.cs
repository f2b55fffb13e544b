using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Environments.WebShop;

/// <summary>Where a catalog comes from: the built-in generator or WebShop's own data files.</summary>
public interface ICatalogSource
{
    /// <summary>One line for logs and docs, e.g. "generated: 1000 products, seed 1".</summary>
    string Describe();

    Catalog Load();
}

/// <summary>
/// Products, their purchase prices and the goals in WebShop's order (test = the first 500). Immutable once
/// built, so every environment of a suite shares one catalog and one search index.
/// </summary>
public sealed class Catalog
{
    readonly Dictionary<string, int> _indexByAsin;

    /// <param name="products">Products in file order (the search index's document order).</param>
    /// <param name="purchasePrices">Per product, the price the reward compares with the goal's bound
    /// (WebShop draws one uniformly inside a price range at load time).</param>
    /// <param name="goals">Goals in final order.</param>
    /// <param name="description">Where the catalog came from.</param>
    public Catalog(IReadOnlyList<Product> products, IReadOnlyList<double> purchasePrices, IReadOnlyList<Goal> goals, string description)
    {
        if (purchasePrices.Count != products.Count)
            throw new ArgumentException("one purchase price per product is required", nameof(purchasePrices));
        Products = products;
        PurchasePrices = purchasePrices;
        Goals = goals;
        Description = description;
        _indexByAsin = new Dictionary<string, int>(products.Count, StringComparer.Ordinal);
        for (int i = 0; i < products.Count; i++)
            if (!_indexByAsin.TryAdd(products[i].Asin, i))
                throw new ArgumentException($"duplicate asin {products[i].Asin}", nameof(products));
        foreach (var goal in goals)
            if (!_indexByAsin.ContainsKey(goal.Asin))
                throw new ArgumentException($"goal for unknown asin {goal.Asin}", nameof(goals));
    }

    public IReadOnlyList<Product> Products { get; }
    public IReadOnlyList<double> PurchasePrices { get; }
    public IReadOnlyList<Goal> Goals { get; }
    public string Description { get; }

    public int IndexOf(string asin) => _indexByAsin.TryGetValue(asin, out int i) ? i : -1;

    public Product? Find(string asin) => _indexByAsin.TryGetValue(asin, out int i) ? Products[i] : null;

    public double PurchasePrice(string asin) => PurchasePrices[_indexByAsin[asin]];
}

/// <summary>WebShop's price handling in <c>load_products</c> and <c>generate_product_prices</c>.</summary>
public static partial class Pricing
{
    /// <summary>WebShop's fallback when a product has no price.</summary>
    public const double MissingPrice = 100.0;

    [GeneratedRegex(@"[^\d.]")]
    private static partial Regex NonPriceCharacters();

    /// <summary>Parses "$10.99" or "$10.99$15.99" (any text between the '$' signs is dropped); empty → [100.0].
    /// Returns the prices (at most two) and the page tag ("$10.99", "$10.99 to $15.99", "$100.0").</summary>
    public static (IReadOnlyList<double> Prices, string Tag) Parse(string? pricing)
    {
        if (string.IsNullOrEmpty(pricing)) return ([MissingPrice], "$100.0");
        var prices = new List<double>();
        foreach (string part in pricing.Split('$').Skip(1))
        {
            string number = NonPriceCharacters().Replace(part, "");
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
                throw new InvalidDataException($"unreadable price '{pricing}'");
            prices.Add((double)value);
        }
        if (prices.Count == 0) throw new InvalidDataException($"unreadable price '{pricing}'");
        if (prices.Count == 1) return (prices, Tag(prices));
        prices = prices.Take(2).ToList();
        return (prices, Tag(prices));
    }

    /// <summary>The page tag of one price or a range.</summary>
    public static string Tag(IReadOnlyList<double> prices) => prices.Count == 1
        ? "$" + PythonText.FloatRepr(prices[0])
        : $"${PythonText.FloatRepr(prices[0])} to ${PythonText.FloatRepr(prices[1])}";

    /// <summary>The price the reward uses: the single price, or uniform(lo, hi) for a range.</summary>
    public static double PurchasePrice(IReadOnlyList<double> prices, PythonRandom random) =>
        prices.Count == 1 ? prices[0] : random.Uniform(prices[0], prices[1]);

    /// <summary>WebShop's goal price bound: the larger of two draws from the first four multiples of 10 above
    /// the price; with fewer than two such multiples, no bound (1e6) and no price clause.</summary>
    public static (double Upper, string Clause) GoalBound(double price, PythonRandom random)
    {
        var range = Enumerable.Range(1, 99).Select(i => 10.0 * i).Where(p => p > price).Take(4).ToList();
        if (range.Count < 2) return (1_000_000, "");
        var pair = random.Sample(range, 2);
        double upper = Math.Max(pair[0], pair[1]);
        return (upper, $", and price lower than {PythonText.Fixed2(upper)} dollars");
    }
}
