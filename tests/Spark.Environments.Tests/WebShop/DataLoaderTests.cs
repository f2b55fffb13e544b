using Spark.Environments.WebShop;
using Spark.Tests.Shared;

namespace Spark.Environments.Tests.WebShop;

/// <summary>The real-data loader on the fixtures' 300 real products and the 1,000-product attribute file.</summary>
public class DataLoaderTests
{
    internal static readonly Lazy<Catalog> Fixture = new(() => new WebShopDataLoader(Path.GetDirectoryName(RepoPaths.Fixture("webshop", "items_ins_v2_1000.json"))!).Load());

    [Fact]
    public void Loads_the_fixture_products_as_load_products_does()
    {
        var catalog = Fixture.Value;
        Assert.Equal(300, catalog.Products.Count);
        var first = catalog.Products[0];
        Assert.Equal("B06Y3VLDFB", first.Asin);
        Assert.Equal("Vhomes Lights Reclaimed Wood Console Table The Genessis Collection Sofa-Tables", first.Title);
        Assert.Equal("$877.8", first.PriceTag);
        Assert.Equal("console tables", first.Query);
        Assert.Equal("garden", first.Category);
        Assert.Equal(4, first.BulletPoints.Count);
        Assert.Empty(first.Options); // customization_options is ""
        Assert.Equal(["console table", "solid wood"], first.Attributes);
    }

    [Fact]
    public void Options_are_lower_case_with_slashes_as_bars_and_prices_keep_ranges()
    {
        var catalog = Fixture.Value;
        var withOptions = catalog.Products.Where(p => p.Options.Count > 0).ToList();
        Assert.NotEmpty(withOptions);
        foreach (var p in withOptions)
            foreach (var g in p.Options)
            {
                Assert.Equal(g.Name.ToLowerInvariant(), g.Name);
                Assert.All(g.Values, v => Assert.DoesNotContain('/', v));
                Assert.All(g.Values, v => Assert.Equal(v.ToLowerInvariant(), v));
            }
        Assert.Contains(catalog.Products, p => p.Pricing.Count == 2 && p.PriceTag.Contains(" to "));
        Assert.Contains(catalog.Products, p => p.PriceTag == "$100.0"); // pricing "" falls back to 100.0
        for (int i = 0; i < catalog.Products.Count; i++)
        {
            var prices = catalog.Products[i].Pricing;
            Assert.InRange(catalog.PurchasePrices[i], prices.Min(), prices.Max());
        }
    }

    [Fact]
    public void Attributes_come_from_items_ins_v2_and_goals_are_synthetic_without_human_instructions()
    {
        var catalog = Fixture.Value;
        Assert.Contains(catalog.Products, p => p.Attributes.Count > 0 && p.Attributes[0] != "DUMMY_ATTR");
        Assert.NotEmpty(catalog.Goals);
        foreach (var goal in catalog.Goals.Take(200))
        {
            var product = catalog.Find(goal.Asin)!;
            Assert.NotEmpty(goal.Attributes);
            Assert.All(goal.Options, o => Assert.Contains(product.Options, g => g.Name == o.Name && g.Values.Contains(o.Value)));
            Assert.Equal(product.Options.Count, goal.Options.Count);
            if (goal.Options.Count > 0) Assert.Contains(" with ", goal.InstructionText);
            if (goal.PriceUpper < 1e6) Assert.EndsWith($", and price lower than {goal.PriceUpper:0.00} dollars", goal.InstructionText);
        }
    }

    [Fact]
    public void Goal_order_is_fixed_by_webshops_seed_and_prices_by_ours()
    {
        string dir = Path.GetDirectoryName(RepoPaths.Fixture("webshop", "items_ins_v2_1000.json"))!;
        var again = new WebShopDataLoader(dir).Load();
        Assert.Equal(Fixture.Value.Goals.Select(g => g.InstructionText), again.Goals.Select(g => g.InstructionText));
        var otherSeed = new WebShopDataLoader(dir, seed: 2).Load();
        // random.seed(233) fixes which product each goal index belongs to; the price draws follow the suite seed.
        Assert.Equal(Fixture.Value.Goals.Select(g => g.Asin), otherSeed.Goals.Select(g => g.Asin));
        Assert.Equal(Fixture.Value.Goals.Select(g => g.Name), otherSeed.Goals.Select(g => g.Name));
    }

    [Fact]
    public void First_products_limit_and_missing_folder_errors()
    {
        string dir = Path.GetDirectoryName(RepoPaths.Fixture("webshop", "items_ins_v2_1000.json"))!;
        Assert.Equal(40, new WebShopDataLoader(dir, maxProducts: 40).Load().Products.Count);
        Assert.Throws<DirectoryNotFoundException>(() => new WebShopDataLoader(Path.Combine(dir, "missing")).Load());
        Assert.Throws<FileNotFoundException>(() => new WebShopDataLoader(dir, goals: GoalSource.Human).Load());
    }
}
