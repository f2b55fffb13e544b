using Spark.Core.Configuration;
using Spark.Models.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Training.Rl;

/// <summary>The coefficients of the RL objective (defaults: the paper's code, paper.md §1.6).</summary>
/// <param name="ClipRatio">PPO clip ε: the ratio is clipped to [1−ε, 1+ε].</param>
/// <param name="DualClip">Dual-clip c: for negative advantages the loss is capped at −A·c.</param>
/// <param name="KlCoef">Weight of the k3 ("low_var_kl") estimate of KL(π‖π_ref).</param>
/// <param name="EntropyCoef">Weight of the entropy bonus (subtracted from the loss).</param>
/// <param name="KlClamp">The k3 estimate is clamped to [−KlClamp, KlClamp].</param>
public sealed record PolicyLossOptions(
    double ClipRatio = 0.2,
    double DualClip = 3.0,
    double KlCoef = 0.01,
    double EntropyCoef = 0.001,
    double KlClamp = 10.0)
{
    public void Validate()
    {
        ConfigException.Require(ClipRatio > 0 && ClipRatio < 1, "clip_ratio", $"must be in (0, 1), got {ClipRatio}");
        ConfigException.Require(DualClip > 1, "dual_clip", $"must be > 1, got {DualClip}");
        ConfigException.Require(KlCoef >= 0, "kl_coef", $"must be ≥ 0, got {KlCoef}");
        ConfigException.Require(EntropyCoef >= 0, "entropy_coef", $"must be ≥ 0, got {EntropyCoef}");
    }
}

/// <summary>The loss of one mini-batch and what it is made of (token means over the response mask).</summary>
public sealed record PolicyLossResult(
    Tensor Loss,
    double PolicyLoss,
    double Kl,
    double Entropy,
    double ClipFraction,
    double ApproxKlToOld);

/// <summary>
/// What exactly goes into the loss: PPO with dual clipping on the advantage-weighted ratio to the
/// sampling policy, minus an entropy bonus, plus a k3 KL penalty to the frozen reference (the SFT model),
/// each averaged over the response tokens of the batch ("token-mean"). Matches verl's
/// compute_policy_loss / low_var_kl as the paper's code runs them. Tensor-and-number arithmetic goes through
/// <see cref="ScalarOps"/> so that no implicit Scalar can be finalized during a native call.
/// </summary>
public static class PolicyLoss
{
    /// <param name="logProbs">log π_θ of each response token, [B, T], differentiable.</param>
    /// <param name="oldLogProbs">log-probs the tokens were sampled with, [B, T].</param>
    /// <param name="refLogProbs">log π_ref of the same tokens, [B, T] (ignored when KlCoef = 0; may be null then).</param>
    /// <param name="advantages">per-token advantages, [B, T] (a step's advantage broadcast over its response).</param>
    /// <param name="entropy">per-token entropy of π_θ, [B, T], differentiable (may be null when EntropyCoef = 0).</param>
    /// <param name="mask">1 on response tokens that count, 0 elsewhere, [B, T].</param>
    public static PolicyLossResult Compute(
        Tensor logProbs, Tensor oldLogProbs, Tensor? refLogProbs, Tensor advantages, Tensor? entropy, Tensor mask,
        PolicyLossOptions options)
    {
        var m = mask.to_type(logProbs.dtype);
        var count = ScalarOps.ClampMin(m.sum(), 1.0);
        Tensor TokenMean(Tensor x) => (x * m).sum() / count;

        var logRatio = logProbs - oldLogProbs;
        var ratio = logRatio.exp();
        var unclipped = -advantages * ratio;
        var clipped = -advantages * ScalarOps.Clamp(ratio, 1 - options.ClipRatio, 1 + options.ClipRatio);
        var ppo = torch.maximum(unclipped, clipped);
        // Dual clip: a very large ratio on a negative advantage must not produce an unbounded loss.
        var capped = torch.minimum(ppo, ScalarOps.Mul(-advantages, options.DualClip));
        var perToken = torch.where(ScalarOps.LessThan(advantages, 0), capped, ppo);
        var policyLoss = TokenMean(perToken);

        var loss = policyLoss;
        double klValue = 0, entropyValue = 0;
        if (options.KlCoef > 0)
        {
            if (refLogProbs is null) throw new ArgumentNullException(nameof(refLogProbs), "KlCoef > 0 needs reference log-probs");
            var kl = LowVarKl(logProbs, refLogProbs, options.KlClamp);
            var klMean = TokenMean(kl);
            loss = ScalarOps.Add(loss, ScalarOps.Mul(klMean, options.KlCoef));
            klValue = klMean.item<float>();
        }
        if (options.EntropyCoef > 0)
        {
            if (entropy is null) throw new ArgumentNullException(nameof(entropy), "EntropyCoef > 0 needs entropies");
            var entMean = TokenMean(entropy);
            loss = loss - ScalarOps.Mul(entMean, options.EntropyCoef);
            entropyValue = entMean.item<float>();
        }
        else if (entropy is not null)
        {
            entropyValue = TokenMean(entropy.detach()).item<float>();
        }

        using var noGrad = torch.no_grad();
        double clipFraction = TokenMean((clipped > unclipped).to_type(logProbs.dtype)).item<float>();
        var detached = logRatio.detach();
        double approxKl = TokenMean(ScalarOps.Mul(detached * detached, 0.5)).item<float>();
        return new PolicyLossResult(loss, policyLoss.item<float>(), klValue, entropyValue, clipFraction, approxKl);
    }

    /// <summary>k3 estimator of KL(π‖π_ref): exp(ref − logp) − (ref − logp) − 1, clamped (verl's "low_var_kl").</summary>
    public static Tensor LowVarKl(Tensor logProbs, Tensor refLogProbs, double clamp)
    {
        var diff = refLogProbs - logProbs;
        return ScalarOps.Clamp(ScalarOps.Sub(diff.exp() - diff, 1), -clamp, clamp);
    }
}
