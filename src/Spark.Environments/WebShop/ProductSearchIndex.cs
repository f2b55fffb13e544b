using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Spark.Environments.WebShop;

/// <summary>
/// WebShop's search engine: a BM25 Lucene index over each product's <see cref="Product.SearchText"/>, queried as
/// pyserini's <c>LuceneSearcher.search(q, k=50)</c> does (Anserini's English analyzer: standard tokenizer,
/// possessives, lower case, English stop words, Porter stemming; BM25 k1 = 0.9, b = 0.4; a bag-of-words query
/// whose repeated terms are boosted by their count). Built once per catalog in memory; thread-safe to query.
/// </summary>
public sealed class ProductSearchIndex : IDisposable
{
    /// <summary>WebShop's SEARCH_RETURN_N.</summary>
    public const int TopN = 50;

    const LuceneVersion Version = LuceneVersion.LUCENE_48;
    const string ContentsField = "contents";
    readonly RAMDirectory _directory = new();
    readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    readonly DirectoryReader _reader;
    readonly IndexSearcher _searcher;

    public ProductSearchIndex(Catalog catalog)
    {
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(0.9f, 0.4f),
            RAMBufferSizeMB = 64,
            // Log merges keep documents in insertion order, so a hit's doc id is the product's index.
            MergePolicy = new LogByteSizeMergePolicy(),
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            var field = new TextField(ContentsField, "", Field.Store.NO);
            var doc = new Document { field };
            foreach (var product in catalog.Products)
            {
                field.SetStringValue(product.SearchText());
                writer.AddDocument(doc);
            }
            writer.ForceMerge(1);
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        if (_reader.MaxDoc != catalog.Products.Count)
            throw new InvalidOperationException($"index holds {_reader.MaxDoc} documents for {catalog.Products.Count} products");
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(0.9f, 0.4f) };
    }

    /// <summary>Indices (into <see cref="Catalog.Products"/>) of the top <paramref name="k"/> products for the
    /// keywords, best first; ties keep catalog order.</summary>
    public IReadOnlyList<int> Search(string keywords, int k = TopN)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        using (var stream = _analyzer.GetTokenStream(ContentsField, keywords))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                string t = term.ToString();
                if (counts.TryGetValue(t, out int c)) counts[t] = c + 1;
                else if (order.Count < BooleanQuery.MaxClauseCount) { counts[t] = 1; order.Add(t); }
            }
            stream.End();
        }
        if (order.Count == 0) return [];
        var query = new BooleanQuery(disableCoord: true);
        foreach (string t in order)
            query.Add(new TermQuery(new Term(ContentsField, t)) { Boost = counts[t] }, Occur.SHOULD);
        var hits = _searcher.Search(query, k).ScoreDocs;
        var result = new int[hits.Length];
        for (int i = 0; i < hits.Length; i++) result[i] = hits[i].Doc;
        return result;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
