using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using Spark.Models.Runtime;
using static TorchSharp.torch;

namespace Spark.Models.Qwen2;

/// <summary>
/// A Qwen2 causal language model with Hugging Face's parameter names (<c>model.embed_tokens.weight</c>,
/// <c>model.layers.N.self_attn.q_proj.weight</c>, …, <c>model.norm.weight</c>, <c>lm_head.weight</c> unless tied),
/// on any device and dtype. <see cref="Hidden"/> and <see cref="Logits"/> are separate so callers can apply the
/// head only where they need logits.
/// </summary>
public sealed class Qwen2ForCausalLM : nn.Module
{
    [ComponentName(Name = "model")] readonly Qwen2Model _model;
    [ComponentName(Name = "lm_head")] readonly Linear? _lmHead;

    /// <summary>A randomly initialised model (normal(0, initializer_range) weights, zero biases, unit norms), in float32 on the CPU.</summary>
    public Qwen2ForCausalLM(Qwen2Config config, ulong seed = 0) : this(config, (ulong?)seed) { }

    /// <summary>With a null seed the weights are left uninitialised (a checkpoint overwrites them).</summary>
    internal Qwen2ForCausalLM(Qwen2Config config, ulong? seed) : base(nameof(Qwen2ForCausalLM))
    {
        TorchRuntime.EnsureLoadable();
        config.Validate();
        Config = config;
        _model = new Qwen2Model(config);
        if (!config.TieWordEmbeddings)
        {
            _lmHead = nn.Linear(config.HiddenSize, config.VocabSize, hasBias: false);
        }
        RegisterComponents();
        if (seed is ulong s) Initialise(s);
    }

    public Qwen2Config Config { get; }

    public Device Device => _model.EmbedTokens.weight!.device;
    public ScalarType DType => _model.EmbedTokens.weight!.dtype;

    /// <summary>Weight of the output head: the embedding when tied.</summary>
    public Tensor HeadWeight => _lmHead?.weight ?? _model.EmbedTokens.weight!;

    public long ParameterCount() => parameters().Sum(p => p.numel());

    /// <summary>Final hidden states [B, T, d] for token ids [B, T] at position ids [B, T] (both int64).</summary>
    /// <param name="cache">Keys/values of earlier positions; the new ones are appended and the cache advanced.</param>
    /// <param name="mask">Boolean [B or 1, 1, T, cached+T], true where a query may attend; null means causal.</param>
    public Tensor Hidden(Tensor inputIds, Tensor positionIds, KvCache? cache = null, Tensor? mask = null) =>
        _model.Forward(inputIds, positionIds, cache, mask);

    /// <summary>Logits [.., V] from hidden states [.., d] (the head's dtype).</summary>
    public Tensor Logits(Tensor hidden) => nn.functional.linear(hidden, HeadWeight);

    /// <summary>Logits [B, T, V] of every position.</summary>
    public Tensor Forward(Tensor inputIds, Tensor positionIds, KvCache? cache = null, Tensor? mask = null) =>
        Logits(Hidden(inputIds, positionIds, cache, mask));

    /// <summary>Position ids 0..T-1 for every row of a [B, T] batch.</summary>
    public static Tensor Positions(long batch, long length, Device device) =>
        Runtime.ScalarOps.Range(0, length, device).unsqueeze(0).expand(batch, length);

    void Initialise(ulong seed)
    {
        using var _ = no_grad();
        using var generator = new Generator(seed);
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("norm.weight")) nn.init.ones_(p);
            else if (name.EndsWith(".bias")) nn.init.zeros_(p);
            // Tensor.normal_ honours the generator; nn.init.normal_ ignores it in TorchSharp 0.107 (not reproducible).
            else p.normal_(0, Config.InitializerRange, generator);
        }
    }
}
