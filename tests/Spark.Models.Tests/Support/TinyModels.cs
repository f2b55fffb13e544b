using Spark.Models.Qwen2;
using Spark.Models.Runtime;

namespace Spark.Models.Tests.Support;

/// <summary>Very small random Qwen2 models for fast tests (GQA, biases, tied or untied head).</summary>
public static class TinyModels
{
    public static Qwen2Config Config(int vocab, bool tied = true, int layers = 2, int hidden = 64, int heads = 4, int kvHeads = 2) => new()
    {
        VocabSize = vocab,
        HiddenSize = hidden,
        IntermediateSize = hidden * 3,
        NumHiddenLayers = layers,
        NumAttentionHeads = heads,
        NumKeyValueHeads = kvHeads,
        MaxPositionEmbeddings = 4096,
        RopeTheta = 10_000,
        TieWordEmbeddings = tied,
        EosTokenId = 0,
    };

    /// <summary>A random model; std 0.2 (not 0.02) so logits are far from uniform and sampling paths differ.</summary>
    public static Qwen2ForCausalLM Create(int vocab, ulong seed = 1, bool tied = true, int layers = 2)
    {
        TorchRuntime.EnsureLoadable();
        // One intra-op thread: tiny tensors gain nothing from more, and spinning OpenMP threads crawl on a busy machine.
        TorchSharp.torch.set_num_threads(1);
        var model = new Qwen2ForCausalLM(Config(vocab, tied, layers) with { InitializerRange = 0.2 }, seed);
        model.eval();
        return model;
    }
}
