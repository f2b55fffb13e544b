using System.Diagnostics;
using System.Text;
using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// Training throughput of the built-in presets (AdamW step on next-token cross-entropy, fp32) and model-FLOPs
/// utilisation against the peak of a large fp32 matmul measured in the same process.
/// Options: --threads N (default 2), --steps N (timed steps, default 5), --vocab V (default 4096).
/// </summary>
public sealed class ModelTrainingBenchmark : IBenchmark
{
    public string Name => "model-training";
    public string Description => "Training tokens/s of the tiny and small presets and MFU against a large matmul's peak.";

    public string Run(string[] args)
    {
        TorchRuntime.EnsureLoadable();
        int threads = BenchArgs.Int(args, "--threads", 2), steps = BenchArgs.Int(args, "--steps", 5), vocab = BenchArgs.Int(args, "--vocab", 4096);
        torch.set_num_threads(threads);
        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine($"fp32, {threads} torch threads, AdamW, batch 8 x 256 tokens (2,048 tokens per step), vocabulary {vocab}, SDPA attention; " +
                      $"median of {steps} steps after 2 warm-up steps. The machine is shared with other jobs, so figures are noisy.");
        sb.AppendLine();
        double peak = MatmulPeak(2048);
        sb.AppendLine($"Peak: fp32 matmul 2048x2048 @ 2048x2048, median of 5: **{peak / 1e9:F1} GFLOP/s**.");
        sb.AppendLine();
        sb.AppendLine("| preset | parameters | non-embedding | tokens/s | step (s) | model GFLOP/s | MFU |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var preset in Qwen2Presets.Names)
        {
            var config = Qwen2Presets.Create(preset, vocab);
            var (seconds, flopsPerToken) = TrainStep(config, batch: 8, length: 256, steps);
            double tokensPerSecond = 8 * 256 / seconds, achieved = tokensPerSecond * flopsPerToken;
            long embedding = (long)config.VocabSize * config.HiddenSize;
            sb.AppendLine($"| {preset} | {config.ParameterCount():N0} | {config.ParameterCount() - embedding:N0} | {tokensPerSecond:N0} | {seconds:F3} | {achieved / 1e9:F1} | {achieved / peak:P0} |");
            Console.WriteLine($"{preset}: {tokensPerSecond:N0} tok/s, MFU {achieved / peak:P0}");
        }
        sb.AppendLine();
        sb.AppendLine("Model FLOPs per token = 6 x (matmul parameters: non-embedding weights + the d x V output head) + 6 x L x T x d " +
                      "(causal attention scores and values, forward and backward). MFU = tokens/s x that / the matmul peak.");
        return sb.ToString();
    }

    static (double Seconds, double FlopsPerToken) TrainStep(Qwen2Config config, int batch, int length, int steps)
    {
        var model = new Qwen2ForCausalLM(config, seed: 1);
        model.train();
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
        var generator = new Generator(7);
        var ids = randint(0, config.VocabSize, [batch, length + 1], generator: generator);
        var input = ids.narrow(1, 0, length);
        var target = ids.narrow(1, 1, length).reshape(-1);
        var positions = Qwen2ForCausalLM.Positions(batch, length, CPU);
        var times = new List<double>();
        for (int step = 0; step < steps + 2; step++)
        {
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                var logits = model.Forward(input, positions);
                var loss = nn.functional.cross_entropy(logits.reshape(-1, config.VocabSize), target);
                loss.backward();
                optimizer.step();
                loss.item<float>();
            }
            if (step >= 2) times.Add(clock.Elapsed.TotalSeconds);
        }
        times.Sort();
        // Tied: the embedding is counted once, as the output head's matmul; untied: the lookup table is no matmul.
        long matmulParameters = config.ParameterCount() - (config.TieWordEmbeddings ? 0 : (long)config.VocabSize * config.HiddenSize);
        double flopsPerToken = 6.0 * matmulParameters + 6.0 * config.NumHiddenLayers * length * config.HiddenSize;
        model.Dispose();
        return (times[times.Count / 2], flopsPerToken);
    }

    static double MatmulPeak(int n)
    {
        using var a = randn(n, n);
        using var b = randn(n, n);
        for (int i = 0; i < 2; i++) using (mm(a, b)) { }
        double seconds = BenchReport.MedianSeconds(5, () => { using var c = mm(a, b); });
        return 2.0 * n * n * n / seconds;
    }
}
