using System.Text.RegularExpressions;

namespace Spark.Environments.WebShop;

/// <summary>The pages of the shop.</summary>
public enum PageKind { Search, Results, Item, Description, Features, Reviews, Done }

/// <summary>
/// One shopping session: which page is shown and what the session remembers (keywords, results page, product,
/// chosen options), with WebShop's text-env transitions (<c>WebAgentTextEnv.step</c> and <c>SimServer.receive</c>).
/// Pure state: no step counting. <see cref="Clone"/> copies only this state; the site is shared.
/// </summary>
public sealed partial class WebShopSession
{
    /// <summary>What a clickable does when clicked.</summary>
    public enum ClickKind { Button, ProductLink, Option }

    /// <summary>A clickable of the current page: its key (lower-case text or option value) and target (for a
    /// product link, the product's position on the results page; for an option, its group).</summary>
    public readonly record struct Clickable(string Key, ClickKind Kind, int Listed = -1, string OptionName = "");

    [GeneratedRegex(@"^(.+)\[(.+)\]")]
    private static partial Regex ActionPattern();

    readonly WebShopSite _site;
    List<KeyValuePair<string, string>> _options = [];
    IReadOnlyList<Clickable>? _clickables;

    public WebShopSession(WebShopSite site, Goal goal)
    {
        _site = site;
        Goal = goal;
    }

    public Goal Goal { get; }
    public PageKind Page { get; private set; } = PageKind.Search;
    /// <summary>The last search's keywords as typed (lower-case), or null before any search.</summary>
    public string? Keywords { get; private set; }
    public int ResultsPage { get; private set; }
    /// <summary>The last search's hits (product indices), best first.</summary>
    public IReadOnlyList<int> Results { get; private set; } = [];
    /// <summary>The product whose page is open (or was bought), as a catalog index; -1 when none.</summary>
    public int Product { get; private set; } = -1;
    /// <summary>Chosen options, name → value, in the order first chosen.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options => _options;
    /// <summary>Set when the session ended with a purchase.</summary>
    public RewardBreakdown? Purchase { get; private set; }

    public WebShopSite Site => _site;

    /// <summary>What the current page shows.</summary>
    public PageView View => new(Page, Goal.InstructionText, ResultsPage, Results.Count,
        Page == PageKind.Results ? ListedIndices().Select(i => _site.Catalog.Products[i]).ToList() : null,
        Product >= 0 ? _site.Catalog.Products[Product] : null,
        _options, Purchase?.Reward ?? 0);

    /// <summary>The current page as the text observation.</summary>
    public string Observation => PageText.Render(View);

    // Catalog indices of the products on the current results page.
    IEnumerable<int> ListedIndices() =>
        Results.Skip((ResultsPage - 1) * WebShopSite.ProductsPerPage).Take(WebShopSite.ProductsPerPage);

    /// <summary>WebShop's <c>get_available_actions()['has_search_bar']</c>: only the search page has one.</summary>
    public bool HasSearchBar => Page == PageKind.Search;

    /// <summary>The clickables of the current page in page order (<c>get_available_actions()['clickables']</c>).</summary>
    public IReadOnlyList<Clickable> Clickables => _clickables ??= PageText.Clickables(View);

    public WebShopSession Clone()
    {
        var copy = (WebShopSession)MemberwiseClone();
        copy._options = [.. _options];
        return copy;
    }

    /// <summary>Applies a <c>search[...]</c> or <c>click[...]</c> action; false (state unchanged) when the text env
    /// would ignore it: not of that form, or a click on something the page does not offer.</summary>
    public bool Apply(string action)
    {
        if (Page == PageKind.Done) return false;
        var m = ActionPattern().Match(action);
        if (!m.Success) return false;
        string name = m.Groups[1].Value, arg = m.Groups[2].Value.ToLowerInvariant();
        if (name == "search")
        {
            Search(arg, page: 1);
            return true;
        }
        if (name != "click" || arg == "search") return false;
        int found = -1;
        var clickables = Clickables;
        for (int i = 0; i < clickables.Count && found < 0; i++)
            if (clickables[i].Key == arg) found = i;
        if (found < 0) return false;
        Click(clickables[found]);
        return true;
    }

    void Search(string keywords, int page)
    {
        if (keywords != Keywords) Results = _site.Search(keywords);
        Keywords = keywords;
        ResultsPage = page;
        Product = -1;
        _options = [];
        Show(PageKind.Results);
    }

    // The order of SimServer.receive's checks decides what a click does.
    void Click(Clickable c)
    {
        switch (c.Key)
        {
            case "buy now":
                Purchase = WebShopReward.Compute(_site.Catalog.Products[Product], Goal,
                    _site.Catalog.PurchasePrices[Product], _options.Select(o => o.Value));
                Show(PageKind.Done);
                return;
            case "back to search":
                Keywords = null;
                Results = [];
                ResultsPage = 0;
                Product = -1;
                _options = [];
                Show(PageKind.Search);
                return;
            case "next >" when Page == PageKind.Results:
                Search(Keywords!, ResultsPage + 1);
                return;
            case "< prev" when Page == PageKind.Results:
                Search(Keywords!, ResultsPage - 1);
                return;
            case "< prev" when Page is PageKind.Description or PageKind.Features or PageKind.Reviews:
                Show(PageKind.Item);
                return;
            case "< prev" when Page == PageKind.Item:
                Search(Keywords!, ResultsPage);
                return;
            case "description": Show(PageKind.Description); return;
            case "features": Show(PageKind.Features); return;
            case "reviews": Show(PageKind.Reviews); return;
        }
        if (c.Kind == ClickKind.ProductLink)
        {
            Product = ListedIndices().ElementAt(c.Listed);
            _options = [];
        }
        else if (c.Kind == ClickKind.Option)
        {
            int at = _options.FindIndex(o => o.Key == c.OptionName);
            if (at >= 0) _options[at] = new(c.OptionName, c.Key);
            else _options.Add(new(c.OptionName, c.Key));
        }
        Show(PageKind.Item);
    }

    void Show(PageKind page)
    {
        Page = page;
        _clickables = null;
    }
}
