using System.Text.Json;
using Spark.Core.Configuration;
using Spark.Core.Environments;
using Spark.Core.IO;
using Spark.Environments;
using Spark.Reporting;
using Spark.Reporting.Input;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Evaluation;
using Spark.Training.Presets;
using Spark.Training.Rl;
using Spark.Training.Sft;

namespace Spark.Cli.Pipeline;

/// <summary>
/// <c>spark run</c>'s stages, each written to its own folder under the run folder and skipped when already complete,
/// so a killed run started again with the same command continues where it stopped (SFT and RL resume from their
/// checkpoints). Layout: <c>plan.json</c>, <c>data/cold-start.jsonl</c>, <c>sft/</c>, <c>rl/METHOD-sSEED/</c>,
/// <c>eval/MODEL-SPLIT.{json,jsonl}</c>, <c>report-input.json</c>, <c>results.md</c>, <c>report/</c>.
/// </summary>
/// <param name="suite">The environment suite (default: the registry's <c>plan.Env</c> with its default worlds).</param>
public sealed class RunPipeline(RunPlan plan, string outDir, IEnvironmentSuite? suite = null)
{
    /// <summary>Shows the progress of the long stages.</summary>
    public required IStageDisplay Display { get; init; }

    void Log(string line) => Display.Log(line);

    T Stage<T>(string label, Func<Action<int, int?, string>, Action<string>, T> work) => Display.Run(label, work);

    /// <summary>
    /// Evaluation engines get a cache large enough that window-mode prompts are never evicted mid-split, and start
    /// every split empty: three long runs crashed inside libtorch on the third split evaluated with one engine under
    /// the default 256 MB budget (the crash turned out to be TorchSharp Scalars freed mid-call; see docs/pipeline.md).
    /// </summary>
    static readonly Spark.Models.Generation.EngineOptions EvalEngine = new(PrefixCacheBytes: 4L << 30);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs every stage, then writes report-input.json, results.md and report/.</summary>
    public ReportFiles Run(CancellationToken cancel = default) => Write(Collect(cancel));

    /// <summary>Writes report-input.json, results.md and the report folder of <paramref name="input"/>.</summary>
    public ReportFiles Write(ReportInput input)
    {
        ReportInputJson.Write(Path.Combine(outDir, "report-input.json"), input);
        AtomicFile.WriteAllText(Path.Combine(outDir, "results.md"), ResultsMarkdown.Render(input));
        return ReportBuilder.Build(input, Path.Combine(outDir, "report"), outDir);
    }

    /// <summary>Runs (or reuses) every stage and gathers what the report shows.</summary>
    public ReportInput Collect(CancellationToken cancel = default)
    {
        plan.Validate();
        Directory.CreateDirectory(outDir);
        CheckPlan();
        suite ??= EnvironmentRegistry.Create(plan.Env, new SuiteOptions());
        var preset = TrainingPresets.For(plan.Env, TrainingPresets.Cpu);

        string data = ColdStartData(suite);
        string sft = Sft(data, preset, cancel);
        var results = new List<SplitResult>(Evaluate("SFT", 0, sft, suite, preset, cancel));
        var training = new List<TrainingRun>();
        var tokens = new List<TokenUse>();
        string? trees = null;
        foreach (int seed in plan.Seeds)
            foreach (var method in plan.Methods)
            {
                string runDir = Path.Combine(outDir, "rl", $"{method.Label}-s{seed}");
                string final = plan.Iterations == 0 ? sft : Rl(method, seed, sft, runDir, preset, suite, cancel);
                results.AddRange(Evaluate(method.Label, seed, final, suite, preset, cancel));
                if (plan.Iterations == 0) continue;
                var run = MetricsJsonl.ReadRun(Path.Combine(runDir, "metrics.jsonl"), method.Label, plan.Env, seed);
                training.Add(run);
                tokens.Add(TrainTokens(run));
                if (method.Strategy == "spark" && trees == null) trees = LastTrees(runDir);
            }
        foreach (var r in results.Where(r => r.GeneratedTokens is not null))
            tokens.Add(new TokenUse { Method = r.Method, Env = r.Env, Seed = r.Seed, Phase = "eval " + r.Split, GeneratedTokens = r.GeneratedTokens!.Value });

        return new ReportInput
        {
            Title = $"spark run --preset {plan.Name}: SFT, then {string.Join(" vs ", plan.Methods.Select(m => m.Label))} on {plan.Env}",
            Created = DateTimeOffset.UtcNow,
            Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            Commands = ["spark " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1))],
            Notes = [$"Every RL method starts from the same SFT model ({plan.ColdStart} cold-start trajectories, {plan.SftEpochs} epochs) " +
                     $"and trains {plan.Iterations} iterations x {plan.TasksPerIteration} tasks with the same leaf budget per task; " +
                     $"evaluation: one rollout per task at temperature {preset.EvalAgent.Temperature}, {(plan.EvalCount is int n ? $"the first {n} tasks" : "every task")} of each split."],
            Results = results,
            Training = training,
            Tokens = tokens,
            Trees = trees,
        };
    }

    /// <summary>A run folder belongs to one plan: finished stages are reused only by the plan that made them.</summary>
    void CheckPlan()
    {
        string path = Path.Combine(outDir, "plan.json");
        string text = JsonSerializer.Serialize(plan, Json);
        if (File.Exists(path) && File.ReadAllText(path).Trim() != text.Trim())
            throw new ConfigException("--out", $"{outDir} holds a run with other settings ({path}); use another folder or delete it");
        AtomicFile.WriteAllText(path, text);
    }

    string ColdStartData(IEnvironmentSuite suite)
    {
        string path = Path.Combine(outDir, "data", "cold-start.jsonl");
        if (File.Exists(path)) return path;
        Log($"data: {plan.ColdStart} expert trajectories with <explore>/<think> reasons from {plan.Env}/train");
        var made = ColdStartGenerator.FromExpert(suite, new ColdStartOptions(plan.ColdStart));
        ConfigException.Require(made.Trajectories.Count > 0, "env", $"the {plan.Env} expert won no training task");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        ColdStartFile.Write(path, made.Trajectories);
        return path;
    }

    string Sft(string data, TrainingPreset preset, CancellationToken cancel)
    {
        string dir = Path.Combine(outDir, "sft");
        if (File.Exists(Path.Combine(dir, "config.json"))) return dir;
        string baseModel = BuiltInModel.Resolve(plan.BaseModel, "--model");
        var options = preset.Sft with { Epochs = plan.SftEpochs };
        string sft = Stage("sft", (report, log) => new SftTrainer(options)
        {
            OnStatus = log,
            OnStep = s => report(s.Step, s.TotalSteps, FormattableString.Invariant($"loss {s.Stats.Loss:F3} {s.TokensPerSecond:N0} tok/s")),
        }.Run(ColdStartFile.Read(data), baseModel, dir, resume: true, cancel).OutDir);
        Quiesce();
        return sft;
    }

    /// <summary>
    /// Finalizes a finished stage's leftover TorchSharp objects while no native call is in flight. Long runs crashed
    /// twice in the first evaluation after a training stage in the same process (libtorch reading freed memory),
    /// never when the evaluation ran in a fresh process; the trainers now dispose what they own, and this runs the
    /// finalizers of anything else at a quiet moment.
    /// </summary>
    static void Quiesce()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    string Rl(RunMethod method, int seed, string sft, string runDir, TrainingPreset preset, IEnvironmentSuite suite, CancellationToken cancel)
    {
        string final = Path.Combine(runDir, "final");
        if (File.Exists(Path.Combine(final, "config.json"))) return final;
        var defaults = RlPresets.For(preset);
        var options = defaults with
        {
            Strategy = method.Strategy,
            Branching = method.Apply(defaults.Branching),
            TrainFraction = method.TrainFraction,
            Iterations = plan.Iterations,
            TasksPerIteration = plan.TasksPerIteration,
            LearningRate = plan.LearningRate ?? defaults.LearningRate,
            EvalEvery = 0,
            CheckpointEvery = 1, // a restarted run loses at most one iteration (a tiny model's checkpoint is a few MB)
            Seed = (ulong)seed,
            MaxSteps = plan.MaxSteps,
        };
        string trained = Stage($"{method.Label} s{seed}", (report, log) => new RlTrainer(options, suite, sft, runDir)
        {
            OnStatus = _ => { },
            OnWarning = w => log("warning: " + w),
            OnIteration = it => report(it.Iteration, it.Iterations, FormattableString.Invariant(
                $"success {it.Metrics["rollout_success"]:P0} explore {it.Metrics["explore_ratio"]:P0} kl {it.Metrics["kl"]:F4}")),
        }.Run(resume: true, cancel));
        Quiesce();
        return trained;
    }

    IEnumerable<SplitResult> Evaluate(string label, int seed, string checkpoint, IEnvironmentSuite suite, TrainingPreset preset, CancellationToken cancel)
    {
        var results = new List<SplitResult>();
        LoadedPolicy? policy = null;
        try
        {
            foreach (string split in plan.EvalSplits)
            {
                string name = seed == 0 ? $"{label}-{split}" : $"{label}-s{seed}-{split}";
                string path = Path.Combine(outDir, "eval", name + ".json");
                if (File.Exists(path))
                {
                    results.Add(JsonSerializer.Deserialize<SplitResult>(File.ReadAllText(path), Json)!);
                    continue;
                }
                cancel.ThrowIfCancellationRequested();
                policy ??= PolicyCheckpoint.OpenPolicy(checkpoint, options: EvalEngine);
                policy.Engine.InvalidateCache();
                int n = Math.Min(plan.EvalCount ?? int.MaxValue, suite.Count(split));
                var loaded = policy;
                var parsed = Stage($"eval {name}", (report, _) => Evaluator.Run(loaded.Engine, suite, split, Enumerable.Range(0, n),
                    preset.EvalAgent, seed: 0, plan.MaxSteps, progress: new Progress(p => report(p.Step, null, $"step {p.Step}: {p.Stepped} episodes stepped"))));
                EvalReport.Write(Path.Combine(outDir, "eval", name + ".jsonl"), parsed);
                var result = new SplitResult
                {
                    Method = label, Env = plan.Env, Split = split, Seed = seed == 0 ? plan.Seeds[0] : seed, Episodes = parsed.Episodes,
                    SuccessRate = parsed.SuccessRate, Score = plan.Env == "alfworld" ? null : parsed.MeanScore, GeneratedTokens = parsed.GeneratedTokens,
                    MeanSteps = parsed.MeanSteps, RepetitiveActionRatio = parsed.RepetitiveActionRatio, ExploreRatio = parsed.ExploreRatio,
                };
                AtomicFile.WriteAllText(path, JsonSerializer.Serialize(result, Json));
                Log(FormattableString.Invariant($"{name}: success {result.SuccessRate:P1} over {result.Episodes} tasks"));
                results.Add(result);
            }
        }
        finally { policy?.Dispose(); }
        return results;
    }

    TokenUse TrainTokens(TrainingRun run)
    {
        double Sum(string key) => run.Iterations.Sum(r => r.TryGetValue(key, out double v) ? v : 0);
        return new TokenUse
        {
            Method = run.Method, Env = run.Env, Seed = run.Seed, Phase = "train",
            GeneratedTokens = (long)Sum("tokens_generated"), EnvironmentSteps = (long)Sum("env_steps"), Trajectories = (long)Sum("leaves"),
        };
    }

    string? LastTrees(string runDir)
    {
        string dir = Path.Combine(runDir, "trees");
        if (!Directory.Exists(dir)) return null;
        string? last = Directory.EnumerateFiles(dir, "iteration-*.json").Order(StringComparer.Ordinal).LastOrDefault();
        return last == null ? null : Path.GetRelativePath(outDir, last);
    }

    sealed class Progress(Action<Spark.Core.Rollouts.RolloutProgress> report) : IProgress<Spark.Core.Rollouts.RolloutProgress>
    {
        public void Report(Spark.Core.Rollouts.RolloutProgress value) => report(value);
    }
}
