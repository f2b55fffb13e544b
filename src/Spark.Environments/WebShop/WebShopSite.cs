namespace Spark.Environments.WebShop;

/// <summary>
/// The shared, read-only part of the simulated shop: the catalog and its search index. One per suite; every
/// environment (and every clone) of the suite points at it, so creating one costs only its session state.
/// </summary>
public sealed class WebShopSite
{
    /// <summary>WebShop's PRODUCT_WINDOW: products per results page.</summary>
    public const int ProductsPerPage = 10;

    readonly Lazy<ProductSearchIndex> _index;

    public WebShopSite(Catalog catalog)
    {
        Catalog = catalog;
        _index = new Lazy<ProductSearchIndex>(() => new ProductSearchIndex(catalog), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Catalog Catalog { get; }

    /// <summary>The search index, built on first use.</summary>
    public ProductSearchIndex Index => _index.Value;

    /// <summary>The top products for a search, as product indices (at most <see cref="ProductSearchIndex.TopN"/>).</summary>
    public IReadOnlyList<int> Search(string keywords) => Index.Search(keywords);
}
