namespace Spark.Environments.WebShop;

/// <summary>Everything a page shows: the page kind, the instruction and, per page, the listed products, the
/// open product, the chosen options or the reward.</summary>
/// <param name="Listed">The products on the current results page.</param>
/// <param name="TotalResults">The number of search hits (at most 50).</param>
public sealed record PageView(
    PageKind Page,
    string Instruction,
    int ResultsPage = 0,
    int TotalResults = 0,
    IReadOnlyList<Product>? Listed = null,
    Product? Product = null,
    IReadOnlyList<KeyValuePair<string, string>>? Options = null,
    double Reward = 0);

/// <summary>
/// WebShop's <c>observation_mode='text'</c>: the visible text nodes of each page template (<c>web_agent_site/templates</c>),
/// each passed through <see cref="PythonText.NodePart"/>, joined with " [SEP] "; and the page's clickables in page
/// order (buttons, product links, option values; a repeated key keeps its first place, as a Python dict does).
/// </summary>
public static class PageText
{
    public const string Separator = " [SEP] ";

    public static string Render(PageView s)
    {
        var parts = new List<string>(64);
        void Add(string text)
        {
            if (PythonText.NodePart(text) is { } part) parts.Add(part);
        }

        if (s.Page == PageKind.Done)
        {
            AddDonePage(s, Add);
            return string.Join(Separator, parts);
        }
        if (s.Page == PageKind.Search) Add("WebShop");
        Add("Instruction:");
        Add(s.Instruction);
        if (s.Page == PageKind.Search)
        {
            Add("Search");
            return string.Join(Separator, parts);
        }
        Add("Back to Search");
        switch (s.Page)
        {
            case PageKind.Results:
                Add($"Page {s.ResultsPage} (Total results: {s.TotalResults})");
                if (s.ResultsPage > 1) Add("< Prev");
                Add("Next >");
                foreach (var p in s.Listed ?? [])
                {
                    Add(p.Asin);
                    Add(p.Title);
                    Add(p.PriceTag);
                }
                break;
            case PageKind.Item:
                var product = s.Product!;
                Add("< Prev");
                foreach (var group in product.Options)
                {
                    Add(group.Name);
                    foreach (string value in group.Values) Add(value);
                }
                Add(product.Title);
                Add("Price: " + product.PriceTag);
                Add("Rating: N.A.");
                Add("Description");
                Add("Features");
                Add("Reviews");
                Add("Buy Now");
                break;
            case PageKind.Description:
                Add("< Prev");
                Add(s.Product!.Description);
                break;
            case PageKind.Features:
                Add("< Prev");
                // The template writes a space before each bullet point inside its <p>.
                foreach (string bullet in s.Product!.BulletPoints) Add(" " + bullet);
                break;
            case PageKind.Reviews:
                Add("< Prev"); // reviews are never loaded
                break;
        }
        return string.Join(Separator, parts);
    }

    // The done page as the text env renders it: no MTurk code, goal or reward details are passed to the template.
    static void AddDonePage(PageView s, Action<string> add)
    {
        var product = s.Product!;
        string[] head = ["Thank you for shopping with us!", "Your code:", "None", "(Paste it in your MTurk interface.)", "Purchased", "asin"];
        foreach (string t in head) add(t);
        add(product.Asin);
        add("options");
        add(PythonText.ToJson(s.Options ?? []));
        string[] tail =
        [
            "attrs", "None", "category", "None", "query", "None", "product category", "None", "Target", "asin",
            "options", "attrs", "price upper", "instuction text", "category", "product category", "query", "Goal",
            "None", "Reward", "Your score (min 0.0, max 1.0)",
        ];
        foreach (string t in tail) add(t);
        add(PythonText.FloatRepr(s.Reward));
        add("Reward Details");
        add("None");
    }

    /// <summary>The page's clickables; a product link carries the listed product's position on the page.</summary>
    public static IReadOnlyList<WebShopSession.Clickable> Clickables(PageView s)
    {
        var list = new List<WebShopSession.Clickable>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(WebShopSession.Clickable c)
        {
            if (position.TryGetValue(c.Key, out int at)) list[at] = c;
            else
            {
                position[c.Key] = list.Count;
                list.Add(c);
            }
        }
        void Button(string key) => Add(new(key, WebShopSession.ClickKind.Button));

        switch (s.Page)
        {
            case PageKind.Search:
                Button("search");
                break;
            case PageKind.Results:
                Button("back to search");
                if (s.ResultsPage > 1) Button("< prev");
                Button("next >");
                var listed = s.Listed ?? [];
                for (int i = 0; i < listed.Count; i++)
                    Add(new(listed[i].Asin.ToLowerInvariant(), WebShopSession.ClickKind.ProductLink, i));
                break;
            case PageKind.Item:
                foreach (string b in new[] { "back to search", "< prev", "description", "features", "reviews", "buy now" }) Button(b);
                foreach (var group in s.Product!.Options)
                    foreach (string value in group.Values)
                        Add(new(value, WebShopSession.ClickKind.Option, OptionName: group.Name));
                break;
            case PageKind.Description or PageKind.Features or PageKind.Reviews:
                Button("back to search");
                Button("< prev");
                break;
        }
        return list;
    }
}
