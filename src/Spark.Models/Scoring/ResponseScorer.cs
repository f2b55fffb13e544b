using Spark.Models.Qwen2;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Scoring;

/// <summary>One sequence to score: the context, the response tokens, and optionally each response position's mask.</summary>
public sealed record ScoringSequence(int[] PromptIds, int[] ResponseIds, IReadOnlyList<TokenMask?>? Masks = null);

/// <summary>Per-token results [B, R] (R = longest response), zero where <see cref="Mask"/> is 0. Differentiable.</summary>
public sealed class ResponseScores(Tensor logProbs, Tensor? entropies, Tensor mask) : IDisposable
{
    public Tensor LogProbs { get; } = logProbs;
    public Tensor? Entropies { get; } = entropies;

    /// <summary>1 for real response tokens, 0 for padding (float32).</summary>
    public Tensor Mask { get; } = mask;

    public void Dispose()
    {
        LogProbs.Dispose();
        Entropies?.Dispose();
        Mask.Dispose();
    }
}

/// <summary>
/// Training-side scoring: log-probs (and entropies) of given response tokens under the model, for a right-padded
/// batch, with the same temperature and action-constraint masks the sampler used, so PPO recomputes exactly the
/// distribution that produced the tokens. The head runs only at response positions.
/// </summary>
public static class ResponseScorer
{
    public static ResponseScores Score(Qwen2ForCausalLM model, IReadOnlyList<ScoringSequence> batch,
        float temperature = 1f, bool entropies = false, int padId = 0)
    {
        if (batch.Count == 0) throw new ArgumentException("empty batch", nameof(batch));
        var device = model.Device;
        int b = batch.Count, r = Math.Max(1, batch.Max(s => s.ResponseIds.Length));
        int t = Math.Max(1, batch.Max(s => s.PromptIds.Length + s.ResponseIds.Length - 1));
        var ids = new long[b * t];
        var gather = new long[b * r];
        var targets = new long[b * r];
        var valid = new float[b * r];
        var masks = new TokenMask?[b * r];
        Array.Fill(ids, padId);
        for (int i = 0; i < b; i++)
        {
            var s = batch[i];
            if (s.PromptIds.Length == 0) throw new ArgumentException($"sequence {i} has an empty prompt", nameof(batch));
            if (s.Masks != null && s.Masks.Count != s.ResponseIds.Length)
                throw new ArgumentException($"sequence {i}: {s.Masks.Count} masks for {s.ResponseIds.Length} response tokens", nameof(batch));
            int p = s.PromptIds.Length;
            for (int j = 0; j < p; j++) ids[i * t + j] = s.PromptIds[j];
            for (int j = 0; j + 1 < s.ResponseIds.Length; j++) ids[i * t + p + j] = s.ResponseIds[j];
            for (int j = 0; j < s.ResponseIds.Length; j++)
            {
                gather[i * r + j] = p - 1 + j;
                targets[i * r + j] = s.ResponseIds[j];
                valid[i * r + j] = 1;
                masks[i * r + j] = s.Masks?[j];
            }
        }

        var input = tensor(ids, [b, t], device: device);
        var hidden = model.Hidden(input, Qwen2ForCausalLM.Positions(b, t, device));
        long d = hidden.shape[2];
        var index = tensor(gather, [b, r], device: device);
        var selected = hidden.gather(1, index.unsqueeze(-1).expand(b, r, d));
        var logits = model.Logits(selected).reshape(b * r, -1);
        var built = TokenDistribution.Build(masks, (int)logits.shape[1], device);
        var logProbs = TokenDistribution.LogProbs(logits, temperature, built?.Rows, built?.Additive);
        var mask = tensor(valid, [b, r], device: device);
        var tokenLogProbs = logProbs.gather(1, tensor(targets, [b * r, 1], device: device)).view(b, r) * mask;
        var entropy = entropies ? TokenDistribution.Entropy(logProbs).view(b, r) * mask : null;
        return new ResponseScores(tokenLogProbs, entropy, mask);
    }
}
