using Spark.Environments.WebShop;

namespace Spark.Environments.Tests.WebShop;

/// <summary>The expert: success rate, exploration marks, grounded reasons, actions independent of the random.</summary>
public class ExpertTests
{
    static WebShopSuite Suite => EnvironmentTests.Suite.Value;

    [Fact]
    public void Solves_at_least_ninety_percent_of_the_first_test_goals()
    {
        int won = 0;
        for (int i = 0; i < 100; i++)
        {
            var env = Suite.Create("test", i);
            if (Suite.Expert!.Solve(env, env.Reset(), new Random(i)).Won) won++;
        }
        Assert.True(won >= 90, $"expert won {won} of 100");
    }

    [Fact]
    public void Explores_until_the_product_is_known_then_acts()
    {
        for (int i = 0; i < 20; i++)
        {
            var env = Suite.Create("test", i);
            var traj = Suite.Expert!.Solve(env, env.Reset(), new Random(i));
            var first = traj.Steps[0];
            Assert.StartsWith("search[", first.Action);
            Assert.True(first.Explore);
            Assert.StartsWith("WebShop [SEP] Instruction:", first.Observation);
            if (!traj.Won) continue;
            Assert.Equal("click[buy now]", traj.Steps[^1].Action);
            Assert.False(traj.Steps[^1].Explore);
            // Option choices come after the last exploratory step and are not exploration.
            int lastExplore = traj.Steps.ToList().FindLastIndex(s => s.Explore);
            Assert.All(traj.Steps.Skip(lastExplore + 1), s => Assert.False(s.Explore));
            Assert.All(traj.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
            Assert.All(traj.Steps, s => Assert.DoesNotContain("<", s.Reason));
            Assert.Equal(env.ActionHistory, traj.Steps.Select(s => s.Action));
        }
    }

    [Fact]
    public void The_random_changes_the_wording_not_the_actions()
    {
        var wordings = new HashSet<string>();
        for (int seed = 0; seed < 4; seed++)
        {
            var env = Suite.Create("test", 7);
            var traj = Suite.Expert!.Solve(env, env.Reset(), new Random(seed));
            var reference = Suite.Create("test", 7);
            var expected = Suite.Expert.Solve(reference, reference.Reset(), new Random(100));
            Assert.Equal(expected.Steps.Select(s => s.Action), traj.Steps.Select(s => s.Action));
            wordings.Add(traj.Steps[0].Reason);
        }
        Assert.True(wordings.Count > 1);
    }

    [Fact]
    public void Plays_the_real_catalog_too()
    {
        var catalog = DataLoaderTests.Fixture.Value;
        var suite = new WebShopSuite(new FixedSource(catalog));
        int won = 0, n = Math.Min(40, suite.Count("test"));
        for (int i = 0; i < n; i++)
        {
            var env = suite.Create("test", i);
            var traj = suite.Expert!.Solve(env, env.Reset(), new Random(i));
            Assert.True(env.StepCount <= WebShopSuite.DefaultMaxSteps);
            if (traj.Won) won++;
        }
        Assert.True(won > 0);
    }

    sealed class FixedSource(Catalog catalog) : ICatalogSource
    {
        public string Describe() => catalog.Description;
        public Catalog Load() => catalog;
    }
}
