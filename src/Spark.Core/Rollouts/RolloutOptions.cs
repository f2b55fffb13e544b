using Spark.Core.Configuration;

namespace Spark.Core.Rollouts;

/// <summary>How a child gets its parent's world.</summary>
public enum BranchWorld
{
    /// <summary><c>IEnvironment.Clone()</c> when the environment can clone, else replay.</summary>
    Auto,

    /// <summary>Always a fresh instance of the task, reset, with the parent's actions replayed (checked).</summary>
    Replay,
}

/// <summary>Progress after one batched step: how many trajectories stepped, how many leaves the batch has so far.</summary>
public sealed record RolloutProgress(int Step, int Stepped, int Allocated);

/// <summary>Settings of <see cref="TreeRolloutEngine"/> that do not depend on the strategy.</summary>
public sealed record RolloutOptions
{
    /// <summary>Run seed: every sampling and branching seed is derived from it.</summary>
    public ulong Seed { get; init; }

    /// <summary>Optional cap on steps per trajectory, on top of the environment's own limit (which ends an
    /// episode with Done/Truncated). A trajectory stopped by the cap is a truncated leaf.</summary>
    public int? MaxSteps { get; init; }

    public BranchWorld World { get; init; } = BranchWorld.Auto;

    /// <summary>The RL reward of a won leaf (the paper: 10); a lost one gets 0.</summary>
    public double SuccessReward { get; init; } = 10;

    /// <summary>How many environments step at once (1 = sequentially). Environments of different trajectories are
    /// independent, so the result does not depend on it; raise it for slow (remote) environments.</summary>
    public int EnvironmentParallelism { get; init; } = 1;

    /// <summary>Called after every batched step.</summary>
    public IProgress<RolloutProgress>? Progress { get; init; }

    public void Validate()
    {
        ConfigException.Require(MaxSteps is null or >= 1, "max-steps", $"must be at least 1, got {MaxSteps}");
        ConfigException.Require(EnvironmentParallelism >= 1, "environment-parallelism", $"must be at least 1, got {EnvironmentParallelism}");
        ConfigException.Require(double.IsFinite(SuccessReward), "success-reward", $"must be a finite number, got {SuccessReward}");
    }
}
