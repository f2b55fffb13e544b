using Spark.Core.Policies;
using Spark.Models.Qwen2;
using Spark.Models.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Generation;

/// <summary>
/// Token-by-token decoding of a batch after prefill. Each step: mask (action constraint) → tempered log-softmax on
/// the device → one copy to the CPU → each row samples with its own random stream → finished rows leave the batch
/// (their K/V go to the prefix cache) → the rest feed their token, all at the same cache column.
/// </summary>
internal sealed class DecodeLoop(Qwen2ForCausalLM model, TokenTexts texts, SamplingOptions options, HashSet<int> endIds, PrefixCache? store)
{
    /// <summary>Decodes until every row has finished. Takes ownership of <paramref name="firstLogits"/> ([B, V] float32).</summary>
    public void Run(KvCache cache, Tensor firstLogits, List<SequenceState> rows)
    {
        var device = model.Device;
        int vocab = (int)firstLogits.shape[1];
        var active = new List<SequenceState>(rows);
        var logits = firstLogits;
        while (active.Count > 0)
        {
            using var scope = NewDisposeScope();
            var masks = active.Select(r => r.Constraint?.MaskFor(r.Text.ToString())).ToList();
            var built = TokenDistribution.Build(masks, vocab, device);
            var logProbs = TokenDistribution.LogProbs(logits, options.Temperature, built?.Rows, built?.Additive);
            var tokens = Choose(logProbs, active);
            using var chosen = tensor(tokens.Select(t => (long)t).ToArray(), [active.Count, 1], device: device);
            float[] chosenLogProbs = logProbs.gather(1, chosen).cpu().data<float>().ToArray();
            float[]? entropy = options.ReturnEntropy ? TokenDistribution.Entropy(logProbs).cpu().data<float>().ToArray() : null;

            var keep = new List<long>();
            for (int i = 0; i < active.Count; i++)
            {
                var row = active[i];
                Append(row, tokens[i], chosenLogProbs[i], entropy?[i]);
                if (row.Finish == null) keep.Add(i);
                else Store(cache, i, row);
            }
            if (keep.Count == 0) break;
            if (keep.Count < active.Count)
            {
                cache.SelectRows(tensor(keep.ToArray(), device: device));
                active = keep.Select(i => active[(int)i]).ToList();
            }
            var next = Step(cache, active, device).MoveToOuterDisposeScope();
            logits.Dispose();
            logits = next;
        }
        logits.Dispose();
    }

    /// <summary>Greedy: the device's argmax. Sampling: probabilities to the CPU, one draw per row from its own stream.</summary>
    int[] Choose(Tensor logProbs, List<SequenceState> active)
    {
        if (options.Temperature <= 0)
            return logProbs.argmax(-1).cpu().data<long>().ToArray().Select(t => (int)t).ToArray();
        int vocab = (int)logProbs.shape[1];
        float[] probs = logProbs.exp().cpu().data<float>().ToArray();
        var tokens = new int[active.Count];
        for (int i = 0; i < active.Count; i++)
            tokens[i] = TokenSampler.Sample(probs.AsSpan(i * vocab, vocab), options.TopK, options.TopP, active[i].Random);
        return tokens;
    }

    void Append(SequenceState row, int token, float logProb, float? entropy)
    {
        int before = row.Text.Length;
        row.Ids.Add(token);
        row.LogProbs.Add(logProb);
        if (entropy is float e) row.Entropies.Add(e);
        row.Text.Append(texts[token]);
        if (endIds.Contains(token)) row.Finish = FinishReason.EndToken;
        else if (StopHit(row, before)) row.Finish = FinishReason.StopString;
        else if (row.Ids.Count >= options.MaxNewTokens) row.Finish = FinishReason.MaxTokens;
    }

    bool StopHit(SequenceState row, int before)
    {
        if (options.StopStrings == null) return false;
        string text = row.Text.ToString();
        foreach (var stop in options.StopStrings)
        {
            if (stop.Length == 0) continue;
            int from = Math.Max(0, before - stop.Length + 1);
            if (text.IndexOf(stop, from, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    void Store(KvCache cache, int row, SequenceState state)
    {
        if (store == null) return;
        var tokens = state.FedTokens();
        store.Add(tokens, cache.ExtractRow(row, state.Offset, tokens.Length));
    }

    Tensor Step(KvCache cache, List<SequenceState> active, Device device)
    {
        long length = cache.Length;
        var ids = active.Select(r => (long)r.Ids[^1]).ToArray();
        var positions = active.Select(r => (long)(r.Prompt.Length + r.Ids.Count - 1)).ToArray();
        var offsets = tensor(active.Select(r => r.Offset).ToArray(), device: device);
        var mask = (Runtime.ScalarOps.Range(0, length + 1, device).unsqueeze(0) >= offsets.unsqueeze(1)).view(active.Count, 1, 1, length + 1);
        var hidden = model.Hidden(tensor(ids, [active.Count, 1], device: device), tensor(positions, [active.Count, 1], device: device), cache, mask);
        return model.Logits(hidden.select(1, 0)).to(ScalarType.Float32);
    }
}
