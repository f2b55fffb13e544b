using Spark.Core.Environments;
using Spark.Environments.WebShop;

namespace Spark.Environments.Tests.WebShop;

/// <summary>The text env's action handling on the built-in catalog: pages, invalid actions, limits, clone, replay.</summary>
public class EnvironmentTests
{
    internal static readonly Lazy<WebShopSuite> Suite = new(() => new WebShopSuite(new SuiteOptions()));

    static WebShopEnvironment Env(int index = 0) => (WebShopEnvironment)Suite.Value.Create("test", index);

    static StepResult Must(IEnvironment env, string action)
    {
        var r = env.Step(action);
        Assert.True(r.ActionAccepted, action);
        return r;
    }

    [Fact]
    public void Starts_on_the_search_page_with_the_prompt_action_list()
    {
        var env = Env();
        var r = env.Reset();
        Assert.Equal($"WebShop [SEP] Instruction: [SEP] {env.Task.Goal} [SEP] Search", r.Observation);
        Assert.Equal(["search[<your query>]", "click[search]"], env.AdmissibleActions);
        Assert.False(r.Done);
    }

    [Fact]
    public void Search_lists_ten_products_per_page_and_pages_both_ways()
    {
        var env = Env();
        env.Reset();
        var r = Must(env, "search[shoes for men]");
        Assert.StartsWith($"Instruction: [SEP] {env.Task.Goal} [SEP] Back to Search [SEP] Page 1 (Total results: 50) [SEP] Next > [SEP] ", r.Observation);
        Assert.Equal(12, env.AdmissibleActions.Count); // back to search, next >, ten products
        Assert.Equal("click[back to search]", env.AdmissibleActions[0]);
        Assert.Equal("click[next >]", env.AdmissibleActions[1]);
        Assert.All(env.AdmissibleActions.Skip(2), a => Assert.Matches("^click\\[b0[0-9a-z]{8}\\]$", a));

        string page1 = r.Observation;
        r = Must(env, "click[Next >]");
        Assert.Contains("Page 2 (Total results: 50) [SEP] < Prev [SEP] Next > [SEP] ", r.Observation);
        Assert.Equal(Must(env, "click[< prev]").Observation, page1);
        for (int i = 0; i < 5; i++) r = Must(env, "click[next >]");
        Assert.EndsWith("Page 6 (Total results: 50) [SEP] < Prev [SEP] Next >", r.Observation); // Next > never disappears
    }

    [Fact]
    public void Product_pages_options_and_sub_pages()
    {
        var env = Env();
        env.Reset();
        Must(env, "search[running shoes]");
        string results = env.Session.Observation;
        string asin = env.AdmissibleActions[2];
        var item = Must(env, asin.ToUpperInvariant().Replace("CLICK", "click")).Observation; // ASINs are matched lower-cased
        Assert.Contains("[SEP] < Prev [SEP] ", item);
        Assert.EndsWith("[SEP] Rating: N.A. [SEP] Description [SEP] Features [SEP] Reviews [SEP] Buy Now", item);
        Assert.Equal(["click[back to search]", "click[< prev]", "click[description]", "click[features]", "click[reviews]", "click[buy now]"], env.AdmissibleActions.Take(6));

        var product = env.Session.Site.Catalog.Products[env.Session.Product];
        var group = product.Options[0];
        Assert.Equal(item, Must(env, $"click[{group.Values[0]}]").Observation); // choices are not shown in text mode
        Must(env, $"click[{group.Values[^1]}]");
        Assert.Equal(new[] { new KeyValuePair<string, string>(group.Name, group.Values[^1]) }, env.Session.Options);

        Assert.EndsWith("< Prev [SEP] " + product.Description, Must(env, "click[description]").Observation);
        Assert.Equal(["click[back to search]", "click[< prev]"], env.AdmissibleActions);
        Assert.Equal(item, Must(env, "click[< prev]").Observation);
        Assert.EndsWith("[SEP] < Prev", Must(env, "click[Reviews]").Observation);
        Must(env, "click[< prev]");
        Assert.Contains("[SEP] " + product.BulletPoints[0], Must(env, "click[features]").Observation);
        Must(env, "click[< prev]");
        Assert.Equal(results, Must(env, "click[< prev]").Observation); // back to the same results page
        Assert.Empty(env.Session.Options);
    }

    [Theory]
    [InlineData("click[nothing here]")]
    [InlineData("click[search]")]
    [InlineData("buy now")]
    [InlineData("Search[shoes]")]
    [InlineData("search[]")]
    [InlineData("click[buy now] please")]
    [InlineData("")]
    public void Invalid_actions_return_the_same_page(string action)
    {
        var env = Env();
        var start = env.Reset();
        var r = env.Step(action);
        Assert.False(r.ActionAccepted);
        Assert.Equal(start.Observation, r.Observation);
        Assert.Equal((0.0, false, false), (r.Reward, r.Done, r.Won));
        Assert.Equal(1, env.StepCount);
        Assert.Equal([action], env.ActionHistory);
    }

    [Fact]
    public void Search_works_from_any_page_and_back_to_search_resets()
    {
        var env = Env();
        string start = env.Reset().Observation;
        Must(env, "search[coffee]");
        Must(env, env.AdmissibleActions[2]);
        var r = Must(env, "search[green tea]");
        Assert.Equal(PageKind.Results, env.Session.Page);
        Assert.Equal("green tea", env.Session.Keywords);
        Assert.Equal(start, Must(env, "click[back to search]").Observation);
        Assert.Null(env.Session.Keywords);
        Assert.Contains("Page 1", r.Observation);
    }

    [Fact]
    public void Buying_ends_the_episode_with_the_webshop_reward()
    {
        var env = Env(3);
        env.Reset();
        Must(env, "search[" + PageReader.Query(env.Task.Goal) + "]");
        Must(env, env.AdmissibleActions[2]);
        var r = Must(env, "click[Buy Now]");
        Assert.True(r.Done);
        Assert.False(r.Truncated);
        Assert.InRange(r.Reward, 0, 1);
        Assert.Equal(r.Reward, r.Score);
        Assert.Equal(r.Reward == 1.0, r.Won);
        Assert.Contains($"Your score (min 0.0, max 1.0) [SEP] {PythonText.FloatRepr(r.Reward)} [SEP] Reward Details [SEP] None", r.Observation);
        Assert.Empty(env.AdmissibleActions);
        var after = env.Step("search[more]");
        Assert.True(after.Done);
        Assert.False(after.ActionAccepted);
        Assert.Equal(0, after.Reward);
    }

    [Fact]
    public void The_step_limit_truncates()
    {
        var env = Env();
        env.Reset();
        for (int i = 1; i < WebShopSuite.DefaultMaxSteps; i++) Assert.False(env.Step("click[x]").Done);
        var last = env.Step("search[anything]");
        Assert.True(last.Done && last.Truncated && last.ActionAccepted);
        Assert.Equal((0.0, false), (last.Reward, last.Won));

        var shortEnv = new WebShopSuite(new SuiteOptions(MaxSteps: 2)).Create("test", 0);
        shortEnv.Reset();
        shortEnv.Step("search[a]");
        Assert.True(shortEnv.Step("click[back to search]").Truncated);
    }

    [Fact]
    public void Clones_are_independent_and_share_the_catalog()
    {
        var env = Env(5);
        env.Reset();
        Must(env, "search[shoes]");
        var copy = (WebShopEnvironment)env.Clone();
        Assert.Same(env.Session.Site, copy.Session.Site);
        Must(copy, copy.AdmissibleActions[3]);
        Must(env, "click[next >]");
        Assert.Equal(PageKind.Item, copy.Session.Page);
        Assert.Equal(2, env.Session.ResultsPage);
        Assert.Equal(["search[shoes]", "click[next >]"], env.ActionHistory);
        Assert.Equal(2, copy.ActionHistory.Count);
        Assert.NotEqual(env.ActionHistory[1], copy.ActionHistory[1]);
        Must(copy, $"click[{copy.Session.Site.Catalog.Products[copy.Session.Product].Options[0].Values[0]}]");
        Assert.Empty(env.Session.Options);
    }

    [Fact]
    public void Replaying_the_action_history_reproduces_the_episode()
    {
        var random = new Random(11);
        for (int task = 0; task < 5; task++)
        {
            var env = Env(task);
            var r = env.Reset();
            var trace = new List<StepResult>();
            while (!r.Done)
            {
                var actions = env.AdmissibleActions;
                string a = actions[random.Next(actions.Count)].Replace("<your query>", "light " + task);
                trace.Add(r = env.Step(a));
            }
            var replay = Env(task);
            replay.Reset();
            var again = env.ActionHistory.Select(replay.Step).ToList();
            Assert.Equal(trace, again);
            Assert.Equal(env.Session.Observation, replay.Session.Observation);
        }
    }
}
