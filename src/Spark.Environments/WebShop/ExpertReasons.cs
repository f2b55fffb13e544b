namespace Spark.Environments.WebShop;

/// <summary>The expert's one-sentence reasons, several wordings per move; the random picks one, never the move.</summary>
internal static class ExpertReasons
{
    static string Pick(Random r, string[] options) => options[r.Next(options.Length)];

    static string Short(string title) => title.Length <= 60 ? title : title[..57].TrimEnd() + "...";

    public static string Search(Random r, string query) => Pick(r,
    [
        $"I have not seen any products yet, so I search the shop for \"{query}\".",
        $"To find what the instruction describes, I start with a search for \"{query}\".",
        $"Nothing is known about the catalog yet; searching \"{query}\" should surface candidates.",
        $"The key words of the request are \"{query}\", so I search with them first.",
    ]);

    public static string Open(Random r, PageReader.Listing l, int shared, int wanted) => Pick(r,
    [
        $"\"{Short(l.Title)}\" shares {shared} of the {wanted} wanted words, more than the other listings, so I open it to check.",
        $"{l.Asin} looks like the most promising result so far; I open its page to see its options.",
        $"I have not confirmed a match yet, and {l.Asin} (\"{Short(l.Title)}\") is the closest listing, so I inspect it.",
        $"Among the results, {l.Asin} matches the request best by title; its page will show whether it has what I need.",
    ]);

    public static string NextPage(Random r, int page) => Pick(r,
    [
        $"None of the listings on page {page} fits the request, so I look at the next page.",
        $"Page {page} has no convincing candidate; the next page may have one.",
        $"I still have not found a suitable product on page {page}, so I move on to the next results.",
    ]);

    public static string Inspect(Random r, string section, IEnumerable<string> missing)
    {
        string words = string.Join(", ", missing.Take(3));
        return Pick(r,
        [
            $"The title and options do not mention {words}, so I check the {section} for it.",
            $"I cannot yet see {words} on this page; the {section} section may confirm it.",
            $"Before deciding, I open the {section} to look for {words}.",
        ]);
    }

    public static string BackToItem(Random r, bool confirmed) => confirmed
        ? Pick(r,
        [
            "The product has everything the instruction asks for, so I go back to its page to choose the options.",
            "That confirms the match; back on the product page I can set the options and buy.",
        ])
        : Pick(r,
        [
            "That section did not settle it, so I return to the product page.",
            "I still lack confirmation of some requirements; back to the product page.",
        ]);

    public static string Reject(Random r, string asin, IEnumerable<string> missing)
    {
        string words = string.Join(", ", missing.Take(3));
        return Pick(r,
        [
            $"{asin} does not show {words}, so I go back to the results to try another product.",
            $"This product misses {words}; another listing may fit better, so I return to the results.",
            $"{asin} is not a full match (no {words}); back to the search results.",
        ]);
    }

    public static string Reopen(Random r, string asin) => Pick(r,
    [
        $"No product matched every requirement; {asin} came closest, so I return to it.",
        $"Of the products I checked, {asin} fits best, so I open it again to buy it.",
    ]);

    public static string Option(Random r, string group, string value) => Pick(r,
    [
        $"The instruction asks for {value}, which this product offers under {group}, so I select it.",
        $"Next I set the {group} to {value}, as requested.",
        $"I choose {group} \"{value}\" to match the request.",
    ]);

    public static string Buy(Random r, PageReader.ItemPage item, double bound) => Pick(r,
    [
        $"\"{Short(item.Title)}\" matches the request and the options are set, so I buy it.",
        double.IsPositiveInfinity(bound)
            ? "Everything the instruction asks for is in place, so I click Buy Now."
            : $"It costs ${item.LowPrice}, under the {bound} dollar limit, and the options are chosen; time to buy.",
        "All the requested features are confirmed on this page, so I complete the purchase.",
    ]);
}
