using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Spark.Models.Qwen2;

/// <summary>The decoder stack (<c>model.*</c> in Hugging Face names): embeddings, layers, final norm.</summary>
public sealed class Qwen2Model : nn.Module
{
    readonly Qwen2Config _config;
    [ComponentName(Name = "embed_tokens")] readonly Embedding _embed;
    [ComponentName(Name = "layers")] readonly ModuleList<Qwen2DecoderLayer> _layers;
    [ComponentName(Name = "norm")] readonly RmsNorm _norm;

    public Qwen2Model(Qwen2Config config) : base(nameof(Qwen2Model))
    {
        _config = config;
        _embed = nn.Embedding(config.VocabSize, config.HiddenSize);
        _layers = new ModuleList<Qwen2DecoderLayer>();
        for (int i = 0; i < config.NumHiddenLayers; i++) _layers.Add(new Qwen2DecoderLayer(config, i));
        _norm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        RegisterComponents();
    }

    public Embedding EmbedTokens => _embed;

    /// <summary>Final hidden states [B, T, d]. Advances <paramref name="cache"/> by T.</summary>
    public Tensor Forward(Tensor inputIds, Tensor positionIds, KvCache? cache, Tensor? mask)
    {
        var h = _embed.call(inputIds);
        var (cos, sin) = Rotary.CosSin(positionIds, _config.HeadDim, _config.RopeTheta, h.dtype);
        long t = inputIds.shape[1];
        if (cache != null || mask is not null)
            mask = Qwen2Attention.GroupedMask(mask, t, cache?.Length ?? 0, _config.NumAttentionHeads / _config.NumKeyValueHeads, h.device);
        foreach (var layer in _layers) h = layer.Forward(h, cos, sin, cache, mask);
        cache?.Advance(t);
        return _norm.call(h);
    }
}
