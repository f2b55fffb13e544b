using System.Globalization;
using Spark.Core.Configuration;
using Spark.Environments.Alfworld.Engine;

namespace Spark.Environments.Alfworld;

/// <summary>
/// ALFWorld settings read from <see cref="SuiteOptions"/>. <c>Extra</c> keys: <c>grammar</c> (v0.3 | v0.5),
/// <c>l2-holdout</c> (true: train/L0/L1 hold the four seen categories and L2 the two unseen ones;
/// false: the paper's L0/L1 protocol with all six types everywhere), <c>train-size</c>, <c>l0-size</c>,
/// <c>l1-size</c>, <c>l2-size</c>.
/// </summary>
public sealed record AlfworldOptions(
    ulong Seed,
    int MaxSteps,
    AlfworldGrammar Grammar,
    bool L2Holdout,
    int TrainSize,
    int L0Size,
    int L1Size,
    int L2Size)
{
    /// <summary>The paper's step limit (AgentGym/SPARK: 30 rounds).</summary>
    public const int DefaultMaxSteps = 30;

    static readonly string[] Keys = ["grammar", "l2-holdout", "train-size", "l0-size", "l1-size", "l2-size"];

    public static AlfworldOptions From(SuiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var extra = options.Extra ?? new Dictionary<string, string>();
        foreach (var key in extra.Keys)
            if (!Keys.Contains(key))
                throw new ConfigException(key, $"unknown alfworld setting; known: {string.Join(", ", Keys)}");

        int maxSteps = options.MaxSteps ?? DefaultMaxSteps;
        ConfigException.Require(maxSteps >= 1, "max-steps", $"must be at least 1, got {maxSteps}");
        var grammar = Get(extra, "grammar", "v0.3") switch
        {
            "v0.3" => AlfworldGrammar.V03,
            "v0.5" => AlfworldGrammar.V05,
            var g => throw new ConfigException("grammar", $"expected v0.3 or v0.5, got '{g}'"),
        };
        bool holdout = Get(extra, "l2-holdout", "true") switch
        {
            "true" => true,
            "false" => false,
            var h => throw new ConfigException("l2-holdout", $"expected true or false, got '{h}'"),
        };
        return new AlfworldOptions(unchecked((ulong)(long)options.Seed), maxSteps, grammar, holdout,
            Size(extra, "train-size", 3553), Size(extra, "l0-size", 140), Size(extra, "l1-size", 134), Size(extra, "l2-size", 38));
    }

    static string Get(IReadOnlyDictionary<string, string> extra, string key, string fallback) =>
        extra.TryGetValue(key, out var v) ? v.Trim() : fallback;

    static int Size(IReadOnlyDictionary<string, string> extra, string key, int fallback)
    {
        if (!extra.TryGetValue(key, out var text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n > 1_000_000)
            throw new ConfigException(key, $"expected a whole number from 0 to 1000000, got '{text}'");
        return n;
    }
}
