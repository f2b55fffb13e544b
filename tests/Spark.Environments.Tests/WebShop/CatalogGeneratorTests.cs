using Spark.Environments.WebShop;

namespace Spark.Environments.Tests.WebShop;

/// <summary>The built-in catalog: deterministic, WebShop-shaped, and every goal is satisfiable by its target.</summary>
public class CatalogGeneratorTests
{
    [Fact]
    public void Same_seed_same_catalog_other_seed_other_catalog()
    {
        var a = new CatalogGenerator(300, 100, seed: 4).Load();
        var b = new CatalogGenerator(300, 100, seed: 4).Load();
        var c = new CatalogGenerator(300, 100, seed: 5).Load();
        Assert.Equal(a.Products, b.Products, (x, y) => x.Asin == y.Asin && x.Title == y.Title && x.PriceTag == y.PriceTag && x.Description == y.Description);
        Assert.Equal(a.Goals.Select(g => g.InstructionText), b.Goals.Select(g => g.InstructionText));
        Assert.Equal(a.PurchasePrices, b.PurchasePrices);
        Assert.NotEqual(a.Products.Select(p => p.Title), c.Products.Select(p => p.Title));
    }

    [Fact]
    public void Products_look_like_webshop_products()
    {
        var catalog = EnvironmentTests.Suite.Value.Site.Catalog;
        Assert.Equal(CatalogGenerator.DefaultProducts, catalog.Products.Count);
        Assert.Equal(2 * CatalogGenerator.DefaultProducts, catalog.Goals.Count);
        Assert.Equal(["beauty", "electronics", "fashion", "garden", "grocery"], catalog.Products.Select(p => p.Category).Distinct().Order());
        foreach (var p in catalog.Products)
        {
            Assert.Matches("^B0[0-9A-Z]{8}$", p.Asin);
            Assert.InRange(p.Attributes.Count, 3, 5);
            Assert.NotEmpty(p.Options);
            Assert.Contains(" › ", p.ProductCategory);
            Assert.Equal(Pricing.Tag(p.Pricing), p.PriceTag);
            Assert.All(p.Attributes, a => Assert.Contains(a, p.Description));
        }
        Assert.Contains(catalog.Products, p => p.Pricing.Count == 2);
    }

    [Fact]
    public void Buying_the_target_with_the_goal_options_earns_one()
    {
        var catalog = EnvironmentTests.Suite.Value.Site.Catalog;
        foreach (var goal in catalog.Goals.Take(300))
        {
            var target = catalog.Find(goal.Asin)!;
            Assert.InRange(goal.Attributes.Count, 1, 3);
            Assert.All(goal.Attributes, a => Assert.Contains(a, target.Attributes));
            Assert.All(goal.Options, o => Assert.Contains(target.Options, g => g.Values.Contains(o.Value)));
            Assert.True(goal.PriceUpper > catalog.PurchasePrice(goal.Asin));
            var r = WebShopReward.Compute(target, goal, catalog.PurchasePrice(goal.Asin), goal.Options.Select(o => o.Value));
            Assert.Equal(1.0, r.Reward);
        }
    }
}
