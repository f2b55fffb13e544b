using System.Diagnostics;
using System.Text;
using LLama;
using LLama.Common;
using LLama.Native;
using Spark.Core.Policies;
using Spark.Models.Checkpoints;
using Spark.Models.Generation;
using Spark.Models.Gguf;
using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using Spark.Models.Tests.Support;
using TorchSharp;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// Decoding tokens/s of our engine (KV cache, sampling at temperature 1, log-probs) at batch 1/16/64 for the tiny
/// and small presets, beside llama.cpp (LLamaSharp CPU backend, greedy) running our exported GGUF of the same model,
/// F32 and Q8_0, in the same process. Prompts: 32 random tokens; 128 new tokens per sequence.
/// Options: --threads N (default 2), --new N (default 128), --batches 1,16,64, --repeats N (best of N, default 2).
/// </summary>
public sealed class DecodingBenchmark : IBenchmark
{
    public string Name => "decoding";
    public string Description => "Decoding tokens/s at batch 1/16/64 (tiny, small) beside llama.cpp on our GGUF export.";

    public string Run(string[] args)
    {
        TorchRuntime.EnsureLoadable();
        int threads = BenchArgs.Int(args, "--threads", 2), fresh = BenchArgs.Int(args, "--new", 128);
        int repeats = BenchArgs.Int(args, "--repeats", 2);
        int[] batches = BenchArgs.Text(args, "--batches") is { } list ? list.Split(',').Select(int.Parse).ToArray() : [1, 16, 64];
        torch.set_num_threads(threads);
        var tokenizer = new TestTokenizer(minVocab: 4096);
        string work = Directory.CreateTempSubdirectory("spark-decoding-").FullName;
        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine($"Random-weight models, vocabulary {tokenizer.VocabSize} (synthetic byte-level BPE), 32-token random prompts, {fresh} new tokens per sequence, " +
                      $"{threads} threads for both engines. Ours samples at temperature 1 and returns log-probs (prefix cache off, all prompts distinct); " +
                      "llama.cpp decodes greedily (argmax in C#), one sequence id per row, on the GGUF exported by `spark model export-gguf`. " +
                      $"Prefill is not timed. tok/s = generated tokens / decode time; best of {repeats} run(s). The machine is shared with other jobs, so figures are noisy.");
        sb.AppendLine();
        sb.AppendLine("| preset | batch | Spark (TorchSharp fp32) | llama.cpp F32 | llama.cpp Q8_0 | Spark / llama.cpp F32 |");
        sb.AppendLine("|---|---|---|---|---|---|");
        try
        {
            string tokDir = Path.Combine(work, "tok");
            tokenizer.WriteTo(tokDir);
            foreach (var preset in Qwen2Presets.Names)
            {
                var model = new Qwen2ForCausalLM(Qwen2Presets.Create(preset, tokenizer.VocabSize) with { InitializerRange = 0.2 }, seed: 1);
                string ckpt = Path.Combine(work, preset), f32 = Path.Combine(work, preset + "-f32.gguf"), q8 = Path.Combine(work, preset + "-q8_0.gguf");
                Checkpoint.Save(model, ckpt, new CheckpointSaveOptions(TokenizerSource: tokDir));
                GgufExporter.Export(ckpt, f32, GgmlType.F32);
                GgufExporter.Export(ckpt, q8, GgmlType.Q8_0);
                foreach (int batch in batches)
                {
                    var prompts = Prompts(batch, tokenizer.VocabSize);
                    double ours = Best(repeats, () => Ours(model, tokenizer, prompts, fresh));
                    double llamaF32 = Best(repeats, () => Llama(f32, prompts, fresh, threads));
                    double llamaQ8 = Best(repeats, () => Llama(q8, prompts, fresh, threads));
                    sb.AppendLine($"| {preset} | {batch} | {ours:N0} | {llamaF32:N0} | {llamaQ8:N0} | {ours / llamaF32:F2}x |");
                    Console.WriteLine($"{preset} batch {batch}: ours {ours:N0}, llama.cpp F32 {llamaF32:N0}, Q8_0 {llamaQ8:N0} tok/s");
                }
                model.Dispose();
            }
        }
        finally { Directory.Delete(work, recursive: true); }
        return sb.ToString();
    }

    static double Best(int repeats, Func<double> run) => Enumerable.Range(0, repeats).Max(_ => run());

    static int[][] Prompts(int batch, int vocab)
    {
        var random = new Random(batch);
        return Enumerable.Range(0, batch).Select(_ => Enumerable.Range(0, 32).Select(_ => random.Next(300, vocab - 20)).ToArray()).ToArray();
    }

    static double Ours(Qwen2ForCausalLM model, TestTokenizer tokenizer, int[][] prompts, int fresh)
    {
        using var engine = new GenerationEngine(model, tokenizer, new EngineOptions(PrefixCacheBytes: 0));
        var inputs = prompts.Select((p, i) => new GenerationInput(p, (ulong)i)).ToList();
        var outputs = engine.Generate(inputs, new SamplingOptions(Temperature: 1f, MaxNewTokens: fresh));
        return outputs.Sum(o => o.TokenIds.Length) / engine.Stats.DecodeSeconds;
    }

    static double Llama(string gguf, int[][] prompts, int fresh, int threads)
    {
        var parameters = new ModelParams(gguf)
        {
            ContextSize = (uint)(prompts.Length * (32 + fresh) + 64), BatchSize = (uint)Math.Max(512, prompts.Length * 32),
            SeqMax = (uint)prompts.Length, Threads = threads, BatchThreads = threads, GpuLayerCount = 0,
        };
        using var weights = LLamaWeights.LoadFromFile(parameters);
        using var context = weights.CreateContext(parameters);
        var batch = new LLamaBatch();
        for (int s = 0; s < prompts.Length; s++)
            for (int t = 0; t < prompts[s].Length; t++) batch.Add(prompts[s][t], t, (LLamaSeqId)s, t == prompts[s].Length - 1);
        context.Decode(batch);
        var last = Enumerable.Range(0, prompts.Length).Select(s => (s + 1) * 32 - 1).ToArray();
        var clock = Stopwatch.StartNew();
        for (int step = 0; step < fresh; step++)
        {
            var next = last.Select(row => TokenSampler.ArgMax(context.NativeHandle.GetLogitsIth(row))).ToArray();
            batch.Clear();
            for (int s = 0; s < prompts.Length; s++) batch.Add(next[s], 32 + step, (LLamaSeqId)s, true);
            if (context.Decode(batch) != DecodeResult.Ok) throw new InvalidOperationException("llama.cpp decode failed");
            last = Enumerable.Range(0, prompts.Length).ToArray();
        }
        return prompts.Length * (double)fresh / clock.Elapsed.TotalSeconds;
    }
}
