using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Spark.Models.Qwen2;

/// <summary>SwiGLU feed-forward: down(silu(gate(x)) * up(x)), no biases.</summary>
public sealed class Qwen2Mlp : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "gate_proj")] readonly Linear _gate;
    [ComponentName(Name = "up_proj")] readonly Linear _up;
    [ComponentName(Name = "down_proj")] readonly Linear _down;

    public Qwen2Mlp(Qwen2Config c) : base(nameof(Qwen2Mlp))
    {
        _gate = nn.Linear(c.HiddenSize, c.IntermediateSize, hasBias: false);
        _up = nn.Linear(c.HiddenSize, c.IntermediateSize, hasBias: false);
        _down = nn.Linear(c.IntermediateSize, c.HiddenSize, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => _down.call(nn.functional.silu(_gate.call(x)) * _up.call(x));
}
