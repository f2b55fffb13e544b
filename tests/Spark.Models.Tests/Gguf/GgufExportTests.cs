using LLama;
using LLama.Common;
using LLama.Native;
using Spark.Core.Policies;
using Spark.Core.Text;
using Spark.Models.Checkpoints;
using Spark.Models.Generation;
using Spark.Models.Gguf;
using Spark.Models.Qwen2;
using Spark.Models.Tests.Support;
using TorchSharp;

namespace Spark.Models.Tests.Gguf;

public sealed class GgufExportTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spark-gguf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Greedy decoding in llama.cpp (argmax over the last position's logits), token ids in and out.</summary>
    static int[] LlamaGreedy(string gguf, int[] prompt, int count)
    {
        // F32 K/V (llama.cpp defaults to F16, which flips near-tied greedy choices after a few tokens).
        var parameters = new ModelParams(gguf)
        {
            ContextSize = 512, BatchSize = 512, Threads = 1, BatchThreads = 1, GpuLayerCount = 0,
            TypeK = GGMLType.GGML_TYPE_F32, TypeV = GGMLType.GGML_TYPE_F32,
        };
        using var weights = LLamaWeights.LoadFromFile(parameters);
        using var context = weights.CreateContext(parameters);
        var batch = new LLamaBatch();
        for (int i = 0; i < prompt.Length; i++) batch.Add(prompt[i], i, LLamaSeqId.Zero, i == prompt.Length - 1);
        var output = new List<int>();
        for (int step = 0; step < count; step++)
        {
            Assert.Equal(DecodeResult.Ok, context.Decode(batch));
            var logits = context.NativeHandle.GetLogitsIth(batch.TokenCount - 1);
            int next = TokenSampler.ArgMax(logits);
            output.Add(next);
            batch.Clear();
            batch.Add(next, prompt.Length + step, LLamaSeqId.Zero, true);
        }
        return output.ToArray();
    }

    [Theory]
    [InlineData(GgmlType.F32, false)]
    [InlineData(GgmlType.F32, true)]
    public void Llama_cpp_greedy_tokens_equal_the_engines(GgmlType type, bool tied)
    {
        var tokenizer = new TestTokenizer();
        var model = TinyModels.Create(tokenizer.VocabSize, seed: 31, tied: tied);
        string tokDir = Path.Combine(_dir, "tok"), ckpt = Path.Combine(_dir, "ckpt"), file = Path.Combine(_dir, "model.gguf");
        tokenizer.WriteTo(tokDir);
        Checkpoint.Save(model, ckpt, new CheckpointSaveOptions(TokenizerSource: tokDir,
            Generation: new GenerationConfig([tokenizer.EndOfResponseId], PadTokenId: tokenizer.PadId)));

        GgufExporter.Export(ckpt, file, type);

        int[] prompt = tokenizer.Chat.Prompt([ChatMessage.User("go to the cabinet 1 and open it")]);
        using var engine = new GenerationEngine(model, tokenizer, new EngineOptions(PrefixCacheBytes: 0));
        // No end token, so both run the full length.
        var ours = engine.Generate([new GenerationInput(prompt, 1)], new SamplingOptions(Temperature: 0, MaxNewTokens: 16))[0].TokenIds;
        var theirs = LlamaGreedy(file, prompt, ours.Length);
        Assert.Equal(ours, theirs);
    }

    [Fact]
    public void Q8_0_export_loads_and_roughly_agrees()
    {
        var tokenizer = new TestTokenizer();
        var model = TinyModels.Create(tokenizer.VocabSize, seed: 32);
        string tokDir = Path.Combine(_dir, "tok"), ckpt = Path.Combine(_dir, "ckpt"), file = Path.Combine(_dir, "model-q8.gguf");
        tokenizer.WriteTo(tokDir);
        Checkpoint.Save(model, ckpt, new CheckpointSaveOptions(TokenizerSource: tokDir));
        GgufExporter.Export(ckpt, file, GgmlType.Q8_0);
        Assert.True(new FileInfo(file).Length < new FileInfo(Path.Combine(ckpt, Checkpoint.WeightsFile)).Length / 2);
        int[] prompt = tokenizer.Encode("You arrive at the countertop 1.");
        var theirs = LlamaGreedy(file, prompt, 1)[0];
        // 8-bit weights move the logits a little: llama.cpp's choice must be among our five best tokens.
        using var _ = torch.no_grad();
        var ids = torch.tensor(prompt.Select(i => (long)i).ToArray(), [1, prompt.Length]);
        var logits = model.Forward(ids, Qwen2ForCausalLM.Positions(1, prompt.Length, torch.CPU))[0, -1];
        var top5 = logits.topk(5).indexes.data<long>().ToArray();
        Assert.Contains(theirs, top5.Select(i => (int)i));
    }

    [Fact]
    public void Q8_0_blocks_round_trip_within_one_step()
    {
        var values = Enumerable.Range(0, 64).Select(i => MathF.Sin(i) * (i + 1)).ToArray();
        var bytes = GgmlQuantize.Q8_0(values);
        Assert.Equal(2 * 34, bytes.Length);
        for (int b = 0; b < 2; b++)
        {
            float d = (float)BitConverter.UInt16BitsToHalf((ushort)(bytes[b * 34] | bytes[b * 34 + 1] << 8));
            for (int i = 0; i < 32; i++)
                Assert.InRange(Math.Abs((sbyte)bytes[b * 34 + 2 + i] * d - values[b * 32 + i]), 0, d * 0.51 + 1e-3);
        }
        Assert.Equal("blk.3.ffn_down.weight", GgufExporter.GgufName("model.layers.3.mlp.down_proj.weight"));
        Assert.Throws<ArgumentException>(() => GgmlQuantize.Q8_0(new float[33]));
    }
}
