namespace Spark.Reporting.Input;

/// <summary>
/// Everything a report is built from (schema <c>spark.report-input/1</c>, documented in docs/report.md).
/// Rates and scores are fractions in [0, 1]; the page shows them as percentages.
/// </summary>
public sealed record ReportInput
{
    public string Schema { get; init; } = ReportInputJson.Schema;
    public required string Title { get; init; }
    public DateTimeOffset? Created { get; init; }
    /// <summary>The machine the numbers were measured on, e.g. "2 cores, 24 GiB, no GPU, .NET 10".</summary>
    public string? Machine { get; init; }
    /// <summary>The commands that produced the numbers, shown verbatim.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];
    /// <summary>Free-text remarks shown under the title (what was tried, what did not work).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>The method token use is measured against (= 100), as in the paper's Table 2.</summary>
    public string Baseline { get; init; } = "GRPO";
    public IReadOnlyList<SplitResult> Results { get; init; } = [];
    public IReadOnlyList<TrainingRun> Training { get; init; } = [];
    public IReadOnlyList<TokenUse> Tokens { get; init; } = [];
    public IReadOnlyList<Ablation> Ablations { get; init; } = [];
    /// <summary>The paper's numbers to show beside ours (see <see cref="PaperNumbers"/>).</summary>
    public IReadOnlyList<PaperValue> Paper { get; init; } = [];
    /// <summary>A <c>spark.rollout-trees/1</c> file to show in the tree view; relative to the input file's folder.</summary>
    public string? Trees { get; init; }
    /// <summary>The task (its id, e.g. "alfworld/train/7") the tree view opens on; default: the most branched task with both won and lost leaves.</summary>
    public string? TreeTask { get; init; }
}

/// <summary>One evaluation of one method on one split with one seed.</summary>
public sealed record SplitResult
{
    public required string Method { get; init; }
    public required string Env { get; init; }
    public required string Split { get; init; }
    public required int Seed { get; init; }
    public required int Episodes { get; init; }
    public required double SuccessRate { get; init; }
    /// <summary>Mean final environment score (WebShop's score), a fraction.</summary>
    public double? Score { get; init; }
    /// <summary>Response tokens generated over all <see cref="Episodes"/>.</summary>
    public long? GeneratedTokens { get; init; }
    public double? MeanSteps { get; init; }
    public double? RepetitiveActionRatio { get; init; }
    public double? ExploreRatio { get; init; }
}

/// <summary>
/// The per-iteration metrics of one training run: each iteration is the numeric fields of one metrics.jsonl
/// line (<c>step</c>, <c>rollout_success</c>, <c>eval_L0_success</c>, ...). Any field is accepted.
/// </summary>
public sealed record TrainingRun
{
    public required string Method { get; init; }
    public required string Env { get; init; }
    public required int Seed { get; init; }
    public required IReadOnlyList<IReadOnlyDictionary<string, double>> Iterations { get; init; }
}

/// <summary>Tokens one method spent in one phase of one run; the report compares methods within (env, phase).</summary>
public sealed record TokenUse
{
    public required string Method { get; init; }
    public required string Env { get; init; }
    public required int Seed { get; init; }
    /// <summary>"train" (RL rollouts) or "eval", or any other label.</summary>
    public string Phase { get; init; } = "train";
    public required long GeneratedTokens { get; init; }
    public long? PromptTokens { get; init; }
    public long? EnvironmentSteps { get; init; }
    public long? Trajectories { get; init; }
}

public enum AblationKind { Bar, Line }

/// <summary>One ablation or sweep (M, B, N, sample efficiency, cold-start size, branching rule, ...).</summary>
public sealed record Ablation
{
    /// <summary>Short name used for the plot's file name, e.g. "M" or "sample-efficiency".</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? XLabel { get; init; }
    public string? YLabel { get; init; }
    /// <summary>Bar: categories side by side. Line: every <see cref="AblationPoint.X"/> must be a number.</summary>
    public AblationKind Kind { get; init; } = AblationKind.Bar;
    /// <summary>Values are fractions shown as percentages (true) or plain numbers (false).</summary>
    public bool Percent { get; init; } = true;
    public required IReadOnlyList<AblationPoint> Points { get; init; }
}

/// <summary>One measurement of an ablation; several seeds of the same (series, x) are averaged.</summary>
public sealed record AblationPoint
{
    public required string X { get; init; }
    public required string Series { get; init; }
    public int Seed { get; init; }
    public required double Value { get; init; }
}

public enum PaperMetric { Success, Score, Tokens, Repetitive }

/// <summary>
/// A number from the paper, as a fraction: success 96.9 % is 0.969; tokens are relative to GRPO (93.1 → 0.931).
/// <see cref="Split"/> is empty for figures that have none (tokens).
/// </summary>
public sealed record PaperValue
{
    public required string Method { get; init; }
    public required string Env { get; init; }
    public string Split { get; init; } = "";
    public required PaperMetric Metric { get; init; }
    public required double Value { get; init; }
    /// <summary>Where it comes from, e.g. "Table 1, 1.5B".</summary>
    public string? Source { get; init; }
}
