using Spark.Core.Configuration;
using Spark.Core.Environments;

namespace Spark.Environments;

/// <summary>How to build an environment suite. Unknown keys in <see cref="Extra"/> are refused by the suite.</summary>
/// <param name="Seed">Fixes the generated worlds and splits.</param>
/// <param name="MaxSteps">Step limit per episode; null takes the suite's default (the paper's).</param>
/// <param name="DataPath">A folder of the original's data files, for suites that can load them (WebShop).</param>
/// <param name="Extra">Suite-specific settings as name → value text (e.g. "products" → "10000").</param>
public sealed record SuiteOptions(
    int Seed = 1,
    int? MaxSteps = null,
    string? DataPath = null,
    IReadOnlyDictionary<string, string>? Extra = null);

/// <summary>The built-in environment suites by name. Add a line here to make a suite reachable from the CLI.</summary>
public static class EnvironmentRegistry
{
    static readonly Dictionary<string, Func<SuiteOptions, IEnvironmentSuite>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["scienceworld"] = o => new ScienceWorld.ScienceWorldSuite(o),
        [Alfworld.AlfworldSuite.SuiteName] = o => new Alfworld.AlfworldSuite(o),
        [WebShop.WebShopSuite.SuiteName] = options => new WebShop.WebShopSuite(options),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static IEnvironmentSuite Create(string name, SuiteOptions? options = null)
    {
        if (!Factories.TryGetValue(name, out var factory))
            throw new ConfigException("env", $"unknown environment '{name}'; known: {string.Join(", ", Names)}");
        return factory(options ?? new SuiteOptions());
    }
}
