using Spark.Training.Presets;

namespace Spark.Training.Rl;

/// <summary>RL defaults for a <see cref="TrainingPreset"/>: the paper's for <c>paper</c>, CPU-sized for <c>cpu</c>.</summary>
public static class RlPresets
{
    /// <summary>The built-in tiny model's actor learning rate (the paper's 1e-6 is for a 1.5B model; a ~1M-parameter
    /// model needs a far larger step — see docs/rl.md for the sweep that chose it).</summary>
    public const double CpuLearningRate = 1e-4;

    public static RlOptions For(TrainingPreset preset)
    {
        bool paper = preset.Name == TrainingPresets.Paper;
        return new RlOptions
        {
            Env = preset.Env,
            Agent = preset.Agent,
            EvalAgent = preset.EvalAgent,
            TasksPerIteration = preset.TasksPerIteration,
            LearningRate = paper ? 1e-6 : CpuLearningRate,
            Iterations = paper ? 120 : 30,
            EvalEvery = paper ? 10 : 10,
            EvalCount = paper ? 128 : 64,
            CheckpointEvery = paper ? 10 : 5,
            Update = new UpdateOptions(MiniBatches: 4, MicroBatchTokens: preset.UpdateMicroBatchTokens),
        };
    }
}
