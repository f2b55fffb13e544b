using System.Globalization;
using Spark.Core.Configuration;
using Spark.Core.Environments;

namespace Spark.Environments.WebShop;

/// <summary>
/// WebShop as an environment suite. Splits as WebShop and SPARK use them: "test" = goals 0–499, "train" = goals
/// 500 and up. The catalog is the built-in generator unless <see cref="SuiteOptions.DataPath"/> names a folder of
/// WebShop's data files. Settings (<c>--set NAME=VALUE</c>): <c>products</c> (generated size, or the first N
/// products of the data file), <c>goals</c> (generated only: number of goals, default 2 × products),
/// <c>goal_source</c> (data only: auto, human or synthetic), <c>items</c> (data only: the products file name).
/// </summary>
public sealed class WebShopSuite : IEnvironmentSuite
{
    public const string SuiteName = "webshop";
    /// <summary>The paper's and ReAct's WebShop step budget.</summary>
    public const int DefaultMaxSteps = 15;
    /// <summary>Goals 0–499 are WebShop's test goals.</summary>
    public const int TestGoals = 500;

    static readonly string[] KnownSettings = ["products", "goals", "goal_source", "items"];
    readonly int _maxSteps;

    public WebShopSuite(SuiteOptions options) : this(Source(options), options.MaxSteps ?? DefaultMaxSteps)
    {
    }

    public WebShopSuite(ICatalogSource source, int maxSteps = DefaultMaxSteps)
    {
        ConfigException.Require(maxSteps >= 1, "max-steps", $"must be at least 1, got {maxSteps}");
        _maxSteps = maxSteps;
        Site = new WebShopSite(source.Load());
        Expert = new WebShopExpert(maxSteps);
    }

    public string Name => SuiteName;
    public IReadOnlyList<string> Splits { get; } = ["train", "test"];
    public IExpert? Expert { get; }

    /// <summary>The shared catalog and search index.</summary>
    public WebShopSite Site { get; }

    public int Count(string split)
    {
        int goals = Site.Catalog.Goals.Count, test = Math.Min(TestGoals, goals);
        return split switch
        {
            "test" => test,
            "train" => goals - test,
            _ => throw UnknownSplit(split),
        };
    }

    /// <summary>The goal behind task <paramref name="index"/> of <paramref name="split"/>.</summary>
    public Goal GoalOf(string split, int index)
    {
        int count = Count(split);
        if (index < 0 || index >= count)
            throw new ConfigException("index", $"{split} has {count} tasks; index {index} is out of range");
        return Site.Catalog.Goals[split == "test" ? index : TestGoals + index];
    }

    public TaskInfo Describe(string split, int index)
    {
        var goal = GoalOf(split, index);
        return new TaskInfo(SuiteName, split, index, goal.Category, goal.InstructionText);
    }

    public IEnvironment Create(string split, int index) =>
        new WebShopEnvironment(Site, Describe(split, index), GoalOf(split, index), _maxSteps);

    static ConfigException UnknownSplit(string split) =>
        new("split", $"unknown split '{split}'; WebShop has: train, test");

    static ICatalogSource Source(SuiteOptions options)
    {
        var extra = options.Extra ?? new Dictionary<string, string>();
        foreach (string key in extra.Keys)
            ConfigException.Require(KnownSettings.Contains(key), key, $"unknown WebShop setting; known: {string.Join(", ", KnownSettings)}");
        int? products = extra.TryGetValue("products", out var p) ? Positive("products", p) : null;
        if (options.DataPath == null)
        {
            foreach (string key in new[] { "goal_source", "items" })
                ConfigException.Require(!extra.ContainsKey(key), key, "only applies with --data (WebShop's data files)");
            int n = products ?? CatalogGenerator.DefaultProducts;
            ConfigException.Require(n <= CatalogGenerator.MaxProducts, "products", $"at most {CatalogGenerator.MaxProducts}, got {n}");
            int? goals = extra.TryGetValue("goals", out var g) ? Positive("goals", g) : null;
            return new CatalogGenerator(n, goals, options.Seed);
        }
        ConfigException.Require(!extra.ContainsKey("goals"), "goals", "only applies to the generated catalog (without --data)");
        var source = GoalSource.Auto;
        if (extra.TryGetValue("goal_source", out var gs) && !(Enum.TryParse(gs, ignoreCase: true, out source) && Enum.IsDefined(source) && !char.IsDigit(gs[0])))
            throw new ConfigException("goal_source", $"expected auto, human or synthetic, got '{gs}'");
        return new WebShopDataLoader(options.DataPath, products, source, options.Seed, extra.GetValueOrDefault("items"));
    }

    static int Positive(string field, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0
            ? v
            : throw new ConfigException(field, $"expected a positive whole number, got '{text}'");
}
