using Spark.Core.Configuration;
using Spark.Training.Agents;
using Spark.Training.Agents.Prompts;
using Spark.Training.Sft;

namespace Spark.Training.Presets;

/// <summary>
/// Defaults for one environment at one scale: which model to start from, how the agent prompts and samples, how
/// cold-start SFT runs, and how much to evaluate and roll out.
/// </summary>
/// <param name="Model">"tiny" (the shipped base model) or a Hugging Face model name the user downloads.</param>
/// <param name="Agent">The agent in training rollouts (the paper's code: temperature 1.0).</param>
/// <param name="EvalAgent">The agent in evaluation (the paper: temperature 0.4, one rollout per task).</param>
/// <param name="Sft">Cold-start SFT settings.</param>
/// <param name="TasksPerIteration">RL: tasks rolled out per iteration (the paper: 16).</param>
/// <param name="UpdateMicroBatchTokens">RL: padded tokens per forward pass of the policy update.</param>
public sealed record TrainingPreset(
    string Name,
    string Env,
    string Model,
    string Description,
    AgentOptions Agent,
    AgentOptions EvalAgent,
    SftOptions Sft,
    int TasksPerIteration,
    int UpdateMicroBatchTokens);

/// <summary>
/// The named presets: <c>cpu</c> (the default; the built-in tiny model on a 2-core CPU) and <c>paper</c> (the SPARK
/// paper's settings for Qwen2.5 on GPUs).
/// </summary>
public static class TrainingPresets
{
    public const string Cpu = "cpu";
    public const string Paper = "paper";

    public static IReadOnlyList<string> Names { get; } = [Cpu, Paper];

    static readonly string[] Environments = ["alfworld", "scienceworld", "webshop"];

    public static TrainingPreset For(string env, string name = Cpu)
    {
        env = env.Trim().ToLowerInvariant();
        ConfigException.Require(Environments.Contains(env), "env", $"no presets for '{env}'; known: {string.Join(", ", Environments)}");
        return name.Trim().ToLowerInvariant() switch
        {
            Cpu => CpuPreset(env),
            Paper => PaperPreset(env),
            _ => throw new ConfigException("preset", $"unknown preset '{name}'; known: {string.Join(", ", Names)}"),
        };
    }

    /// <summary>
    /// The built-in tiny model (~1M parameters) on a 2-core CPU: compact prompt with the memory line in window mode
    /// (the task, the memory line and the last two steps), constrained actions, batches of a few thousand tokens.
    /// Window mode, not episode mode: a window prompt stays a few hundred tokens long, while an episode-mode
    /// conversation grows to thousands and every step re-attends over it; on this machine a 32-task ALFWorld
    /// evaluation took 17 s in window mode against 124 s in episode mode (docs/rl.md). The learning rate suits a
    /// 1M-parameter model (measured in docs/sft.md).
    /// </summary>
    static TrainingPreset CpuPreset(string env)
    {
        var prompt = PromptOptions.Compact with { Mode = PromptMode.Window };
        int maxLength = env == "alfworld" ? 4096 : 6144;
        return new TrainingPreset(Cpu, env, BuiltInModel.Name,
            "built-in tiny model on a 2-core CPU: compact window prompt with memory line, constrained actions",
            AgentOptions.BuiltIn(PromptMode.Window, temperature: 1f),
            AgentOptions.BuiltIn(PromptMode.Window, temperature: 0.4f),
            new SftOptions(prompt, Epochs: 3, LearningRate: 1e-3, BatchTokens: 8192, Accumulate: 1, MaxLength: maxLength),
            TasksPerIteration: 8,
            UpdateMicroBatchTokens: 8192);
    }

    /// <summary>
    /// The paper's settings (paper.md §2.2, §3): Qwen2.5-1.5B-Instruct, the SPARK templates in window mode (cold-start
    /// <c>_CS</c> templates for SFT), free generation, SFT lr 1e-5, global batch 32 (here: micro-batches of 4 sequences
    /// — 2 for WebShop — accumulated to 32), 3 epochs, max length 2048 / 3000 / 6000 with left truncation, 512 new tokens.
    /// </summary>
    static TrainingPreset PaperPreset(string env)
    {
        int maxLength = env switch { "alfworld" => 2048, "scienceworld" => 3000, _ => 6000 };
        int micro = env == "webshop" ? 2 : 4;
        return new TrainingPreset(Paper, env, "Qwen/Qwen2.5-1.5B-Instruct",
            "the SPARK paper's settings for GPUs: Qwen2.5-1.5B-Instruct, paper prompts, window mode",
            new AgentOptions(PromptOptions.PaperRl, Temperature: 1f, MaxNewTokens: 512),
            new AgentOptions(PromptOptions.PaperRl, Temperature: 0.4f, MaxNewTokens: 512),
            new SftOptions(PromptOptions.PaperColdStart, Epochs: 3, LearningRate: 1e-5, BatchTokens: micro * maxLength,
                Accumulate: 32 / micro, MaxLength: maxLength),
            TasksPerIteration: 16,
            UpdateMicroBatchTokens: 4 * maxLength);
    }
}
