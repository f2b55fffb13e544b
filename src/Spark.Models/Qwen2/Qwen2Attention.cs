using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Spark.Models.Qwen2;

/// <summary>
/// Grouped-query self-attention with q/k/v biases and rotary embeddings, through
/// <c>scaled_dot_product_attention</c> (TorchSharp 0.107 has no <c>enable_gqa</c>).
/// Without a cache or mask (training, scoring) K/V heads are repeated and SDPA runs causal. With a cache
/// or mask the query heads of a group are folded into the query axis instead ([B, Hkv, groups·T, hd]),
/// so the cached K/V are never copied per step; the model builds that mask once for all layers.
/// </summary>
public sealed class Qwen2Attention : nn.Module
{
    [ComponentName(Name = "q_proj")] readonly Linear _q;
    [ComponentName(Name = "k_proj")] readonly Linear _k;
    [ComponentName(Name = "v_proj")] readonly Linear _v;
    [ComponentName(Name = "o_proj")] readonly Linear _o;
    readonly int _heads, _kvHeads, _groups, _headDim, _layer;

    public Qwen2Attention(Qwen2Config c, int layer) : base(nameof(Qwen2Attention))
    {
        _heads = c.NumAttentionHeads;
        _kvHeads = c.NumKeyValueHeads;
        _groups = _heads / _kvHeads;
        _headDim = c.HeadDim;
        _layer = layer;
        _q = nn.Linear(c.HiddenSize, _heads * _headDim, hasBias: true);
        _k = nn.Linear(c.HiddenSize, _kvHeads * _headDim, hasBias: true);
        _v = nn.Linear(c.HiddenSize, _kvHeads * _headDim, hasBias: true);
        _o = nn.Linear(_heads * _headDim, c.HiddenSize, hasBias: false);
        RegisterComponents();
    }

    /// <param name="x">[B, T, d].</param>
    /// <param name="mask">Null without a cache (causal); else the boolean mask from <see cref="GroupedMask"/>.</param>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, KvCache? cache, Tensor? mask)
    {
        long b = x.shape[0], t = x.shape[1];
        var q = Rotary.Apply(_q.call(x).view(b, t, _heads, _headDim).transpose(1, 2), cos, sin);
        var k = Rotary.Apply(_k.call(x).view(b, t, _kvHeads, _headDim).transpose(1, 2), cos, sin);
        var v = _v.call(x).view(b, t, _kvHeads, _headDim).transpose(1, 2);

        Tensor attention;
        if (cache == null && mask is null)
        {
            if (_groups > 1)
            {
                k = k.repeat_interleave(_groups, dim: 1);
                v = v.repeat_interleave(_groups, dim: 1);
            }
            attention = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        }
        else
        {
            if (cache != null) (k, v) = cache.Append(_layer, k, v);
            var grouped = q.reshape(b, _kvHeads, _groups * t, _headDim);
            attention = nn.functional.scaled_dot_product_attention(grouped, k, v, mask).view(b, _heads, t, _headDim);
        }
        return _o.call(attention.transpose(1, 2).reshape(b, t, _heads * _headDim));
    }

    /// <summary>
    /// The attention mask in the folded-query layout [B or 1, 1, groups·T, S], built once per forward for all layers
    /// from a mask [B or 1, 1, T, S] (true = may attend), or causal from column <paramref name="past"/> when null.
    /// </summary>
    public static Tensor GroupedMask(Tensor? mask, long t, long past, int groups, Device device)
    {
        long s = past + t;
        mask ??= CausalMask(t, s, past, device);
        if (groups == 1) return mask;
        long rows = mask.shape[0];
        return mask.unsqueeze(2).expand(rows, 1, groups, t, s).reshape(rows, 1, groups * t, s);
    }

    /// <summary>[1, 1, T, S]: query i (at column past+i) sees columns 0..past+i.</summary>
    public static Tensor CausalMask(long t, long s, long past, Device device) =>
        (Runtime.ScalarOps.Range(0, s, device).unsqueeze(0) <= Runtime.ScalarOps.Range(past, t, device).unsqueeze(1)).view(1, 1, t, s);
}
