using Spark.Core.Randomness;
using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using Spark.Training.Sequences;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Training.Rl;

/// <summary>How one iteration's samples become optimizer steps.</summary>
/// <param name="MiniBatches">Optimizer steps per PPO epoch: the iteration's sequences are split into this many
/// mini-batches (the paper's code: 256 step samples per mini-batch).</param>
/// <param name="PpoEpochs">Passes over the iteration's samples (the paper: 1).</param>
/// <param name="MicroBatchTokens">Padded tokens per forward pass; a mini-batch larger than this accumulates gradients.</param>
/// <param name="MaxGradNorm">Gradient clipping (the paper: 1.0).</param>
/// <param name="Temperature">The sampling temperature, so log-probs are scored under the distribution sampled from.</param>
public sealed record UpdateOptions(int MiniBatches = 4, int PpoEpochs = 1, int MicroBatchTokens = 16384, double MaxGradNorm = 1.0, float Temperature = 1f);

/// <summary>What an update did (token-weighted means over the iteration).</summary>
public sealed record UpdateStats(
    double Loss, double PolicyLoss, double Kl, double Entropy, double ClipFraction, double ApproxKl,
    double GradNorm, int OptimizerSteps, int SkippedSteps, long ResponseTokens);

/// <summary>
/// Applies the RL objective to one iteration's sequences: for each mini-batch, score the sampled tokens under the
/// current policy (with grad) and the frozen reference, place each span's advantage and sampling log-probs on its
/// tokens, compute <see cref="PolicyLoss"/>, clip the gradient and step the optimizer. A mini-batch whose loss or
/// gradient is not finite is skipped with a warning, never applied.
/// </summary>
public sealed class PolicyUpdater(
    Qwen2ForCausalLM policy,
    Qwen2ForCausalLM? reference,
    SequenceScorer scorer,
    optim.Optimizer optimizer,
    PolicyLossOptions lossOptions,
    UpdateOptions options,
    Action<string>? warn = null)
{
    public UpdateStats Update(IReadOnlyList<RlSequence> sequences, ulong seed, double learningRate, ref int optimizerStep)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
        var totals = new Accumulator();
        int steps = 0, skipped = 0;
        double gradNormSum = 0;
        for (int epoch = 0; epoch < options.PpoEpochs; epoch++)
        {
            var order = Enumerable.Range(0, sequences.Count).ToArray();
            Seeds.Random(seed, epoch).Shuffle(order);
            foreach (var miniBatch in Split(order, options.MiniBatches))
            {
                if (miniBatch.Length == 0) continue;
                var result = Step(miniBatch.Select(i => sequences[i]).ToList(), totals);
                optimizerStep++;
                if (result is double norm) { steps++; gradNormSum += norm; }
                else skipped++;
            }
        }
        return totals.Stats(steps == 0 ? 0 : gradNormSum / steps, steps, skipped);
    }

    /// <summary>One optimizer step over a mini-batch; returns the gradient norm, or null when skipped.</summary>
    double? Step(IReadOnlyList<RlSequence> miniBatch, Accumulator totals)
    {
        optimizer.zero_grad();
        long miniTokens = miniBatch.Sum(s => (long)s.ResponseTokens);
        var micro = new Accumulator();
        foreach (var batch in SequenceBatcher.Chunk(miniBatch.Select(s => s.Sequence).ToList(), options.MicroBatchTokens))
        {
            using var scope = NewDisposeScope();
            var items = batch.Select(i => miniBatch[i]).ToList();
            var seqs = items.Select(s => s.Sequence).ToList();
            bool withEntropy = lossOptions.EntropyCoef > 0;
            var current = scorer.Score(policy, seqs, options.Temperature, withEntropy);
            Tensor? refLogProbs = null;
            if (reference is not null && lossOptions.KlCoef > 0)
            {
                using var noGrad = no_grad();
                refLogProbs = scorer.Score(reference, seqs, options.Temperature, withEntropy: false).LogProbs.detach();
            }
            var (old, advantages) = SpanTensors(items, current.LogProbs.shape);
            var r = PolicyLoss.Compute(current.LogProbs, old, refLogProbs, advantages, current.Entropies, current.Mask, lossOptions);
            long tokens = items.Sum(s => (long)s.ResponseTokens);
            double weight = (double)tokens / Math.Max(1, miniTokens);
            if (!double.IsFinite(r.Loss.item<float>()))
            {
                warn?.Invoke($"non-finite loss ({r.Loss.item<float>()}); mini-batch skipped");
                optimizer.zero_grad();
                return null;
            }
            ScalarOps.Mul(r.Loss, weight).backward();
            micro.Add(r, tokens);
        }
        double norm = nn.utils.clip_grad_norm_(policy.parameters(), options.MaxGradNorm);
        if (!double.IsFinite(norm))
        {
            warn?.Invoke($"non-finite gradient norm ({norm}); mini-batch skipped");
            optimizer.zero_grad();
            return null;
        }
        optimizer.step();
        totals.Merge(micro);
        return norm;
    }

    /// <summary>Sampling log-probs and advantages laid on the span tokens of a right-padded [B, L] batch.</summary>
    static (Tensor Old, Tensor Advantages) SpanTensors(IReadOnlyList<RlSequence> items, long[] shape)
    {
        long width = shape[1];
        var old = new float[items.Count * width];
        var adv = new float[items.Count * width];
        for (int b = 0; b < items.Count; b++)
        {
            var item = items[b];
            for (int k = 0; k < item.Sequence.Spans.Count; k++)
            {
                var span = item.Sequence.Spans[k];
                var lp = item.OldLogProbs[k];
                for (int j = 0; j < span.Length; j++)
                {
                    long at = b * width + span.Start + j;
                    old[at] = lp[j];
                    adv[at] = (float)item.Advantages[k];
                }
            }
        }
        return (tensor(old).reshape(items.Count, width), tensor(adv).reshape(items.Count, width));
    }

    static IEnumerable<int[]> Split(int[] order, int parts)
    {
        parts = Math.Clamp(parts, 1, Math.Max(1, order.Length));
        for (int p = 0; p < parts; p++)
            yield return order.Where((_, i) => i % parts == p).ToArray();
    }

    /// <summary>Token-weighted sums of the loss terms.</summary>
    sealed class Accumulator
    {
        double _loss, _policy, _kl, _entropy, _clip, _approxKl;
        long _tokens;

        public void Add(PolicyLossResult r, long tokens)
        {
            _loss += r.Loss.item<float>() * tokens;
            _policy += r.PolicyLoss * tokens;
            _kl += r.Kl * tokens;
            _entropy += r.Entropy * tokens;
            _clip += r.ClipFraction * tokens;
            _approxKl += r.ApproxKlToOld * tokens;
            _tokens += tokens;
        }

        public void Merge(Accumulator o)
        {
            _loss += o._loss; _policy += o._policy; _kl += o._kl; _entropy += o._entropy;
            _clip += o._clip; _approxKl += o._approxKl; _tokens += o._tokens;
        }

        public UpdateStats Stats(double gradNorm, int steps, int skipped)
        {
            double n = Math.Max(1, _tokens);
            return new UpdateStats(_loss / n, _policy / n, _kl / n, _entropy / n, _clip / n, _approxKl / n, gradNorm, steps, skipped, _tokens);
        }
    }
}
