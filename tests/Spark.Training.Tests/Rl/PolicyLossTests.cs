using Spark.Models.Runtime;
using Spark.Training.Rl;
using TorchSharp;

namespace Spark.Training.Tests.Rl;

/// <summary>The RL loss against hand-computed values.</summary>
public sealed class PolicyLossTests
{
    static torch.Tensor T(params float[] v) => torch.tensor(v).reshape(1, v.Length);

    public PolicyLossTests() => TorchRuntime.EnsureLoadable();

    [Fact]
    public void Matches_hand_computed_ppo_kl_and_entropy_terms()
    {
        // ratio = [1, e^0.5, e^-0.5, 1]; the last token is masked out.
        var logp = T(0f, -0.5f, -1f, -2f);
        var old = T(0f, -1f, -0.5f, -2f);
        var reference = T(-0.1f, -0.5f, -1.2f, -1.5f);
        var adv = T(1f, 1f, -1f, -1f);
        var ent = T(1f, 2f, 3f, 4f);
        var mask = T(1f, 1f, 1f, 0f);

        var r = PolicyLoss.Compute(logp, old, reference, adv, ent, mask, new PolicyLossOptions());

        // per token: max(-A·ratio, -A·clip(ratio)) = [-1, -1.2, 0.8]
        Assert.Equal(-1.4 / 3, r.PolicyLoss, 5);
        Assert.Equal(2.0 / 3, r.ClipFraction, 5);
        // k3: e^d − d − 1 for d = ref − logp = [-0.1, 0, -0.2]
        double kl = (Math.Exp(-0.1) + 0.1 - 1 + 0 + Math.Exp(-0.2) + 0.2 - 1) / 3;
        Assert.Equal(kl, r.Kl, 6);
        Assert.Equal(2.0, r.Entropy, 5);
        Assert.Equal(-1.4 / 3 + 0.01 * kl - 0.001 * 2.0, r.Loss.item<float>(), 5);
    }

    [Fact]
    public void Dual_clip_caps_the_loss_of_a_negative_advantage_with_a_huge_ratio()
    {
        var logp = T((float)Math.Log(5), 0f);
        var old = T(0f, 0f);
        var adv = T(-1f, -2f);
        var mask = T(1f, 1f);
        var options = new PolicyLossOptions(KlCoef: 0, EntropyCoef: 0);

        var r = PolicyLoss.Compute(logp, old, null, adv, null, mask, options);

        // token 0: max(5, 1.2) = 5, capped at 3; token 1: ratio 1 → 2.
        Assert.Equal((3.0 + 2.0) / 2, r.PolicyLoss, 5);
    }

    [Fact]
    public void Gradient_raises_positive_and_lowers_negative_advantage_tokens()
    {
        var logp = T(-1f, -1f).requires_grad_();
        var old = T(-1f, -1f);
        var adv = T(1f, -1f);
        var mask = T(1f, 1f);

        var r = PolicyLoss.Compute(logp, old, null, adv, null, mask, new PolicyLossOptions(KlCoef: 0, EntropyCoef: 0));
        r.Loss.backward();
        var g = logp.grad!.data<float>().ToArray();

        Assert.True(g[0] < 0, "descending the loss must raise the log-prob of a positive-advantage token");
        Assert.True(g[1] > 0, "and lower that of a negative-advantage token");
    }

    [Fact]
    public void Kl_term_is_zero_at_the_reference_and_positive_elsewhere()
    {
        var logp = T(-1f, -2f);
        Assert.Equal(0f, PolicyLoss.LowVarKl(logp, logp, 10).sum().item<float>(), 6);
        Assert.True(PolicyLoss.LowVarKl(logp, T(-2f, -1f), 10).min().item<float>() > 0);
        Assert.Equal(10f, PolicyLoss.LowVarKl(T(-30f), T(0f), 10).item<float>(), 4);
    }

    [Fact]
    public void Bad_options_name_the_field()
    {
        var e = Assert.Throws<Spark.Core.Configuration.ConfigException>(() => new PolicyLossOptions(ClipRatio: 1.5).Validate());
        Assert.Equal("clip_ratio", e.Field);
    }
}
