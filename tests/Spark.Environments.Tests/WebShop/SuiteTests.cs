using Spark.Core.Configuration;
using Spark.Environments.WebShop;
using Spark.Tests.Shared;

namespace Spark.Environments.Tests.WebShop;

/// <summary>Splits, task descriptions, settings and registration.</summary>
public class SuiteTests
{
    [Fact]
    public void Test_is_goals_0_to_499_and_train_the_rest()
    {
        var suite = EnvironmentTests.Suite.Value;
        Assert.Equal(["train", "test"], suite.Splits);
        Assert.Equal(500, suite.Count("test"));
        Assert.Equal(1500, suite.Count("train"));
        Assert.Equal(suite.Site.Catalog.Goals[0].InstructionText, suite.Describe("test", 0).Goal);
        Assert.Equal(suite.Site.Catalog.Goals[500].InstructionText, suite.Describe("train", 0).Goal);
        var task = suite.Describe("train", 3);
        Assert.Equal(("webshop/train/3", suite.Site.Catalog.Goals[503].Category), (task.Id, task.TaskType));
        Assert.Equal(task, suite.Create("train", 3).Task);
        Assert.Throws<ConfigException>(() => suite.Describe("L0", 0));
        Assert.Throws<ConfigException>(() => suite.Create("test", 500));
    }

    [Fact]
    public void Registered_as_webshop_and_settings_are_checked()
    {
        var suite = EnvironmentRegistry.Create("webshop", new SuiteOptions(Extra: new Dictionary<string, string> { ["products"] = "120", ["goals"] = "600" }));
        Assert.Equal("webshop", suite.Name);
        Assert.Equal(100, suite.Count("train"));
        Assert.Equal("colour", Assert.Throws<ConfigException>(() => new WebShopSuite(new SuiteOptions(Extra: new Dictionary<string, string> { ["colour"] = "x" }))).Field);
        Assert.Equal("products", Assert.Throws<ConfigException>(() => new WebShopSuite(new SuiteOptions(Extra: new Dictionary<string, string> { ["products"] = "-3" }))).Field);
        Assert.Equal("products", Assert.Throws<ConfigException>(() => new WebShopSuite(new SuiteOptions(Extra: new Dictionary<string, string> { ["products"] = "100001" }))).Field);
        Assert.Equal("goal_source", Assert.Throws<ConfigException>(() => new WebShopSuite(new SuiteOptions(Extra: new Dictionary<string, string> { ["goal_source"] = "human" }))).Field);
    }

    [Fact]
    public void Loads_the_real_data_from_a_folder()
    {
        string dir = Path.GetDirectoryName(RepoPaths.Fixture("webshop", "items_ins_v2_1000.json"))!;
        var suite = new WebShopSuite(new SuiteOptions(DataPath: dir, Extra: new Dictionary<string, string> { ["goal_source"] = "synthetic" }));
        Assert.Equal(300, suite.Site.Catalog.Products.Count);
        Assert.Equal(Math.Min(500, suite.Site.Catalog.Goals.Count), suite.Count("test"));
        Assert.Equal("goals", Assert.Throws<ConfigException>(() => new WebShopSuite(new SuiteOptions(DataPath: dir, Extra: new Dictionary<string, string> { ["goals"] = "5" }))).Field);
        Assert.Equal("goal_source", Assert.Throws<ConfigException>(() => new WebShopSuite(new SuiteOptions(DataPath: dir, Extra: new Dictionary<string, string> { ["goal_source"] = "1" }))).Field);
    }
}
