using Spark.Core.Advantages;
using Spark.Core.Configuration;
using Spark.Core.Rollouts.Branching;
using Spark.Training.Agents;

namespace Spark.Training.Rl;

/// <summary>Everything an RL run is made of. Defaults are the paper's (paper.md §3) except where a CPU preset overrides.</summary>
public sealed record RlOptions
{
    /// <summary>Environment suite name ("alfworld", "scienceworld", "webshop").</summary>
    public string Env { get; init; } = "alfworld";

    /// <summary>Seed of the environment suite (its generated worlds and splits).</summary>
    public int EnvSeed { get; init; } = 1;

    public string TrainSplit { get; init; } = "train";

    /// <summary>Share of the training split tasks are drawn from (the first fraction of it): the paper's
    /// sample-efficiency study trains on 20–100%.</summary>
    public double TrainFraction { get; init; } = 1.0;

    /// <summary>Rollout strategy: chains (GRPO), spark, fixed, entropy.</summary>
    public string Strategy { get; init; } = "spark";

    /// <summary>M, N, B and the strategies' own settings.</summary>
    public BranchingOptions Branching { get; init; } = new();

    /// <summary>Advantage estimator: grpo (the paper's), grpo-traj, drgrpo, tree-node, gigpo.</summary>
    public string Advantage { get; init; } = "grpo";

    public AdvantageOptions AdvantageOptions { get; init; } = new();

    /// <summary>Train only on tasks whose leaves earned different rewards (DAPO's group filter, see
    /// <see cref="Spark.Core.Rollouts.RewardSpread"/>). Off in the paper's code.</summary>
    public bool SkipUniformGroups { get; init; }

    /// <summary>Training iterations (the paper: 120).</summary>
    public int Iterations { get; init; } = 120;

    /// <summary>Tasks per iteration (the paper: 16).</summary>
    public int TasksPerIteration { get; init; } = 16;

    /// <summary>Actor learning rate (the paper: 1e-6 for a 1.5B model, constant).</summary>
    public double LearningRate { get; init; } = 1e-6;

    /// <summary>Decay the learning rate over the run's iterations, on a cosine to a tenth of
    /// <see cref="LearningRate"/> (off: constant, as the paper). A small model that gains early and then drifts away
    /// from its reference keeps more of the gain with a smaller late step.</summary>
    public bool DecayLearningRate { get; init; }

    public double WeightDecay { get; init; } = 0.01;

    public PolicyLossOptions Loss { get; init; } = new();

    public UpdateOptions Update { get; init; } = new();

    /// <summary>How the agent prompts and samples during training rollouts (the paper's code: temperature 1.0).</summary>
    public AgentOptions Agent { get; init; } = new();

    /// <summary>How the agent samples during evaluation (the paper: temperature 0.4).</summary>
    public AgentOptions EvalAgent { get; init; } = new(Temperature: 0.4f);

    /// <summary>Evaluate every this many iterations (and before the first and after the last); 0 disables.</summary>
    public int EvalEvery { get; init; } = 10;

    public IReadOnlyList<string> EvalSplits { get; init; } = ["L0", "L1", "L2"];

    /// <summary>Tasks per split per evaluation (null: the whole split).</summary>
    public int? EvalCount { get; init; } = 128;

    /// <summary>Save a checkpoint every this many iterations (and after the last).</summary>
    public int CheckpointEvery { get; init; } = 10;

    /// <summary>Write the rollout trees of every this many iterations to trees/ (0: only the last).</summary>
    public int TreesEvery { get; init; }

    /// <summary>Optional cap on steps per trajectory on top of the environment's limit.</summary>
    public int? MaxSteps { get; init; }

    public ulong Seed { get; init; } = 1;

    /// <summary>"cpu" or "cuda".</summary>
    public string Device { get; init; } = "cpu";

    public RlOptions Validate()
    {
        ConfigException.Require(Iterations >= 1, "iterations", $"must be at least 1, got {Iterations}");
        ConfigException.Require(TasksPerIteration >= 1, "tasks", $"must be at least 1, got {TasksPerIteration}");
        ConfigException.Require(TrainFraction is > 0 and <= 1, "train-fraction", $"must be in (0, 1], got {TrainFraction}");
        ConfigException.Require(LearningRate > 0 && double.IsFinite(LearningRate), "lr", $"must be a positive number, got {LearningRate}");
        ConfigException.Require(WeightDecay >= 0, "weight-decay", $"must be 0 or more, got {WeightDecay}");
        ConfigException.Require(EvalEvery >= 0, "eval-every", $"must be 0 or more, got {EvalEvery}");
        ConfigException.Require(CheckpointEvery >= 1, "checkpoint-every", $"must be at least 1, got {CheckpointEvery}");
        ConfigException.Require(EvalCount is null or >= 1, "eval-count", $"must be at least 1, got {EvalCount}");
        ConfigException.Require(Update.MiniBatches >= 1, "mini-batches", $"must be at least 1, got {Update.MiniBatches}");
        ConfigException.Require(Update.PpoEpochs >= 1, "ppo-epochs", $"must be at least 1, got {Update.PpoEpochs}");
        ConfigException.Require(Update.MicroBatchTokens >= 64, "micro-batch-tokens", $"must be at least 64, got {Update.MicroBatchTokens}");
        ConfigException.Require(Device is "cpu" or "cuda", "device", $"expected cpu or cuda, got '{Device}'");
        Loss.Validate();
        AdvantageOptions.Validate();
        Agent.Validate();
        EvalAgent.Validate();
        BranchStrategies.Create(Strategy, Branching);
        AdvantageEstimators.Get(Advantage);
        return this;
    }

    /// <summary>A digest of the settings a resumed run must share with the run that wrote the checkpoint (not the
    /// length of the run — unless the learning rate decays over it — nor how often it evaluates or saves).</summary>
    public string ResumeFingerprint() =>
        Runs.RunCheckpoints.Fingerprint(this with { Iterations = DecayLearningRate ? Iterations : 0, EvalEvery = 0, CheckpointEvery = 1, TreesEvery = 0, EvalCount = null });
}
