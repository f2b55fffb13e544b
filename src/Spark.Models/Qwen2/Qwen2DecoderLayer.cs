using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Spark.Models.Qwen2;

/// <summary>Pre-norm decoder block: x + attn(norm(x)), then h + mlp(norm(h)).</summary>
public sealed class Qwen2DecoderLayer : nn.Module
{
    [ComponentName(Name = "input_layernorm")] readonly RmsNorm _inputNorm;
    [ComponentName(Name = "post_attention_layernorm")] readonly RmsNorm _postAttentionNorm;
    [ComponentName(Name = "self_attn")] readonly Qwen2Attention _attention;
    [ComponentName(Name = "mlp")] readonly Qwen2Mlp _mlp;

    public Qwen2DecoderLayer(Qwen2Config c, int index) : base(nameof(Qwen2DecoderLayer))
    {
        _attention = new Qwen2Attention(c, index);
        _mlp = new Qwen2Mlp(c);
        _inputNorm = new RmsNorm(c.HiddenSize, c.RmsNormEps);
        _postAttentionNorm = new RmsNorm(c.HiddenSize, c.RmsNormEps);
        RegisterComponents();
    }

    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, KvCache? cache, Tensor? mask)
    {
        var h = Runtime.ScalarOps.Add(x, _attention.Forward(_inputNorm.call(x), cos, sin, cache, mask));
        return Runtime.ScalarOps.Add(h, _mlp.call(_postAttentionNorm.call(h)));
    }
}
