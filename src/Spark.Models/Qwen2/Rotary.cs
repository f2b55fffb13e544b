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
    /// <summary>cos and sin of shape [B, 1, T, headDim] for position ids [B, T], cast to <paramref name="dtype"/>.</summary>
    public static (Tensor Cos, Tensor Sin) CosSin(Tensor positionIds, int headDim, double theta, ScalarType dtype)
    {
        var exponents = arange(0, headDim, 2, ScalarType.Float32, positionIds.device) / headDim;
        var invFreq = pow(theta, exponents).reciprocal();                       // [hd/2]
        var freqs = positionIds.to(ScalarType.Float32).unsqueeze(-1) * invFreq;  // [B, T, hd/2]
        var emb = cat([freqs, freqs], -1).unsqueeze(1);                         // [B, 1, T, hd]
        return (emb.cos().to(dtype), emb.sin().to(dtype));
    }

    /// <summary>x [B, H, T, hd] rotated by the given angles.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        long half = x.shape[^1] / 2;
        var rotated = cat([-x.narrow(-1, half, half), x.narrow(-1, 0, half)], -1);
        return x * cos + rotated * sin;
    }
}
