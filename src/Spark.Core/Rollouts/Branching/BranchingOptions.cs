using System.Globalization;
using System.Text.Json.Serialization;
using Spark.Core.Configuration;

namespace Spark.Core.Rollouts.Branching;

/// <summary>
/// Settings of the branching strategies. Each strategy reads the ones it needs; the keys in brackets are
/// what <see cref="Parse"/> accepts (<c>m=4 n=8 b=2 from=0 p=0.35 picks=4 k=20 margin=0</c>).
/// </summary>
public sealed record BranchingOptions
{
    /// <summary>[m] Roots per task (M). Ignored by <c>chains</c>, whose roots are all N trajectories.</summary>
    public int Roots { get; init; } = 4;

    /// <summary>[n] Leaf budget per task (N): no task ever has more trajectories than this.</summary>
    public int Budget { get; init; } = 8;

    /// <summary>[b] Branching factor (B): a branching trajectory continues plus B−1 children.</summary>
    public int Factor { get; init; } = 2;

    /// <summary>[from] The first step (0-based) after which a trajectory may branch (<see cref="BranchBudget.FirstStep"/>);
    /// 0 (the paper) allows every step. Left out of the settings' JSON when 0, so that run fingerprints written
    /// before it existed still match.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int FirstStep { get; init; }

    /// <summary>[p] <c>fixed</c>: probability that a trajectory asks to branch after a step. The paper does not
    /// give its value; 0.35 is about the <c>&lt;explore&gt;</c> rate of the paper's first ALFWorld iteration (Table 7).</summary>
    public double Probability { get; init; } = 0.35;

    /// <summary>[picks] <c>fixed</c>, the paper's code: instead of <see cref="Probability"/>, pick this many trajectories
    /// at random among the batch's candidates every step (the code uses 4).</summary>
    public int? PicksPerStep { get; init; }

    /// <summary>[k] <c>entropy</c>: how many leading response tokens are averaged (the paper's code reads 20).</summary>
    public int EntropyTokens { get; init; } = 20;

    /// <summary>[margin] <c>entropy</c>: branch when the mean entropy exceeds the root's first-step value by more than this.</summary>
    public double EntropyMargin { get; init; }

    /// <summary>The budget as the spark/fixed/entropy strategies use it.</summary>
    public BranchBudget TreeBudget => new(Roots, Budget, Factor) { FirstStep = FirstStep };

    /// <summary>Reads <c>key=value</c> settings over the defaults; a bad key or value names the field.</summary>
    public static BranchingOptions Parse(IEnumerable<string> settings)
    {
        var o = new BranchingOptions();
        foreach (string setting in settings)
        {
            int eq = setting.IndexOf('=');
            ConfigException.Require(eq > 0, "strategy option", $"expected KEY=VALUE, got '{setting}'");
            string key = setting[..eq].Trim().ToLowerInvariant();
            string value = setting[(eq + 1)..].Trim();
            o = key switch
            {
                "m" or "roots" => o with { Roots = Int(key, value) },
                "n" or "budget" => o with { Budget = Int(key, value) },
                "b" or "factor" => o with { Factor = Int(key, value) },
                "from" => o with { FirstStep = Int(key, value) },
                "p" or "probability" => o with { Probability = Double(key, value) },
                "picks" => o with { PicksPerStep = Int(key, value) },
                "k" or "tokens" => o with { EntropyTokens = Int(key, value) },
                "margin" => o with { EntropyMargin = Double(key, value) },
                _ => throw new ConfigException(key, "unknown strategy option; known: m, n, b, from, p, picks, k, margin"),
            };
        }
        return o;
    }

    static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v : throw new ConfigException(key, $"expected an integer, got '{value}'");

    static double Double(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v : throw new ConfigException(key, $"expected a number, got '{value}'");
}
