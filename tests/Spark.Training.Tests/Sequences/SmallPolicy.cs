using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Prompts;
using Spark.Training.Evaluation;
using Spark.Training.Sequences;
using Spark.Training.Tests.Agents.TestDoubles;

namespace Spark.Training.Tests.Sequences;

/// <summary>
/// A small real policy for the SFT, scorer and evaluation tests: a byte-level BPE vocabulary learnt (with the
/// product's trainer) from the fake ALFWorld's cold-start text, and a 2-layer Qwen2 of width 64.
/// </summary>
public static class SmallPolicy
{
    static readonly Lazy<ByteLevelBpeTokenizer> Shared = new(Train);

    public static ByteLevelBpeTokenizer Tokenizer => Shared.Value;

    /// <summary>Expert trajectories of the fake ALFWorld's training tasks (seeded).</summary>
    public static IReadOnlyList<ColdStartTrajectory> Data(int count, ulong seed = 1) =>
        ColdStartGenerator.FromExpert(new FakeAlfworldSuite(), new ColdStartOptions(count, seed)).Trajectories;

    public static Qwen2ForCausalLM Model(ulong seed = 1, int hidden = 64, int layers = 2)
    {
        TorchRuntime.EnsureLoadable();
        TorchSharp.torch.set_num_threads(1); // tiny tensors gain nothing from more threads on a busy machine
        var config = new Qwen2Config
        {
            VocabSize = Tokenizer.VocabSize, HiddenSize = hidden, IntermediateSize = hidden * 3, NumHiddenLayers = layers,
            NumAttentionHeads = 4, NumKeyValueHeads = 2, MaxPositionEmbeddings = 4096, RopeTheta = 10_000,
            TieWordEmbeddings = true, EosTokenId = Tokenizer.EndOfResponseId,
        };
        return new Qwen2ForCausalLM(config, seed);
    }

    /// <summary>A fresh checkpoint folder (model + tokenizer) under a new temp folder.</summary>
    public static string Checkpoint(ulong seed = 1, int hidden = 64, int layers = 2)
    {
        string dir = Path.Combine(Path.GetTempPath(), "spark-sft-tests", Guid.NewGuid().ToString("N"), "init");
        using var model = Model(seed, hidden, layers);
        PolicyCheckpoint.Save(model, Tokenizer, dir);
        return dir;
    }

    static ByteLevelBpeTokenizer Train()
    {
        var bytes = BpeTrainer.Train([], new BpeTrainerOptions { VocabSize = 256 + BuiltInTokens.All.Count + 1 }).CreateTokenizer();
        var texts = new List<string>();
        foreach (var mode in new[] { PromptMode.Episode, PromptMode.Window })
            foreach (var s in SequenceBuilder.FromColdStart(Data(24), bytes, PromptOptions.Compact with { Mode = mode }))
                texts.Add(bytes.Decode(s.Tokens));
        return BpeTrainer.Train(texts, new BpeTrainerOptions { VocabSize = 1024 }).CreateTokenizer();
    }
}
