using System.Collections.Concurrent;

namespace Spark.Environments.WebShop;

/// <summary>
/// The shared, read-only part of the simulated shop: the catalog and its search index. One per suite; every
/// environment (and every clone) of the suite points at it, so creating one costs only its session state.
/// </summary>
public sealed class WebShopSite
{
    /// <summary>WebShop's PRODUCT_WINDOW: products per results page.</summary>
    public const int ProductsPerPage = 10;

    /// <summary>Searches remembered before the memory is cleared: rollouts of one task repeat the same queries.</summary>
    public const int CachedSearches = 4096;

    readonly Lazy<ProductSearchIndex> _index;
    readonly ConcurrentDictionary<string, IReadOnlyList<int>> _cache = new(StringComparer.Ordinal);

    public WebShopSite(Catalog catalog)
    {
        Catalog = catalog;
        _index = new Lazy<ProductSearchIndex>(() => new ProductSearchIndex(catalog), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A site over an index already built for <paramref name="catalog"/> (e.g. shared by two suites).</summary>
    public WebShopSite(Catalog catalog, ProductSearchIndex index)
    {
        Catalog = catalog;
        _index = new Lazy<ProductSearchIndex>(index);
    }

    public Catalog Catalog { get; }

    /// <summary>The search index, built on first use.</summary>
    public ProductSearchIndex Index => _index.Value;

    /// <summary>The top products for a search, as product indices (at most <see cref="ProductSearchIndex.TopN"/>).
    /// Results are deterministic, so repeated keywords are answered from memory.</summary>
    public IReadOnlyList<int> Search(string keywords)
    {
        if (_cache.TryGetValue(keywords, out var hits)) return hits;
        hits = Index.Search(keywords);
        if (_cache.Count >= CachedSearches) _cache.Clear();
        _cache[keywords] = hits;
        return hits;
    }
}
