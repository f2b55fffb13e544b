using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using Spark.Training.Sequences;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Training.Sft;

/// <summary>What one optimizer step did.</summary>
/// <param name="Loss">Mean negative log-likelihood per span token over the whole step.</param>
/// <param name="GradNorm">Global gradient norm before clipping.</param>
/// <param name="Tokens">Span tokens (the ones the loss covers).</param>
/// <param name="SequenceTokens">Sequence tokens run through the model (no padding).</param>
/// <param name="PaddedTokens">Tokens run including padding.</param>
public sealed record StepStats(double Loss, double GradNorm, long Tokens, long SequenceTokens, long PaddedTokens);

/// <summary>
/// One optimizer step of next-token training on span tokens, shared by SFT and pretraining: every micro-batch's summed
/// negative log-likelihood is divided by the step's total span tokens (a token mean over the whole step, however it
/// is split), gradients accumulate, the global norm is clipped, and AdamW steps at the given rate.
/// </summary>
public sealed class SupervisedStep(Qwen2ForCausalLM model, SequenceScorer scorer, optim.Optimizer optimizer, double maxGradNorm)
{
    public StepStats Run(IReadOnlyList<IReadOnlyList<TrainingSequence>> microBatches, double learningRate)
    {
        model.train();
        optimizer.zero_grad();
        long tokens = microBatches.Sum(b => b.Sum(s => (long)s.ResponseTokens));
        if (tokens == 0) throw new InvalidOperationException("an optimizer step without span tokens");
        double lossSum = 0;
        long sequenceTokens = 0, padded = 0;
        foreach (var batch in microBatches)
        {
            using var scope = NewDisposeScope();
            var scores = scorer.Score(model, batch, temperature: 1f, withEntropy: false, applyConstraint: false);
            var nll = -scores.LogProbs.sum();
            ScalarOps.Div(nll, tokens).backward();
            lossSum += nll.item<float>();
            sequenceTokens += batch.Sum(s => (long)s.Length);
            padded += (long)batch.Count * batch.Max(s => s.Length);
        }
        double norm = nn.utils.clip_grad_norm_(model.parameters(), maxGradNorm);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
        if (double.IsFinite(norm)) optimizer.step();
        else optimizer.zero_grad(); // a non-finite gradient is never applied
        return new StepStats(lossSum / tokens, norm, tokens, sequenceTokens, padded);
    }

    /// <summary>AdamW as the paper's SFT uses it.</summary>
    public static TorchSharp.Modules.AdamW AdamW(Qwen2ForCausalLM model, double lr, double beta1, double beta2, double weightDecay) =>
        optim.AdamW(model.parameters(), lr, beta1, beta2, 1e-8, weightDecay);
}
