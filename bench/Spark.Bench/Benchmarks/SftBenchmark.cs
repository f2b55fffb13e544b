using System.Diagnostics;
using System.Text;
using Spark.Core.Randomness;
using Spark.Environments;
using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Prompts;
using Spark.Training.Pretraining;
using Spark.Training.Sequences;
using Spark.Training.Sft;
using TorchSharp;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// Where the time of pretraining and SFT goes on this machine: corpus episodes (play + render), the BPE vocabulary,
/// and training steps of the tiny preset on pretraining episodes, SFT episode-mode and window-mode sequences.
/// Reports wall time and process CPU time (the latter is steadier on a shared machine).
/// Options: --episodes N (default 40), --steps N (timed optimizer steps per case, default 3), --threads N (default 2).
/// </summary>
public sealed class SftBenchmark : IBenchmark
{
    public string Name => "sft";
    public string Description => "Corpus generation, vocabulary and training throughput of pretraining and SFT (tiny preset).";

    public string Run(string[] args)
    {
        TorchRuntime.EnsureLoadable();
        int episodes = BenchArgs.Int(args, "--episodes", 40), steps = BenchArgs.Int(args, "--steps", 3);
        torch.set_num_threads(BenchArgs.Int(args, "--threads", 2));
        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine($"{torch.get_num_threads()} torch threads, fp32. Load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} " +
                      "(the machine is shared; CPU seconds are the process's own and steadier than wall time).");
        sb.AppendLine();

        var suite = EnvironmentRegistry.Create("alfworld");
        var corpus = new PretrainCorpus([suite], seed: 1);
        var (played, play) = Timed(() => Enumerable.Range(0, episodes).Select(k => corpus.Episode(PretrainCorpus.TrainStream, k)).ToList());
        var bytes = BpeTrainer.Train([], new BpeTrainerOptions { VocabSize = 256 + BuiltInTokens.All.Count + 1 }).CreateTokenizer();
        var (texts, render) = Timed(() => played.Where(e => e.Steps.Count > 0).Select(e => bytes.Decode(corpus.Render(e, bytes).Tokens)).ToList());
        var (vocabulary, bpe) = Timed(() => BpeTrainer.Train(texts, new BpeTrainerOptions { VocabSize = 2048 }));
        var tokenizer = vocabulary.CreateTokenizer();
        var lm = played.Where(e => e.Steps.Count > 0).Select(e => TrainingSequence.LanguageModel(corpus.Render(e, tokenizer).Tokens)).ToList();
        var data = ColdStartGenerator.FromExpert(suite, new ColdStartOptions(Count: 48, Seed: 1)).Trajectories;
        var episode = SequenceBuilder.FromColdStart(data, tokenizer, PromptOptions.Compact with { Mode = PromptMode.Episode });
        var window = SequenceBuilder.FromColdStart(data, tokenizer, PromptOptions.Compact with { Mode = PromptMode.Window });

        sb.AppendLine("| stage | count | wall s | CPU s | per item |");
        sb.AppendLine("|---|---|---|---|---|");
        sb.AppendLine($"| play episodes (guided player, expert plan) | {episodes} | {play.Wall:F2} | {play.Cpu:F2} | {1000 * play.Wall / episodes:F0} ms/episode |");
        sb.AppendLine($"| render + byte-level encode + decode | {texts.Count} | {render.Wall:F2} | {render.Cpu:F2} | {1000 * render.Wall / texts.Count:F0} ms/episode |");
        sb.AppendLine($"| BPE vocabulary ({vocabulary.Stats.VocabSize} tokens, {vocabulary.Stats.StopReason}) | {texts.Count} texts | {bpe.Wall:F2} | {bpe.Cpu:F2} | |");
        sb.AppendLine();
        sb.AppendLine($"Pretraining episodes: mean {lm.Average(s => s.Length):N0} tokens (max {lm.Max(s => s.Length):N0}) with the {vocabulary.Stats.VocabSize}-token vocabulary. " +
                      $"SFT, {data.Count} expert trajectories: episode mode mean {episode.Average(s => s.Length):N0} tokens " +
                      $"({episode.Average(s => (double)s.ResponseTokens / s.Length):P0} supervised); window mode {window.Count} sequences, mean {window.Average(s => s.Length):N0} tokens " +
                      $"({window.Average(s => (double)s.ResponseTokens / s.Length):P0} supervised).");
        sb.AppendLine();
        sb.AppendLine("| training case | batch tokens | padding | sequence tok/s (wall) | sequence tok/s per CPU s | supervised tok/s (wall) |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, sequences, budget) in new[] { ("pretraining (LM, whole episodes)", lm, 8192), ("SFT episode mode", episode, 8192), ("SFT window mode", window, 8192) })
            sb.AppendLine(Train(name, sequences, budget, tokenizer, steps));
        return sb.ToString();
    }

    static string Train(string name, IReadOnlyList<TrainingSequence> sequences, int budget, Spark.Core.Text.ITokenizer tokenizer, int steps)
    {
        var config = Qwen2Presets.Create("tiny", tokenizer.VocabSize);
        using var model = new Qwen2ForCausalLM(config, seed: 1);
        var optimizer = SupervisedStep.AdamW(model, 1e-3, 0.9, 0.95, 0.01);
        var step = new SupervisedStep(model, new SequenceScorer(tokenizer), optimizer, 1.0);
        var batches = SequenceBatcher.Epoch(sequences, budget, 1, 0);
        long real = 0, supervised = 0, padded = 0;
        var wall = new Stopwatch();
        var cpu = TimeSpan.Zero;
        for (int s = 0; s < steps + 1; s++)
        {
            var batch = batches[s % batches.Count].Select(i => sequences[i]).ToList();
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            if (s > 0) wall.Start();
            var stats = step.Run([batch], 1e-3);
            wall.Stop();
            if (s == 0) continue; // warm-up
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
            real += stats.SequenceTokens;
            supervised += stats.Tokens;
            padded += stats.PaddedTokens;
        }
        double seconds = wall.Elapsed.TotalSeconds;
        return $"| {name} | {budget} | {1 - (double)real / padded:P1} | {real / seconds:N0} | {real / cpu.TotalSeconds:N0} | {supervised / seconds:N0} |";
    }

    static (T Value, (double Wall, double Cpu) Time) Timed<T>(Func<T> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var value = work();
        return (value, (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds));
    }
}
