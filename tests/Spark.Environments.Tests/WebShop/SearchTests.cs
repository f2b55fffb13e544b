using Spark.Environments.WebShop;

namespace Spark.Environments.Tests.WebShop;

/// <summary>The BM25 index: deterministic, top 50, and a product's own title finds it.</summary>
public class SearchTests
{
    static WebShopSite Site => EnvironmentTests.Suite.Value.Site;

    [Fact]
    public void Search_is_deterministic_across_calls_and_index_builds()
    {
        var first = Site.Search("non slip running shoes black");
        Assert.Equal(first, Site.Search("non slip running shoes black"));
        Assert.Equal(first, Site.Index.Search("non slip running shoes black")); // the site's memory of searches agrees
        using var rebuilt = new ProductSearchIndex(Site.Catalog);
        Assert.Equal(first, rebuilt.Search("non slip running shoes black"));
        Assert.Equal(ProductSearchIndex.TopN, first.Count);
    }

    [Fact]
    public void Analysis_stems_and_drops_stop_words()
    {
        Assert.Equal(Site.Search("running shoe"), Site.Search("the run shoes"));
        Assert.Empty(Site.Search("the and of"));
        Assert.Empty(Site.Search("   "));
    }

    [Fact]
    public void A_products_title_finds_it()
    {
        var products = Site.Catalog.Products;
        int first = 0;
        for (int i = 0; i < 200; i++)
        {
            var hits = Site.Search(products[i].Title.ToLowerInvariant());
            Assert.Contains(i, hits.Take(WebShopSite.ProductsPerPage));
            if (hits[0] == i) first++;
        }
        Assert.True(first >= 190, $"{first} of 200 titles ranked their product first");
    }

    [Fact]
    public void A_real_products_title_finds_it()
    {
        var catalog = DataLoaderTests.Fixture.Value;
        using var index = new ProductSearchIndex(catalog);
        int first = 0;
        for (int i = 0; i < catalog.Products.Count; i++)
        {
            var hits = index.Search(catalog.Products[i].Title.ToLowerInvariant());
            Assert.Contains(i, hits.Take(WebShopSite.ProductsPerPage));
            if (hits[0] == i) first++;
        }
        Assert.True(first >= 285, $"{first} of 300 titles ranked their product first");
    }
}
