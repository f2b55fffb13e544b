using System.CommandLine;
using System.Runtime.InteropServices;
using Spark.Training.Pretraining;
using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark pretrain --out DIR [--minutes M | --tokens N] [--seed S]</c>: builds the built-in base model — environment
/// text corpus, BPE vocabulary, the tiny Qwen2 trained as a language model — and writes it with its model card
/// (docs/pretraining.md).
/// </summary>
public static class PretrainCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the model, tokenizer, metrics and MODEL_CARD.md into.", Required = true };
        var minutes = new Option<double?>("--minutes") { Description = "Training wall-time budget (the run fixes its step count after 10 steps)." };
        var tokens = new Option<long?>("--tokens") { Description = "Training token budget (exactly reproducible)." };
        var seed = new Option<int>("--seed") { Description = "Seed of corpus, vocabulary and initial weights.", DefaultValueFactory = _ => 1 };
        var preset = new Option<string>("--preset") { Description = "Model shape: tiny or small.", DefaultValueFactory = _ => "tiny" };
        var envs = new Option<string[]>("--env") { Description = "Environments to play (default: every built-in one).", AllowMultipleArgumentsPerToken = true };
        var vocab = new Option<int>("--vocab-size") { Description = "Vocabulary size, special tokens included.", DefaultValueFactory = _ => 2048 };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => 2e-3 };
        var stepTokens = new Option<int>("--step-tokens") { Description = "Tokens per optimizer step.", DefaultValueFactory = _ => 16384 };
        var microTokens = new Option<int>("--micro-batch-tokens") { Description = "Padded tokens per forward pass.", DefaultValueFactory = _ => 8192 };
        var vocabEpisodes = new Option<int>("--tokenizer-episodes") { Description = "Episodes whose text trains the vocabulary.", DefaultValueFactory = _ => 1000 };
        var threads = new Option<int>("--threads") { Description = "Torch threads (default: one per core; 1 is faster on a busy machine).", DefaultValueFactory = _ => 0 };
        var heldOut = new Option<int>("--held-out-episodes") { Description = "Episodes to measure the held-out loss on.", DefaultValueFactory = _ => 32 };

        var c = new Command("pretrain", "Pretrain the built-in base model on environment text (random and lightly guided play) and write its model card.");
        foreach (var o in new Option[] { output, minutes, tokens, seed, preset, envs, vocab, lr, stepTokens, microTokens, vocabEpisodes, heldOut, threads })
            c.Options.Add(o);
        c.SetAction((r, cancel) =>
        {
            TrainingProgress.SetThreads(r.GetValue(threads));
            var chosen = r.GetValue(envs) is { Length: > 0 } e ? e : null;
            var options = new PretrainOptions(
                Seed: (ulong)r.GetValue(seed), Preset: r.GetValue(preset)!, Tokens: r.GetValue(tokens), Minutes: r.GetValue(minutes),
                Environments: chosen, VocabSize: r.GetValue(vocab), TokenizerEpisodes: r.GetValue(vocabEpisodes),
                StepTokens: r.GetValue(stepTokens), MicroBatchTokens: r.GetValue(microTokens), LearningRate: r.GetValue(lr),
                HeldOutEpisodes: r.GetValue(heldOut)).Validate();
            string dir = r.GetValue(output)!;
            string command = "spark " + string.Join(' ', r.Tokens.Select(t => t.Value));
            string machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {TorchSharp.torch.get_num_threads()} torch threads, " +
                             $"load average at start {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (a machine shared with other jobs is noisy)";

            var result = TrainingProgress.Run("pretrain", (report, log) => new Pretrainer(options)
            {
                OnStatus = log,
                OnStep = p => report(p.Step, p.TotalSteps, FormattableString.Invariant($"loss {p.Loss:F3} {p.TokensPerSecond:N0} tok/s {p.Tokens:N0} tokens")),
            }.Run(dir, cancel));
            ModelCard.Write(dir, options, result, command, machine);
            AnsiConsole.MarkupLineInterpolated(
                $"[green]done[/]: {result.Steps} steps, {result.Tokens:N0} tokens in {result.TrainingTime.TotalMinutes:F1} min; held-out loss {result.InitialHeldOut.All:F3} → {result.FinalHeldOut.All:F3}; wrote {dir}");
            return Task.FromResult(0);
        });
        return c;
    }
}
