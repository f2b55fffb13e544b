using System.Globalization;
using Spark.Core.Configuration;
using Spark.Reporting.Input;

namespace Spark.Cli.Pipeline;

/// <summary>
/// The paper's comparisons at CPU scale, as arms of one <see cref="RunPipeline"/> (all from the same SFT model):
/// <c>main</c> (Table 1/2: SPARK vs GRPO), <c>triggers</c> (Table 4: &lt;explore&gt;-triggered vs fixed-probability
/// and entropy-triggered branching), <c>sample-efficiency</c> (20–100 % of the training tasks) and the
/// <c>m</c>, <c>b</c>, <c>n</c> ablations (the paper: M 2/4/6, B 2/3/4, N 4/8/16). SPARK with the defaults
/// (M=4, N=8, B=2, all tasks) is the shared point of every study.
/// </summary>
public static class BenchStudies
{
    public static IReadOnlyList<string> Names { get; } = ["main", "triggers", "sample-efficiency", "m", "b", "n"];

    static readonly RunMethod Spark = new("SPARK", "spark");

    public static IReadOnlyList<RunMethod> Arms(string study) => study switch
    {
        "main" => [Spark, new("GRPO", "chains")],
        "triggers" => [Spark, new("Fixed p=0.35", "fixed", Probability: 0.35), new("Entropy", "entropy")],
        "sample-efficiency" => [.. new[] { 20, 40, 60, 80 }.Select(p => new RunMethod($"SPARK {p}%", "spark", TrainFraction: p / 100.0)), Spark],
        "m" => [new("SPARK M=2", "spark", Roots: 2), Spark, new("SPARK M=6", "spark", Roots: 6)],
        "b" => [Spark, new("SPARK B=3", "spark", Factor: 3), new("SPARK B=4", "spark", Factor: 4)],
        "n" => [new("SPARK N=4", "spark", Roots: 2, Budget: 4), Spark, new("SPARK N=16", "spark", Budget: 16)],
        _ => throw new ConfigException("--studies", $"unknown study '{study}'; known: {string.Join(", ", Names)}"),
    };

    public static IReadOnlyList<string> Parse(string text)
    {
        var studies = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        foreach (var s in studies) Arms(s);
        ConfigException.Require(studies.Count > 0, "--studies", "give at least one study");
        return studies;
    }

    /// <summary>Every arm the studies need, each once, in study order.</summary>
    public static IReadOnlyList<RunMethod> AllArms(IEnumerable<string> studies) =>
        studies.SelectMany(Arms).DistinctBy(a => a.Label).ToList();

    /// <summary>The ablation plots and tables: success per split against the varied setting, every seed a point.</summary>
    public static IReadOnlyList<Ablation> Ablations(IEnumerable<string> studies, IReadOnlyList<SplitResult> results)
    {
        var list = new List<Ablation>();
        foreach (string study in studies.Where(s => s != "main"))
        {
            var arms = Arms(study);
            var points = (from arm in arms
                          from r in results.Where(r => r.Method == arm.Label)
                          select new AblationPoint { X = X(study, arm), Series = r.Split, Seed = r.Seed, Value = r.SuccessRate }).ToList();
            list.Add(new Ablation
            {
                Id = study,
                Title = study switch
                {
                    "triggers" => "Branching trigger: <explore> (SPARK) vs fixed probability vs entropy",
                    "sample-efficiency" => "Sample efficiency: share of training tasks",
                    _ => $"{study.ToUpperInvariant()} ablation",
                },
                XLabel = study switch { "triggers" => "trigger", "sample-efficiency" => "training tasks (%)", _ => study.ToUpperInvariant() },
                YLabel = "success",
                Kind = study == "sample-efficiency" ? AblationKind.Line : AblationKind.Bar,
                Points = points,
            });
        }
        var repetitive = results.Where(r => r.RepetitiveActionRatio is not null && (r.Method is "SFT" or "SPARK" or "GRPO"))
            .Select(r => new AblationPoint { X = r.Split, Series = r.Method, Seed = r.Seed, Value = r.RepetitiveActionRatio!.Value }).ToList();
        if (repetitive.Count > 0)
            list.Add(new Ablation { Id = "repetitive", Title = "Repetitive-action ratio in evaluation", XLabel = "split", YLabel = "repetitive steps", Points = repetitive });
        return list;
    }

    static string X(string study, RunMethod arm) => study switch
    {
        "triggers" => arm.Label,
        "sample-efficiency" => (arm.TrainFraction * 100).ToString("F0", CultureInfo.InvariantCulture),
        "m" => (arm.Roots ?? 4).ToString(CultureInfo.InvariantCulture),
        "b" => (arm.Factor ?? 2).ToString(CultureInfo.InvariantCulture),
        "n" => (arm.Budget ?? 8).ToString(CultureInfo.InvariantCulture),
        _ => arm.Label,
    };
}
