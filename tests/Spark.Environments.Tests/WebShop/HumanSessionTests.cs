using System.Text.Json;
using System.Text.RegularExpressions;
using Spark.Core.Environments;
using Spark.Environments.WebShop;
using Spark.Tests.Shared;

namespace Spark.Environments.Tests.WebShop;

/// <summary>
/// Replays the four logged human sessions (fixtures human_traj_*.jsonl) through the real-data loader and the
/// environment: every logged page is reached by the action it implies, and the purchase gets the logged reward
/// and reward parts. The logs record the goal in full but, of the products, only the ASINs, the chosen options
/// and the price paid; the rest of each bought product is rebuilt to agree with the logged reward_info (query and
/// category match, enough shared title nouns, the matched attributes), written as WebShop data files and loaded.
/// </summary>
public class HumanSessionTests
{
    sealed record LogLine(string Page, JsonElement Line)
    {
        public JsonElement Content => Line.TryGetProperty("content", out var c) ? c : default;
    }

    [Theory]
    [InlineData("human_traj_20220427_1_18.jsonl", 0.5)]
    [InlineData("human_traj_20220427_1_12.jsonl", 0.5)]
    [InlineData("human_traj_20220427_1_21.jsonl", 2.0 / 3)]
    [InlineData("human_traj_20220427_1_6.jsonl", 1.0 / 3)]
    public void Session_pages_are_reachable_and_the_reward_is_the_logged_one(string file, double loggedReward)
    {
        var lines = File.ReadLines(RepoPaths.Fixture("webshop", file))
            .Select(l => JsonDocument.Parse(l).RootElement).Select(e => new LogLine(e.GetProperty("page").GetString()!, e)).ToList();
        var goalLog = lines[0].Line.GetProperty("goal");
        var done = lines[^1];
        Assert.Equal("done", done.Page);
        Assert.Equal(loggedReward, done.Line.GetProperty("reward").GetDouble(), 12);

        string dir = Directory.CreateTempSubdirectory("webshop-session-").FullName;
        try
        {
            WriteSessionData(dir, lines, goalLog);
            var catalog = new WebShopDataLoader(dir).Load();
            var goal = Assert.Single(catalog.Goals);
            Assert.Equal(Strings(goalLog.GetProperty("attributes")), goal.Attributes);
            Assert.Equal(Strings(goalLog.GetProperty("goal_options")), goal.Options.Select(o => o.Value));
            // The price bound is drawn at load time, differently on every WebShop server start: use the logged one.
            goal = goal with { PriceUpper = goalLog.GetProperty("price_upper").GetDouble(), InstructionText = Text(goalLog, "instruction_text") };

            var env = new WebShopEnvironment(new WebShopSite(catalog), new TaskInfo("webshop", "test", 0, goal.Category, goal.InstructionText), goal, 15);
            var result = env.Reset();
            for (int k = 1; k < lines.Count; k++)
            {
                string? action = ActionFor(lines[k - 1], lines[k]);
                if (action == null) continue; // a reload: the same page logged twice
                result = env.Step(action);
                Assert.True(result.ActionAccepted, $"{file} line {k}: {action}");
                AssertReached(env.Session, lines[k]);
            }

            Assert.True(result.Done);
            Assert.Equal(loggedReward, result.Reward, 12);
            var info = done.Line.GetProperty("reward_info");
            var parts = env.Session.Purchase!;
            Assert.Equal(info.GetProperty("r_type").GetDouble(), parts.RType);
            Assert.Equal(info.GetProperty("r_att").GetDouble(), parts.RAttribute);
            Assert.Equal(info.GetProperty("r_price").GetBoolean(), parts.RPrice);
            Assert.Equal(info.GetProperty("query_match").GetBoolean(), parts.QueryMatch);
            Assert.Equal(info.GetProperty("category_match").GetBoolean(), parts.CategoryMatch);
            Assert.Equal(info.TryGetProperty("r_option", out var ro) ? ro.GetDouble() : null, parts.ROption);
            Assert.Contains($"[SEP] {PythonText.FloatRepr(loggedReward)} [SEP] Reward Details", result.Observation);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The action that leads from one logged page to the next.
    static string? ActionFor(LogLine from, LogLine to)
    {
        if (to.Page == "done") return "click[Buy Now]";
        if (to.Page == "index") return "click[Back to Search]";
        if (to.Page == "search_results" && from.Page == "index")
            return $"search[{string.Join(' ', Strings(to.Content.GetProperty("keywords")))}]";
        if (to.Page == "search_results") return "click[< Prev]"; // back from a product page
        if (from.Page == "search_results") return $"click[{to.Content.GetProperty("asin").GetString()}]";
        var before = Options(from.Content);
        var after = Options(to.Content);
        var added = after.Where(kv => !before.TryGetValue(kv.Key, out var v) || v != kv.Value).ToList();
        return added.Count == 0 ? null : $"click[{added[0].Value}]";
    }

    static void AssertReached(WebShopSession s, LogLine line)
    {
        switch (line.Page)
        {
            case "index":
                Assert.Equal(PageKind.Search, s.Page);
                break;
            case "search_results":
                Assert.Equal(PageKind.Results, s.Page);
                Assert.Equal(string.Join(' ', Strings(line.Content.GetProperty("keywords"))), s.Keywords);
                Assert.Equal(line.Content.GetProperty("page").GetInt32(), s.ResultsPage);
                Assert.Equal(Strings(line.Content.GetProperty("search_result_asins")).Order(), s.View.Listed!.Select(p => p.Asin).Order());
                break;
            case "item_page":
                Assert.Equal(PageKind.Item, s.Page);
                Assert.Equal(line.Content.GetProperty("asin").GetString(), s.Site.Catalog.Products[s.Product].Asin);
                Assert.Equal(Options(line.Content), s.Options.ToDictionary());
                break;
            case "done":
                Assert.Equal(PageKind.Done, s.Page);
                Assert.Equal(line.Content.GetProperty("asin").GetString(), s.Site.Catalog.Products[s.Product].Asin);
                Assert.Equal(Options(line.Content), s.Options.ToDictionary());
                break;
        }
    }

    static Dictionary<string, string> Options(JsonElement content) =>
        content.GetProperty("options").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    // Item-page log lines hold the keywords as the repr of a Python list of str: "['living', 'room']".
    static List<string> Strings(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? Regex.Matches(e.GetString()!, @"'((?:[^'\\]|\\.)*)'|""((?:[^""\\]|\\.)*)""")
            .Select(m => Regex.Unescape(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).ToList()
        : e.EnumerateArray().Select(x => x.GetString()!).ToList();

    // WebShop data files for the session: the goal product with its human instruction, every listed product, and the
    // bought one rebuilt from the log.
    static void WriteSessionData(string dir, List<LogLine> lines, JsonElement goal)
    {
        var done = lines[^1];
        var info = done.Line.GetProperty("reward_info");
        string boughtAsin = done.Content.GetProperty("asin").GetString()!;
        var chosen = Options(done.Content);
        string goalName = Text(goal, "name"), goalAsin = Text(goal, "asin");
        var goalAttributes = Strings(goal.GetProperty("attributes"));
        var keywordsOf = new Dictionary<string, string>();
        foreach (var l in lines.Where(l => l.Page == "search_results"))
            foreach (string asin in Strings(l.Content.GetProperty("search_result_asins")))
                keywordsOf.TryAdd(asin, string.Join(' ', Strings(l.Content.GetProperty("keywords"))));

        var products = new List<object> { Record(goalAsin, goalName, Text(goal, "query"), Text(goal, "product_category"), "$9.99", [], Text(goal, "category")) };
        var attributes = new Dictionary<string, object> { [goalAsin] = new { attributes = goalAttributes } };
        foreach (var (asin, keywords) in keywordsOf)
        {
            if (asin != boughtAsin)
            {
                products.Add(Record(asin, $"{keywords} {asin}", "other query", "Other › Things", "$5.0", [], "beauty"));
                continue;
            }
            // Words separated by " | " so no multi-word goal attribute occurs in the title by accident; goal nouns
            // are added until the title shares as much with the goal title as the logged title_score says.
            var title = keywords.Split(' ').ToList();
            double wanted = info.GetProperty("title_score").GetDouble();
            foreach (string noun in TitleNouns.Of(goalName).Distinct())
            {
                if (TitleNouns.TitleScore(string.Join(" | ", title), goalName) >= wanted) break;
                title.Add(noun);
            }
            int matchedAttributes = (int)Math.Round(info.GetProperty("r_att").GetDouble() * goalAttributes.Count);
            products.Add(Record(asin, string.Join(" | ", title),
                info.GetProperty("query_match").GetBoolean() ? Text(goal, "query") : "unrelated query",
                info.GetProperty("category_match").GetBoolean() ? Text(goal, "product_category") : "Unrelated › Department",
                "$" + done.Content.GetProperty("price").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
                chosen, Text(goal, "category")));
            attributes[asin] = new { attributes = goalAttributes.Take(matchedAttributes).Append("unrelated feature").ToList() };
        }
        string instruction = Text(goal, "instruction_text");
        var human = new Dictionary<string, object>
        {
            [goalAsin] = new[]
            {
                new { instruction = instruction[..instruction.IndexOf(", and price lower than", StringComparison.Ordinal)],
                      instruction_attributes = goalAttributes, instruction_options = Strings(goal.GetProperty("goal_options")) },
            },
        };
        File.WriteAllText(Path.Combine(dir, "items_shuffle_session.json"), JsonSerializer.Serialize(products));
        File.WriteAllText(Path.Combine(dir, "items_ins_v2_session.json"), JsonSerializer.Serialize(attributes));
        File.WriteAllText(Path.Combine(dir, WebShopDataLoader.HumanInstructionsFile), JsonSerializer.Serialize(human));
    }

    static object Record(string asin, string name, string query, string productCategory, string pricing,
        Dictionary<string, string> options, string category) => new Dictionary<string, object>
    {
        ["asin"] = asin, ["name"] = name, ["full_description"] = "", ["small_description"] = new[] { "" },
        ["category"] = category, ["query"] = query, ["product_category"] = productCategory, ["pricing"] = pricing,
        ["images"] = new[] { "" },
        ["customization_options"] = options.Count == 0 ? "" : options.ToDictionary(
            kv => kv.Key, kv => new[] { new { value = kv.Value, image = (string?)null }, new { value = "another " + kv.Key, image = (string?)null } }),
    };
}
