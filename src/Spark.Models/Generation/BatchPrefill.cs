using Spark.Models.Qwen2;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Generation;

/// <summary>One prompt to prefill: its tokens and a cached entry whose first <see cref="ReuseLength"/> positions it reuses.</summary>
internal sealed record PrefillJob(int[] Tokens, PrefixCache.Entry? Reuse, int ReuseLength)
{
    public int Computed => Tokens.Length - ReuseLength;
}

/// <summary>
/// Prefills prompts of different lengths into one left-padded KV cache: row j holds job j right-aligned at column P
/// (the longest prompt), so every row's next token goes to the same column. Reused prefixes are copied into place and
/// only the rest is computed, in row chunks of bounded size; a shorter row's padding never overwrites its cached prefix
/// (<see cref="KvCache.WriteMask"/>). Position ids are each token's true position, so padding changes nothing.
/// </summary>
internal static class BatchPrefill
{
    /// <summary>Attention-score elements per chunk (4M floats = 16 MB).</summary>
    const long MaxScoreElements = 4L << 20;

    /// <returns>The cache (length P, capacity P + <paramref name="extraCapacity"/>) and float32 logits [J, V] of each prompt's last token.</returns>
    public static (KvCache Cache, Tensor LastLogits) Run(Qwen2ForCausalLM model, IReadOnlyList<PrefillJob> jobs,
        long extraCapacity, int padId, int tokensPerChunk)
    {
        var device = model.Device;
        int p = jobs.Max(j => j.Tokens.Length);
        var cache = KvCache.For(model, jobs.Count, p + extraCapacity);
        var logits = new List<Tensor>();
        for (int j = 0; j < jobs.Count; j++)
            if (jobs[j].ReuseLength > 0)
                using (NewDisposeScope())
                    cache.WriteRow(j, p - jobs[j].Tokens.Length, jobs[j].Reuse!.Kv, jobs[j].ReuseLength);

        // Rows per chunk are bounded twice: by computed tokens, and by the attention scores the masked SDPA
        // materialises (rows x heads x computed x P floats). Past a few tens of MB each score tensor is a fresh
        // mmap whose pages the kernel zeroes, which cost more than the arithmetic on long episode-mode prompts.
        int heads = model.Config.NumAttentionHeads;
        for (int start = 0; start < jobs.Count;)
        {
            int count = 1, longest = jobs[start].Computed;
            while (start + count < jobs.Count &&
                   (long)(count + 1) * Math.Max(longest, jobs[start + count].Computed) <= tokensPerChunk &&
                   (long)(count + 1) * Math.Max(longest, jobs[start + count].Computed) * heads * p <= MaxScoreElements)
            {
                longest = Math.Max(longest, jobs[start + count].Computed);
                count++;
            }
            using (var scope = NewDisposeScope())
            {
                var chunkLogits = RunChunk(model, cache, jobs, start, count, longest, p, padId, device);
                logits.Add(chunkLogits.MoveToOuterDisposeScope());
            }
            start += count;
        }
        cache.SetLength(p);
        return (cache, logits.Count == 1 ? logits[0] : cat(logits, 0));
    }

    static Tensor RunChunk(Qwen2ForCausalLM model, KvCache cache, IReadOnlyList<PrefillJob> jobs,
        int start, int count, int s, int p, int padId, Device device)
    {
        var ids = new long[count * s];
        var positions = new long[count * s];
        var write = new bool[count * s];
        var offsets = new long[count];
        Array.Fill(ids, padId);
        for (int r = 0; r < count; r++)
        {
            var job = jobs[start + r];
            offsets[r] = p - job.Tokens.Length;
            int pad = s - job.Computed;
            for (int q = pad; q < s; q++)
            {
                int position = job.ReuseLength + q - pad;
                ids[r * s + q] = job.Tokens[position];
                positions[r * s + q] = position;
                write[r * s + q] = true;
            }
        }
        using var view = cache.RowsView(start, count);
        view.SetLength(p - s);
        view.WriteMask = tensor(write, [count, 1, s, 1], device: device);
        var columns = Runtime.ScalarOps.Range(0, p, device);
        var queryColumns = Runtime.ScalarOps.Range(p - s, s, device);
        var valid = columns.unsqueeze(0) >= tensor(offsets, device: device).unsqueeze(1);        // [n, P]
        var causal = columns.unsqueeze(0) <= queryColumns.unsqueeze(1);                          // [S, P]
        var diagonal = columns.unsqueeze(0) == queryColumns.unsqueeze(1);                        // padding queries see themselves (no empty rows)
        var mask = ((valid.unsqueeze(1) & causal.unsqueeze(0)) | diagonal.unsqueeze(0)).unsqueeze(1); // [n, 1, S, P]
        var hidden = model.Hidden(tensor(ids, [count, s], device: device), tensor(positions, [count, s], device: device), view, mask);
        return model.Logits(hidden.select(1, s - 1)).to(ScalarType.Float32);
    }
}
