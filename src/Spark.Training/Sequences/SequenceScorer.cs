using Spark.Core.Text;
using Spark.Models.Generation;
using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using Spark.Models.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Training.Sequences;

/// <summary>
/// Per-token results of a batch, right-padded to [B, L] and aligned with token positions: column j of row b is about
/// token j of sequence b. L is the furthest span end in the batch. Zero wherever <see cref="Mask"/> is 0.
/// Differentiable.
/// </summary>
public sealed class SequenceScores(Tensor logProbs, Tensor? entropies, Tensor mask, long tokens) : IDisposable
{
    /// <summary>log π(Tokens[j] | Tokens[&lt;j]) at span tokens (float32).</summary>
    public Tensor LogProbs { get; } = logProbs;

    /// <summary>Entropy of the distribution each span token was drawn from, when asked for.</summary>
    public Tensor? Entropies { get; } = entropies;

    /// <summary>1 exactly on span tokens, 0 elsewhere (float32).</summary>
    public Tensor Mask { get; } = mask;

    /// <summary>Span tokens in the batch (the sum of <see cref="Mask"/>).</summary>
    public long Tokens { get; } = tokens;

    public void Dispose()
    {
        LogProbs.Dispose();
        Entropies?.Dispose();
        Mask.Dispose();
    }
}

/// <summary>
/// Scores training sequences under a model with exactly the distribution the generation engine samples from: the
/// logits at the position before each span token, divided by the temperature (<see cref="TokenDistribution"/>), and,
/// for spans sampled under constrained action decoding, the same per-token masks the sampler applied (rebuilt from
/// the span's own tokens by <see cref="ActionConstraint.Masks"/>). So for sampled data it returns the sampler's
/// log-probs, and its gradients are those of the objective the samples came from. The output head runs only at span
/// positions. One forward per batch; the caller picks the batch (see <see cref="SequenceBatcher"/>).
/// </summary>
public sealed class SequenceScorer(ITokenizer tokenizer)
{
    readonly TokenTexts _texts = TokenTexts.For(tokenizer);

    public ITokenizer Tokenizer { get; } = tokenizer;

    /// <param name="model">The model to score under (in train mode for gradients, or under no_grad for a reference).</param>
    /// <param name="batch">Sequences; each is checked with <see cref="TrainingSequence.Validate"/>.</param>
    /// <param name="temperature">The sampling temperature (0, greedy, scores at 1 as the sampler reports it).</param>
    /// <param name="withEntropy">Also return per-token entropies.</param>
    /// <param name="applyConstraint">Apply the action constraint of spans that carry admissible actions; false scores
    /// every span under the free distribution.</param>
    public SequenceScores Score(Qwen2ForCausalLM model, IReadOnlyList<TrainingSequence> batch, float temperature = 1f,
        bool withEntropy = false, bool applyConstraint = true)
    {
        if (batch.Count == 0) throw new ArgumentException("empty batch", nameof(batch));
        int b = batch.Count;
        int width = Math.Max(1, batch.Max(s => s.Spans.Count == 0 ? 0 : s.Spans[^1].End));
        var ids = new long[b * width];
        Array.Fill(ids, (long)Tokenizer.PadId);
        var sources = new List<long>();
        var targets = new List<long>();
        var positions = new List<long>();
        var masks = new List<TokenMask?>();
        var valid = new float[b * width];
        for (int i = 0; i < b; i++)
        {
            var sequence = batch[i].Validate();
            int length = Math.Min(sequence.Length, width);
            for (int j = 0; j < length; j++) ids[i * width + j] = sequence.Tokens[j];
            foreach (var span in sequence.Spans)
            {
                var spanIds = new ArraySegment<int>(sequence.Tokens, span.Start, span.Length);
                var spanMasks = applyConstraint && span.AdmissibleActions is { Count: > 0 } actions
                    ? new ActionConstraint(_texts, actions).Masks(spanIds)
                    : null;
                for (int j = 0; j < span.Length; j++)
                {
                    long at = (long)i * width + span.Start + j;
                    sources.Add(at - 1);
                    targets.Add(spanIds[j]);
                    positions.Add(at);
                    masks.Add(spanMasks?[j]);
                    valid[at] = 1;
                }
            }
        }

        var device = model.Device;
        var input = tensor(ids, [b, width], device: device);
        var hidden = model.Hidden(input, Qwen2ForCausalLM.Positions(b, width, device));
        var selected = hidden.reshape(b * width, -1).index_select(0, tensor(sources.ToArray(), device: device));
        var logits = model.Logits(selected);
        var built = TokenDistribution.Build(masks, (int)logits.shape[1], device);
        var logProbs = TokenDistribution.LogProbs(logits, temperature, built?.Rows, built?.Additive);
        var where = tensor(positions.ToArray(), device: device);
        var tokenLogProbs = logProbs.gather(1, tensor(targets.ToArray(), [targets.Count, 1], device: device)).squeeze(1);
        var scores = ScalarOps.IndexAdd(zeros([b * width], ScalarType.Float32, device), 0, where, tokenLogProbs).view(b, width);
        Tensor? entropies = null;
        if (withEntropy)
            entropies = ScalarOps.IndexAdd(zeros([b * width], ScalarType.Float32, device), 0, where, TokenDistribution.Entropy(logProbs)).view(b, width);
        return new SequenceScores(scores, entropies, tensor(valid, [b, width], device: device), targets.Count);
    }
}
