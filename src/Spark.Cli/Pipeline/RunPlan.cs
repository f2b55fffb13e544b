using Spark.Core.Configuration;
using Spark.Core.Rollouts.Branching;

namespace Spark.Cli.Pipeline;

/// <summary>
/// One RL arm of a comparison: a label for tables, the rollout strategy, and what it changes from the defaults
/// (M, N, B, the fixed strategy's probability, the share of training tasks).
/// </summary>
public sealed record RunMethod(string Label, string Strategy, int? Roots = null, int? Budget = null, int? Factor = null,
    double? Probability = null, double TrainFraction = 1.0)
{
    public BranchingOptions Apply(BranchingOptions o) => o with
    {
        Roots = Roots ?? o.Roots,
        Budget = Budget ?? o.Budget,
        Factor = Factor ?? o.Factor,
        Probability = Probability ?? o.Probability,
    };
}

/// <summary>
/// What <c>spark run</c> does, end to end: cold-start data, SFT from the base model, RL with each method from the
/// same SFT model, evaluation of every model on every split, a results table and a report. The named plans size it
/// for a 2-core CPU (<c>quick</c>: minutes; <c>full</c>: the docs' comparison) — options on the command override.
/// </summary>
/// <param name="ColdStart">Expert trajectories for SFT (the paper: about 300 for a 1.5B model; the tiny model needs 600 to
/// act at all — docs/sft.md).</param>
/// <param name="SftEpochs">SFT passes over them.</param>
/// <param name="Iterations">RL iterations per method and seed.</param>
/// <param name="TasksPerIteration">Training tasks rolled out per iteration.</param>
/// <param name="EvalCount">Tasks per split in each evaluation (null: the whole split).</param>
/// <param name="Seeds">RL seeds; every method trains once per seed from the same SFT model.</param>
/// <param name="BaseModel">"tiny" (the shipped base model) or a checkpoint folder to fine-tune.</param>
/// <param name="LearningRate">RL learning rate (null: the cpu preset's).</param>
/// <param name="MaxSteps">Cap on episode steps in RL and evaluation, on top of the environment's limit.</param>
public sealed record RunPlan(
    string Name,
    string Env,
    int ColdStart,
    int SftEpochs,
    int Iterations,
    int TasksPerIteration,
    int? EvalCount,
    IReadOnlyList<string> EvalSplits,
    IReadOnlyList<RunMethod> Methods,
    IReadOnlyList<int> Seeds,
    string BaseModel = "tiny",
    double? LearningRate = null,
    int? MaxSteps = null)
{
    public const string Quick = "quick";
    public const string Full = "full";
    public static IReadOnlyList<string> Names { get; } = [Quick, Full];

    /// <summary>SPARK against the baseline it is measured against (plain GRPO = independent chains).</summary>
    public static IReadOnlyList<RunMethod> SparkVsGrpo { get; } = [new("SPARK", "spark"), new("GRPO", "chains")];

    public static RunPlan For(string name, string env = "alfworld") => name.Trim().ToLowerInvariant() switch
    {
        Quick => new RunPlan(Quick, env, ColdStart: 600, SftEpochs: 3, Iterations: 3, TasksPerIteration: 4, EvalCount: 20,
            EvalSplits: ["L0", "L1", "L2"], Methods: SparkVsGrpo, Seeds: [1]),
        Full => new RunPlan(Full, env, ColdStart: 600, SftEpochs: 3, Iterations: 30, TasksPerIteration: 8, EvalCount: null,
            EvalSplits: ["L0", "L1", "L2"], Methods: SparkVsGrpo, Seeds: [1, 2]),
        _ => throw new ConfigException("--preset", $"unknown preset '{name}'; known: {string.Join(", ", Names)}"),
    };

    /// <summary>Parses "spark,chains" or "SPARK=spark,GRPO=chains" into methods; strategies must exist.</summary>
    public static IReadOnlyList<RunMethod> ParseMethods(string text)
    {
        var methods = new List<RunMethod>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            string strategy = kv[^1].ToLowerInvariant();
            ConfigException.Require(BranchStrategies.Names.Contains(strategy), "--methods",
                $"unknown strategy '{strategy}'; known: {string.Join(", ", BranchStrategies.Names)}");
            string label = kv.Length == 2 ? kv[0] : strategy switch { "spark" => "SPARK", "chains" => "GRPO", _ => strategy };
            methods.Add(new RunMethod(label, strategy));
        }
        ConfigException.Require(methods.Count > 0, "--methods", "give at least one strategy");
        ConfigException.Require(methods.Select(m => m.Label).Distinct().Count() == methods.Count, "--methods", "method labels must differ");
        return methods;
    }

    public RunPlan Validate()
    {
        ConfigException.Require(ColdStart >= 1, "--cold-start", $"must be at least 1, got {ColdStart}");
        ConfigException.Require(SftEpochs >= 1, "--sft-epochs", $"must be at least 1, got {SftEpochs}");
        ConfigException.Require(Iterations >= 0, "--iterations", $"must be 0 or more, got {Iterations}");
        ConfigException.Require(TasksPerIteration >= 1, "--tasks", $"must be at least 1, got {TasksPerIteration}");
        ConfigException.Require(EvalCount is null or >= 1, "--eval-count", $"must be at least 1, got {EvalCount}");
        ConfigException.Require(Seeds.Count >= 1 && Seeds.Distinct().Count() == Seeds.Count, "--seeds", "give one or more distinct seeds");
        ConfigException.Require(Methods.Count >= 1 || Iterations == 0, "--methods", "give at least one method");
        ConfigException.Require(MaxSteps is null or >= 1, "--max-steps", $"must be at least 1, got {MaxSteps}");
        return this;
    }
}
