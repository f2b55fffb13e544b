using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spark.Environments.WebShop;
using Spark.Tests.Shared;

namespace Spark.Environments.Tests.WebShop;

/// <summary>
/// The four real WebShop pages in the fixtures: the products are read out of each page's HTML (the template
/// inputs), rendered by <see cref="PageText"/>, and compared character for character with the text-mode strings
/// and clickables in derived_expected_simple_text.json.
/// </summary>
public class PageTextTests
{
    static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("webshop", "derived_expected_simple_text.json"))).RootElement;

    static string Html(string name) => File.ReadAllText(RepoPaths.Fixture("webshop", name));

    static string Instruction(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<h4>Instruction:<br>(.*?)</h4>", RegexOptions.Singleline).Groups[1].Value);

    static Product MakeProduct(string asin, string title, string priceTag, IReadOnlyList<OptionGroup>? options = null,
        string description = "", IReadOnlyList<string>? bullets = null)
    {
        // The tag "$24.49 to $39.99" comes from the pricing string "$24.49$39.99"; parsing it back checks the float printing.
        var (prices, tag) = Pricing.Parse(priceTag.Replace(" to ", ""));
        Assert.Equal(priceTag, tag);
        return new Product(asin, title, description, bullets ?? [], "fashion", "q", "a › b", prices, tag, options ?? [], ["DUMMY_ATTR"]);
    }

    static void AssertPage(string fixture, PageView view)
    {
        var expected = Expected.GetProperty(fixture);
        Assert.Equal(expected.GetProperty("observation_text_simple").GetString(), PageText.Render(view));
        var clickables = expected.GetProperty("available_actions").GetProperty("clickables").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(clickables, PageText.Clickables(view).Select(c => c.Key).ToList());
        Assert.False(expected.GetProperty("available_actions").GetProperty("has_search_bar").GetBoolean());
    }

    [Fact]
    public void Results_page_matches_the_real_text_and_clickables()
    {
        string html = Html("mock_parse_results_ws.html");
        var asins = Regex.Matches(html, "class=\"product-link\"[^>]*>([^<]+)</a>").Select(m => m.Groups[1].Value).ToList();
        var titles = Regex.Matches(html, "product-title\">([^<]*)</h5>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var prices = Regex.Matches(html, "product-price\">([^<]*)</h6>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, asins.Count);
        var listed = asins.Select((a, i) => MakeProduct(a, titles[i], prices[i])).ToList();

        AssertPage("mock_parse_results_ws.html", new PageView(PageKind.Results, Instruction(html), ResultsPage: 1, TotalResults: 50, Listed: listed));
    }

    [Fact]
    public void Item_page_matches_the_real_text_and_clickables()
    {
        string html = Html("mock_parse_item_page_ws.html");
        var radios = Regex.Matches(html, "<input type=\"radio\"[^>]*name=\"([^\"]+)\" value=\"([^\"]+)\"")
            .Select(m => (Name: m.Groups[1].Value, Value: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        var options = radios.GroupBy(r => r.Name).Select(g => new OptionGroup(g.Key, g.Select(r => r.Value).ToList())).ToList();
        string title = WebUtility.HtmlDecode(Regex.Match(html, "<h2>(.*?)</h2>").Groups[1].Value);
        string price = Regex.Match(html, "<h4>Price: (.*?)</h4>").Groups[1].Value;
        var product = MakeProduct("B09P87V3LZ", title, price, options);

        AssertPage("mock_parse_item_page_ws.html", new PageView(PageKind.Item, Instruction(html), Product: product));
    }

    [Fact]
    public void Description_page_matches_the_real_text()
    {
        string html = Html("mock_parse_item_page_ws_desc.html");
        string description = WebUtility.HtmlDecode(Regex.Match(html, "<p class=\"product-info\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
        var product = MakeProduct("B09P87V3LZ", "t", "$100.0", description: description);

        AssertPage("mock_parse_item_page_ws_desc.html", new PageView(PageKind.Description, Instruction(html), Product: product));
    }

    [Fact]
    public void Features_page_matches_the_real_text()
    {
        string html = Html("mock_parse_item_page_ws_feat.html");
        // The template writes "<p class=\"product-info\"> {{bulletpoint}}</p>": the bullet is what follows that space.
        var bullets = Regex.Matches(html, "<li><p class=\"product-info\"> (.*?)</p></li>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(8, bullets.Count);
        var product = MakeProduct("B09P87V3LZ", "t", "$100.0", bullets: bullets);

        AssertPage("mock_parse_item_page_ws_feat.html", new PageView(PageKind.Features, Instruction(html), Product: product));
    }

    [Fact]
    public void Search_reviews_and_done_pages_have_the_documented_shapes()
    {
        var product = MakeProduct("B09P87V3LZ", "t", "$100.0");
        Assert.Equal("WebShop [SEP] Instruction: [SEP] buy shoes [SEP] Search", PageText.Render(new PageView(PageKind.Search, " buy shoes ")));
        Assert.Equal(["search"], PageText.Clickables(new PageView(PageKind.Search, "x")).Select(c => c.Key));
        Assert.Equal("Instruction: [SEP] x [SEP] Back to Search [SEP] < Prev", PageText.Render(new PageView(PageKind.Reviews, "x", Product: product)));
        Assert.Equal("Instruction: [SEP] x [SEP] Back to Search [SEP] Page 2 (Total results: 12) [SEP] < Prev [SEP] Next > [SEP] B09P87V3LZ [SEP] t [SEP] $100.0",
            PageText.Render(new PageView(PageKind.Results, "x", 2, 12, [product])));

        var done = new PageView(PageKind.Done, "x", Product: product, Options: [new("size", "men's 9"), new("color", "pink")], Reward: 2.0 / 3);
        Assert.Equal(
            "Thank you for shopping with us! [SEP] Your code: [SEP] None [SEP] (Paste it in your MTurk interface.) [SEP] Purchased [SEP] asin [SEP] B09P87V3LZ " +
            "[SEP] options [SEP] {\"color\": \"pink\", \"size\": \"men\\u0027s 9\"} [SEP] attrs [SEP] None [SEP] category [SEP] None [SEP] query [SEP] None " +
            "[SEP] product category [SEP] None [SEP] Target [SEP] asin [SEP] options [SEP] attrs [SEP] price upper [SEP] instuction text [SEP] category " +
            "[SEP] product category [SEP] query [SEP] Goal [SEP] None [SEP] Reward [SEP] Your score (min 0.0, max 1.0) [SEP] 0.6666666666666666 [SEP] Reward Details [SEP] None",
            PageText.Render(done));
        Assert.Empty(PageText.Clickables(done));
    }

    [Fact]
    public void Blank_texts_follow_beautifulsoup()
    {
        // An empty bullet leaves the template's single space: an empty part. A newline-only text is dropped.
        var product = MakeProduct("B0", "t", "$1.0", description: "\n  \n", bullets: ["a ", "", "\n"]);
        Assert.Equal("Instruction: [SEP] x [SEP] Back to Search [SEP] < Prev [SEP] a [SEP] ", PageText.Render(new PageView(PageKind.Features, "x", Product: product)));
        Assert.Equal("Instruction: [SEP] x [SEP] Back to Search [SEP] < Prev", PageText.Render(new PageView(PageKind.Description, "x", Product: product)));
    }
}
