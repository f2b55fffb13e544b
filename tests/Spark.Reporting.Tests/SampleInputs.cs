using Spark.Reporting.Input;

namespace Spark.Reporting.Tests;

/// <summary>
/// A synthetic but realistically shaped report input: SFT, GRPO, SPARK and a fixed-probability variant on
/// ALFWorld (L0–L2) and WebShop (test, with score), training curves, token accounting, every ablation the
/// paper runs, the paper's numbers, and the hand-written sample trees file. Seeded, so the same every time.
/// </summary>
internal static class SampleInputs
{
    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static string TreesFile => DataFile("sample-trees.json");

    static readonly Dictionary<string, double> Strength = new() { ["SFT"] = 0.22, ["GRPO"] = 0.34, ["SPARK"] = 0.42, ["SPARK-fixed"] = 0.37 };
    static readonly Dictionary<string, double> SplitFactor = new() { ["L0"] = 1.0, ["L1"] = 0.9, ["L2"] = 0.55, ["test"] = 1.1 };

    public static ReportInput Create(int seeds)
    {
        var results = new List<SplitResult>();
        var training = new List<TrainingRun>();
        var tokens = new List<TokenUse>();
        for (int seed = 1; seed <= seeds; seed++)
        {
            var rng = new Random(seed * 7919);
            double Noise(double scale) => (rng.NextDouble() - 0.5) * 2 * scale;
            foreach (var (env, splits, methods) in new[]
                     {
                         ("alfworld", new[] { "L0", "L1", "L2" }, new[] { "SFT", "GRPO", "SPARK", "SPARK-fixed" }),
                         ("webshop", new[] { "test" }, new[] { "SFT", "GRPO", "SPARK" }),
                     })
            {
                foreach (var method in methods)
                {
                    foreach (var split in splits)
                    {
                        double success = Math.Clamp(Strength[method] * SplitFactor[split] + Noise(0.04), 0, 1);
                        results.Add(new SplitResult
                        {
                            Method = method, Env = env, Split = split, Seed = seed, Episodes = 64,
                            SuccessRate = Math.Round(success * 64) / 64,
                            Score = env == "webshop" ? Math.Clamp(success + 0.2 + Noise(0.03), 0, 1) : null,
                            GeneratedTokens = (long)(64 * (900 - 600 * success + Noise(40))),
                            MeanSteps = 25 - 12 * success + Noise(1),
                            RepetitiveActionRatio = env == "alfworld" ? Math.Clamp(0.3 - 0.4 * success + Noise(0.02), 0, 1) : null,
                            ExploreRatio = method.StartsWith("SPARK", StringComparison.Ordinal) ? 0.3 + Noise(0.05) : 0.01,
                        });
                    }
                    if (method == "SFT") continue;
                    training.Add(Run(method, env, seed, env == "alfworld" ? 12 : 8, splits, rng));
                    tokens.Add(new TokenUse
                    {
                        Method = method, Env = env, Seed = seed,
                        GeneratedTokens = (long)((method == "GRPO" ? 1_000_000 : 900_000) * (1 + Noise(0.03))),
                        PromptTokens = 20_000_000, EnvironmentSteps = 40_000, Trajectories = 1536,
                    });
                }
            }
        }

        return new ReportInput
        {
            Title = $"Synthetic sample ({seeds} seed{(seeds == 1 ? "" : "s")})",
            Created = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero),
            Machine = "2 cores, 24 GiB, no GPU (synthetic numbers)",
            Commands = [$"spark bench --envs alfworld,webshop --seeds {seeds}"],
            Notes = ["Synthetic data for tests; not a measurement."],
            Results = results,
            Training = training,
            Tokens = tokens,
            Ablations = Ablations(seeds),
            Paper = PaperNumbers.Qwen15B(),
            Trees = TreesFile,
        };
    }

    static TrainingRun Run(string method, string env, int seed, int steps, string[] splits, Random rng)
    {
        var iterations = new List<IReadOnlyDictionary<string, double>>();
        for (int step = 1; step <= steps; step++)
        {
            double progress = Strength[method] * step / steps;
            var it = new Dictionary<string, double>
            {
                ["step"] = step,
                ["rollout_success"] = Math.Clamp(0.1 + progress + (rng.NextDouble() - 0.5) * 0.06, 0, 1),
                ["reward_mean"] = 10 * (0.1 + progress),
                ["invalid_ratio"] = 0.1 / step,
                ["explore_ratio"] = method.StartsWith("SPARK", StringComparison.Ordinal) ? 0.35 + 0.1 * Math.Sin(step) : 0,
                ["tokens_generated"] = 80_000 - 1500 * step,
                ["kl"] = 0.001 * step,
                ["entropy"] = 1.4 - 0.02 * step,
                ["clip_fraction"] = 0.05,
                ["grad_norm"] = 2.0 / Math.Sqrt(step),
                ["lr"] = 1e-6,
            };
            if (step % 4 == 0 || step == 1)
                foreach (var split in splits)
                {
                    it[$"eval_{split}_success"] = Math.Clamp(progress * SplitFactor[split] + 0.05, 0, 1);
                    if (env == "webshop") it[$"eval_{split}_score"] = Math.Clamp(progress * SplitFactor[split] + 0.25, 0, 1);
                }
            iterations.Add(it);
        }
        return new TrainingRun { Method = method, Env = env, Seed = seed, Iterations = iterations };
    }

    static List<Ablation> Ablations(int seeds)
    {
        List<AblationPoint> Points(IEnumerable<(string Series, string X, double Value)> values) =>
            (from v in values from seed in Enumerable.Range(1, seeds)
             select new AblationPoint { Series = v.Series, X = v.X, Seed = seed, Value = Math.Clamp(v.Value + 0.01 * (seed - 1), 0, 1) }).ToList();
        return
        [
            new() { Id = "M", Title = "Initial roots M (N = 8)", XLabel = "M", Points = Points([("SPARK", "2", 0.36), ("SPARK", "4", 0.42), ("SPARK", "6", 0.39)]) },
            new() { Id = "B", Title = "Branching factor B", XLabel = "B", Points = Points([("SPARK", "2", 0.42), ("SPARK", "3", 0.40), ("SPARK", "4", 0.38)]) },
            new() { Id = "N", Title = "Total budget N", XLabel = "N", Points = Points([("SPARK", "4", 0.33), ("SPARK", "8", 0.42), ("SPARK", "16", 0.44)]) },
            new()
            {
                Id = "sample-efficiency", Title = "Sample efficiency", XLabel = "training tasks (%)", Kind = AblationKind.Line,
                Points = Points(new[] { 20, 40, 60, 80, 100 }.SelectMany(p => new[] { ("GRPO", $"{p}", 0.34 * p / 100), ("SPARK", $"{p}", 0.2 + 0.22 * p / 100) })),
            },
            new()
            {
                Id = "cold-start", Title = "Cold-start size", XLabel = "SFT trajectories", Kind = AblationKind.Line,
                Points = Points([("SPARK", "50", 0.25), ("SPARK", "100", 0.31), ("SPARK", "300", 0.38), ("SPARK", "600", 0.42)]),
            },
            new() { Id = "branching", Title = "<explore>-triggered vs fixed-probability branching", XLabel = "branching rule",
                    Points = Points([("SPARK", "<explore>", 0.42), ("SPARK", "fixed p = 0.35", 0.37)]) },
        ];
    }
}
