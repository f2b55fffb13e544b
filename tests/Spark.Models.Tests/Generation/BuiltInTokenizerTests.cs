using LLama;
using LLama.Common;
using LLama.Native;
using Spark.Core.Policies;
using Spark.Core.Text;
using Spark.Models.Checkpoints;
using Spark.Models.Generation;
using Spark.Models.Gguf;
using Spark.Models.Tests.Support;
using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;

namespace Spark.Models.Tests.Generation;

/// <summary>The engine and the GGUF export with a vocabulary learnt by the project's own BPE trainer (markers are single tokens).</summary>
public sealed class BuiltInTokenizerTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spark-builtin-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static readonly string[] Corpus =
    [
        "You are in the middle of a room. Looking quickly around you, you see a cabinet 1, a countertop 1, a drawer 2, and a fridge 1.",
        "Your task is to: put a clean apple in fridge. <think>I need to find an apple first.</think> <action>go to countertop 1</action>",
        "You arrive at countertop 1. On the countertop 1, you see a apple 1, and a mug 2. <action>take apple 1 from countertop 1</action>",
        "You open the drawer 2. The drawer 2 is open. In it, you see nothing. <explore>try the cabinet 1</explore> Nothing happens.",
    ];

    [Fact]
    public void Trained_tokenizer_checkpoint_generates_and_exports_a_gguf_whose_tokenizer_matches()
    {
        var trained = BpeTrainer.Train(Enumerable.Repeat(Corpus, 4).SelectMany(c => c), new BpeTrainerOptions { VocabSize = 400, MinFrequency = 1 });
        string tokDir = Path.Combine(_dir, "tok"), ckpt = Path.Combine(_dir, "ckpt"), gguf = Path.Combine(_dir, "m.gguf");
        TokenizerFiles.Save(trained.Definition, trained.Settings, tokDir);
        var tokenizer = TokenizerFiles.Load(tokDir);
        Assert.Single(tokenizer.Encode("<action>"));
        var model = TinyModels.Create(tokenizer.VocabSize, seed: 41);
        Checkpoint.Save(model, ckpt, new CheckpointSaveOptions(TokenizerSource: tokDir,
            Generation: new GenerationConfig([tokenizer.EndOfResponseId], PadTokenId: tokenizer.PadId)));

        using var engine = GenerationEngine.FromCheckpoint(ckpt, TokenizerFiles.Load(ckpt), options: new EngineOptions(PrefixCacheBytes: 0));
        int[] prompt = tokenizer.Chat.Prompt([ChatMessage.User("You are in the middle of a room.")]);
        var output = engine.Generate([new GenerationInput(prompt, 1, ["go to cabinet 1", "open drawer 2"])],
            new SamplingOptions(MaxNewTokens: 24, StopStrings: ["</action>"]))[0];
        Assert.NotEmpty(output.TokenIds);
        Assert.Equal(tokenizer.Decode(output.TokenIds), output.Text);

        GgufExporter.Export(ckpt, gguf, GgmlType.F32);
        var parameters = new ModelParams(gguf) { ContextSize = 256, Threads = 1, BatchThreads = 1, GpuLayerCount = 0 };
        using var weights = LLamaWeights.LoadFromFile(parameters);
        // llama.cpp's own tokenizer, reading our GGUF metadata, gives the trained tokenizer's ids.
        string text = "You arrive at countertop 1. <action>take apple 1 from countertop 1</action>";
        var theirs = weights.Tokenize(text, add_bos: false, special: true, System.Text.Encoding.UTF8).Select(t => (int)t).ToArray();
        Assert.Equal(tokenizer.Encode(text), theirs);
    }
}
