using Spark.Core.Configuration;

namespace Spark.Core.Rollouts.Branching;

/// <summary>The branching strategies by name: the trainer and the CLI pick one with a string.</summary>
public static class BranchStrategies
{
    static readonly Dictionary<string, Func<BranchingOptions, IBranchStrategy>> Factories = new()
    {
        ["chains"] = o => new ChainsStrategy(o),
        ["spark"] = o => new SparkStrategy(o),
        ["fixed"] = o => new FixedStrategy(o),
        ["entropy"] = o => new EntropyStrategy(o),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static IBranchStrategy Create(string name, BranchingOptions? options = null)
    {
        if (!Factories.TryGetValue(name, out var factory))
            throw new ConfigException("strategy", $"unknown strategy '{name}'; known: {string.Join(", ", Names)}");
        var strategy = factory(options ?? new BranchingOptions());
        strategy.Budget.Validate();
        return strategy;
    }
}
