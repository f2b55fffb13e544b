using System.CommandLine;
using Spark.Core.Configuration;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Prompts;
using Spark.Training.Presets;
using Spark.Training.Sft;
using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark sft --env alfworld --data FILE --model tiny|PATH --out DIR</c>: cold-start SFT (docs/sft.md). Defaults
/// come from the preset (<c>cpu</c>: the built-in tiny model; <c>paper</c>: the paper's settings); options override them.
/// </summary>
public static class SftCommand
{
    public static Command Create()
    {
        var env = new Option<string>("--env") { Description = "Environment of the data: alfworld, scienceworld or webshop.", Required = true };
        var data = new Option<string>("--data") { Description = "Cold-start data (JSON lines from `spark data cold-start`).", Required = true };
        var model = new Option<string>("--model") { Description = "Model to start from: tiny (the shipped base model) or a checkpoint folder.", DefaultValueFactory = _ => BuiltInModel.Name };
        var output = new Option<string>("--out") { Description = "Run folder; it ends as a loadable checkpoint (model + tokenizer).", Required = true };
        var preset = new Option<string>("--preset") { Description = $"Defaults: {string.Join(", ", TrainingPresets.Names)}.", DefaultValueFactory = _ => TrainingPresets.Cpu };
        var mode = new Option<string?>("--mode") { Description = "Prompt mode: episode (one sequence per trajectory) or window (one per step)." };
        var style = new Option<string?>("--style") { Description = "Prompt words: compact or paper (the cold-start _CS templates)." };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the data (preset: 3)." };
        var lr = new Option<double?>("--lr") { Description = "Peak learning rate." };
        var batchTokens = new Option<int?>("--batch-tokens") { Description = "Padded tokens per forward pass." };
        var accumulate = new Option<int?>("--accumulate") { Description = "Forward passes per optimizer step." };
        var maxLength = new Option<int?>("--max-length") { Description = "Keep the last N tokens of longer sequences." };
        var seed = new Option<int>("--seed") { Description = "Seed of batch composition and order.", DefaultValueFactory = _ => 1 };
        var every = new Option<int?>("--checkpoint-every") { Description = "Optimizer steps between run checkpoints (default 50)." };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default: one per core; 1 is faster on a busy machine).", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue from the latest run checkpoint in --out." };

        var c = new Command("sft", "Cold-start SFT: loss on response tokens, AdamW + cosine, clipping, accumulation, length bucketing, resumable.");
        foreach (var o in new Option[] { env, data, model, output, preset, mode, style, epochs, lr, batchTokens, accumulate, maxLength, seed, every, resume, threads })
            c.Options.Add(o);
        c.SetAction((r, cancel) =>
        {
            TrainingProgress.SetThreads(r.GetValue(threads));
            var p = TrainingPresets.For(r.GetValue(env)!, r.GetValue(preset)!).Sft;
            var prompt = p.Prompt;
            if (r.GetValue(mode) is { } m) prompt = prompt with { Mode = PromptOptions.ParseMode(m, "--mode") };
            if (r.GetValue(style) is { } s)
                prompt = PromptOptions.ParseStyle(s, "--style") == PromptStyle.Paper
                    ? PromptOptions.PaperColdStart with { Mode = prompt.Mode }
                    : PromptOptions.Compact with { Mode = prompt.Mode };
            var options = p with
            {
                Prompt = prompt,
                Epochs = r.GetValue(epochs) ?? p.Epochs,
                LearningRate = r.GetValue(lr) ?? p.LearningRate,
                BatchTokens = r.GetValue(batchTokens) ?? p.BatchTokens,
                Accumulate = r.GetValue(accumulate) ?? p.Accumulate,
                MaxLength = r.GetValue(maxLength) ?? p.MaxLength,
                Seed = (ulong)r.GetValue(seed),
                CheckpointEvery = r.GetValue(every) ?? p.CheckpointEvery,
            };
            string path = r.GetValue(data)!;
            if (!File.Exists(path)) throw new ConfigException("--data", $"file not found: {path}");
            var trajectories = ColdStartFile.Read(path);
            string wanted = r.GetValue(env)!;
            var other = trajectories.FirstOrDefault(t => !string.Equals(t.Env, wanted, StringComparison.OrdinalIgnoreCase));
            if (other != null) throw new ConfigException("--data", $"{path} holds {other.Env} trajectories ({other.TaskId}), not {wanted}");
            string modelDir = BuiltInModel.Resolve(r.GetValue(model)!, "--model");

            SftResult result = TrainingProgress.Run("sft", (report, log) => new SftTrainer(options)
            {
                OnStatus = log,
                OnStep = s => report(s.Step, s.TotalSteps,
                    FormattableString.Invariant($"epoch {s.Epoch} loss {s.Stats.Loss:F4} lr {s.LearningRate:G3} {s.TokensPerSecond:N0} tok/s")),
            }.Run(trajectories, modelDir, r.GetValue(output)!, r.GetValue(resume), cancel));
            AnsiConsole.MarkupLineInterpolated(
                $"[green]done[/]: {result.Steps} steps over {result.Sequences} sequences in {result.Elapsed.TotalMinutes:F1} min, final loss {result.FinalLoss:F4}, padding {result.PaddingShare:P1}; checkpoint: {result.OutDir}");
            return Task.FromResult(0);
        });
        return c;
    }
}
