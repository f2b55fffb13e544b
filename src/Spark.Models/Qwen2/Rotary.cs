using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Qwen2;

/// <summary>
/// Rotary position embeddings in Hugging Face's "rotate half" layout (llama.cpp's NEOX rope), with the
/// angles computed in float32 from explicit position ids, so left-padded batches and cached prefixes keep
/// each token's true position.
/// </summary>
public static class Rotary
{
    /// <summary>
    /// cos and a signed sin of shape [B, 1, T, headDim] for position ids [B, T], cast to <paramref name="dtype"/>.
    /// The sin's first half is negated so that rotate_half(x)·sin = roll(x, half)·signedSin (fewer ops per layer).
    /// </summary>
    public static (Tensor Cos, Tensor SignedSin) CosSin(Tensor positionIds, int headDim, double theta, ScalarType dtype)
    {
        // inv_freq = 1 / theta^(2i/hd), as Hugging Face computes it in float32 (built here without implicit Scalars).
        var inverse = new float[headDim / 2];
        for (int i = 0; i < inverse.Length; i++) inverse[i] = 1f / MathF.Pow((float)theta, (float)(2 * i) / headDim);
        var invFreq = tensor(inverse, device: positionIds.device);             // [hd/2]
        var freqs = positionIds.to(ScalarType.Float32).unsqueeze(-1) * invFreq;  // [B, T, hd/2]
        var sin = freqs.sin();
        var cos = freqs.cos();
        return (cat([cos, cos], -1).unsqueeze(1).to(dtype), cat([-sin, sin], -1).unsqueeze(1).to(dtype));
    }

    /// <summary>x [B, H, T, hd] rotated: x·cos + rotate_half(x)·sin, with rotate_half(x) = [-x2, x1].</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor signedSin) =>
        Runtime.ScalarOps.Add(x * cos, x.roll(x.shape[^1] / 2, -1) * signedSin);
}
