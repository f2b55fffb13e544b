using System.Globalization;
using System.Text;
using Spark.Core.Randomness;

namespace Spark.Environments.WebShop;

/// <summary>
/// The built-in catalog: products in the style of WebShop's scraped data (keyword-stuffed titles, breadcrumbs,
/// option groups, prices and ranges, attribute phrases, descriptions and bullet points) and human-style
/// instructions naming attributes, options and a price bound. Fully determined by (products, goals, seed), so a
/// fresh machine gets the same shop without any download.
/// </summary>
public sealed class CatalogGenerator(int products = CatalogGenerator.DefaultProducts, int? goals = null, int seed = 1) : ICatalogSource
{
    public const int DefaultProducts = 1000;
    public const int MaxProducts = 100_000;

    static readonly string[] BrandSyllables =
        ["ka", "lo", "vi", "mar", "zen", "tu", "ro", "bel", "qui", "sa", "dor", "fi", "nex", "ly", "po", "gra", "tek", "mo", "vel", "un", "xo", "ha", "ri", "plu"];

    public int GoalCount => goals ?? 2 * products;

    public string Describe() => $"generated: {products} products, {GoalCount} goals, seed {seed}";

    public Catalog Load()
    {
        if (products < 1 || products > MaxProducts)
            throw new ArgumentOutOfRangeException(nameof(products), $"between 1 and {MaxProducts} products");
        var random = Seeds.Random((ulong)seed, 0x5750); // "WP": the products
        var list = new List<Product>(products);
        var nouns = new List<IReadOnlyList<string>>(products);
        var asins = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < products; i++)
        {
            var (product, noun) = MakeProduct(random, asins);
            list.Add(product);
            nouns.Add(noun);
        }
        var priceRandom = new PythonRandom((ulong)seed);
        var prices = list.Select(p => Pricing.PurchasePrice(p.Pricing, priceRandom)).ToList();
        var goalRandom = Seeds.Random((ulong)seed, 0x5747); // "WG": the goals
        var goalList = new List<Goal>(GoalCount);
        for (int g = 0; g < GoalCount; g++)
        {
            int target = goalRandom.Next(products);
            goalList.Add(InstructionWriter.MakeGoal(list[target], nouns[target], prices[target], goalRandom, priceRandom));
        }
        return new Catalog(list, prices, goalList, Describe());
    }

    static (Product, IReadOnlyList<string> Nouns) MakeProduct(Random r, HashSet<string> asins)
    {
        var type = CatalogVocabulary.Types[r.Next(CatalogVocabulary.Types.Length)];
        string asin;
        do asin = "B0" + new string(Enumerable.Range(0, 8).Select(_ => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[r.Next(36)]).ToArray());
        while (!asins.Add(asin));

        string brand = Brand(r);
        var attributes = Pick(r, type.Attributes, r.Next(3, 6));
        var inTitle = attributes.Where(_ => r.NextDouble() < 0.8).ToList();
        if (inTitle.Count == 0) inTitle.Add(attributes[0]);
        string noun = type.Nouns[r.Next(type.Nouns.Length)];
        string noun2 = type.Nouns[r.Next(type.Nouns.Length)];
        if (noun2 == noun) noun2 = type.Nouns.First(n => n != noun);
        string use = type.Uses[r.Next(type.Uses.Length)];

        var title = new StringBuilder(brand);
        int firstHalf = (inTitle.Count + 1) / 2;
        foreach (string a in inTitle.Take(firstHalf)) title.Append(' ').Append(TitleCase(a));
        title.Append(' ').Append(noun);
        if (r.NextDouble() < 0.6) title.Append(" for ").Append(TitleCase(use));
        if (inTitle.Count > firstHalf)
        {
            title.Append(',');
            foreach (string a in inTitle.Skip(firstHalf)) title.Append(' ').Append(TitleCase(a));
            title.Append(' ').Append(noun2);
        }

        var options = type.Options.Select(t => new OptionGroup(t.Name, PickOptionValues(r, t))).ToList();
        double low = Math.Floor(type.MinPrice + r.NextDouble() * (type.MaxPrice - type.MinPrice)) + Cents[r.Next(Cents.Length)];
        IReadOnlyList<double> pricing = r.NextDouble() < 0.2
            ? [low, Math.Floor(low * (1.2 + r.NextDouble() * 0.6)) + 0.99]
            : [low];

        var hidden = attributes.Except(inTitle).ToList();
        var bullets = MakeBullets(r, attributes, hidden, noun, use);
        string description = MakeDescription(r, brand, noun, use, attributes);
        var product = new Product(asin, title.ToString(), description, bullets, type.Category, type.Query,
            type.ProductCategory, pricing, Pricing.Tag(pricing), options, attributes);
        return (product, inTitle.Count > firstHalf ? [noun, noun2] : [noun]);
    }

    static readonly double[] Cents = [0.99, 0.99, 0.95, 0.49, 0.0, 0.97];

    static List<string> MakeBullets(Random r, List<string> attributes, List<string> hidden, string noun, string use)
    {
        // Attributes missing from the title come first, so the indexed first bullet carries them.
        var order = hidden.Concat(attributes.Except(hidden)).ToList();
        var bullets = new List<string>();
        foreach (string a in order.Take(r.Next(2, 5)))
            bullets.Add($"[{a.ToUpperInvariant()}]: " + BulletSentences[r.Next(BulletSentences.Length)]
                .Replace("{a}", a).Replace("{n}", noun.ToLowerInvariant()).Replace("{u}", use));
        bullets.Add($"PACKAGE INCLUDES: 1 x {noun.ToLowerInvariant()}; if you have any question, please contact us and we will reply within 24 hours.");
        return bullets;
    }

    static readonly string[] BulletSentences =
    [
        "this {n} is made with {a}, a practical choice for {u}.",
        "{a} keeps the {n} comfortable and reliable every day.",
        "thanks to {a}, our {n} is a favourite for {u}.",
        "we designed the {n} around {a} after listening to our customers.",
    ];

    static string MakeDescription(Random r, string brand, string noun, string use, List<string> attributes)
    {
        var sb = new StringBuilder($"{brand} {noun.ToLowerInvariant()} for {use}.");
        foreach (string a in attributes)
            sb.Append(' ').Append(DescriptionSentences[r.Next(DescriptionSentences.Length)].Replace("{a}", a));
        sb.Append(" Satisfaction guaranteed.");
        return sb.ToString();
    }

    static readonly string[] DescriptionSentences =
    [
        "Features {a}.", "Designed with {a} in mind.", "Customers love the {a}.", "Made with {a} for lasting quality.",
    ];

    static List<string> PickOptionValues(Random r, OptionTemplate t)
    {
        int count = Math.Min(t.Values.Length, r.Next(t.MinCount, t.MaxCount + 1));
        if (t.Contiguous)
        {
            int start = r.Next(t.Values.Length - count + 1);
            return t.Values.Skip(start).Take(count).ToList();
        }
        var chosen = new HashSet<string>(Pick(r, t.Values, count));
        return t.Values.Where(chosen.Contains).ToList();
    }

    static List<string> Pick(Random r, string[] pool, int count)
    {
        var copy = pool.ToList();
        for (int i = copy.Count - 1; i > 0; i--)
        {
            int j = r.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy.Take(Math.Min(count, copy.Count)).ToList();
    }

    static string Brand(Random r)
    {
        var sb = new StringBuilder();
        for (int k = r.Next(2, 4); k > 0; k--) sb.Append(BrandSyllables[r.Next(BrandSyllables.Length)]);
        string word = sb.ToString();
        return r.NextDouble() < 0.4 ? word.ToUpperInvariant() : char.ToUpperInvariant(word[0]) + word[1..];
    }

    static string TitleCase(string phrase) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(phrase);
}
