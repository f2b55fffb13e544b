using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Spark.Models.Qwen2;

/// <summary>Qwen2RMSNorm: normalises in float32, then scales by <c>weight</c> in the input's dtype (as Hugging Face does).</summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "weight")] readonly TorchSharp.Modules.Parameter _weight;
    readonly double _eps;

    public RmsNorm(long size, double eps) : base(nameof(RmsNorm))
    {
        _eps = eps;
        _weight = new TorchSharp.Modules.Parameter(ones(size));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        bool upcast = x.dtype != ScalarType.Float32;
        var h = upcast ? x.to(ScalarType.Float32) : x;
        h = h * Runtime.ScalarOps.Add((h * h).mean([-1], keepdim: true), _eps).rsqrt();
        return _weight * (upcast ? h.to(x.dtype) : h);
    }
}
