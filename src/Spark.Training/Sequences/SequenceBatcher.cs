using Spark.Core.Randomness;

namespace Spark.Training.Sequences;

/// <summary>
/// Groups sequences into batches whose padded size (rows × longest row) stays within a token budget, putting
/// sequences of similar length together so little compute goes to padding. Batches are lists of indices into the
/// given list. A sequence longer than the budget on its own gets a batch of its own (a sequence is never split).
/// </summary>
public static class SequenceBatcher
{
    /// <summary>How many batches' worth of sequences are sorted by length together in <see cref="Epoch"/>: larger
    /// means less padding but batches that repeat their neighbours from epoch to epoch (the "mega-batch" of
    /// Hugging Face's length-grouped sampler, which uses 50).</summary>
    public const int SortWindowBatches = 50;

    /// <summary>
    /// Splits one mini-batch into micro-batches under <paramref name="tokenBudget"/> padded tokens each, longest first.
    /// Deterministic; every index appears exactly once.
    /// </summary>
    public static IEnumerable<int[]> Chunk(IReadOnlyList<TrainingSequence> sequences, int tokenBudget)
    {
        RequireBudget(tokenBudget);
        var order = Enumerable.Range(0, sequences.Count).OrderByDescending(i => sequences[i].Length).ThenBy(i => i).ToList();
        return Pack(order, sequences, tokenBudget);
    }

    /// <summary>
    /// The batches of one epoch: a seeded shuffle, then windows of about <see cref="SortWindowBatches"/> batches each
    /// sorted by length and packed under the budget, then the batches in a seeded random order. Every sequence appears
    /// in exactly one batch; the same (seed, epoch) gives the same batches.
    /// </summary>
    public static IReadOnlyList<int[]> Epoch(IReadOnlyList<TrainingSequence> sequences, int tokenBudget, ulong seed, int epoch)
    {
        RequireBudget(tokenBudget);
        if (sequences.Count == 0) return [];
        var order = Enumerable.Range(0, sequences.Count).ToArray();
        var random = Seeds.Random(Seeds.Derive(seed, "batches", epoch));
        random.Shuffle(order);

        double meanLength = sequences.Average(s => (double)s.Length);
        int perBatch = Math.Max(1, (int)(tokenBudget / Math.Max(1, meanLength)));
        int window = perBatch * SortWindowBatches;
        var batches = new List<int[]>();
        for (int from = 0; from < order.Length; from += window)
        {
            var slice = order.Skip(from).Take(window).OrderByDescending(i => sequences[i].Length).ToList();
            batches.AddRange(Pack(slice, sequences, tokenBudget));
        }
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>Share of the padded batch tokens that are padding.</summary>
    public static double PaddingShare(IReadOnlyList<TrainingSequence> sequences, IEnumerable<int[]> batches)
    {
        long real = 0, padded = 0;
        foreach (var batch in batches)
        {
            real += batch.Sum(i => (long)sequences[i].Length);
            padded += (long)batch.Length * batch.Max(i => sequences[i].Length);
        }
        return padded == 0 ? 0 : 1.0 - (double)real / padded;
    }

    /// <summary>Greedy packing of a list sorted longest first: the first row of a batch fixes its width.</summary>
    static IEnumerable<int[]> Pack(List<int> longestFirst, IReadOnlyList<TrainingSequence> sequences, int tokenBudget)
    {
        var current = new List<int>();
        int width = 0;
        foreach (int i in longestFirst)
        {
            if (current.Count == 0) width = Math.Max(1, sequences[i].Length);
            else if ((long)(current.Count + 1) * width > tokenBudget)
            {
                yield return current.ToArray();
                current.Clear();
                width = Math.Max(1, sequences[i].Length);
            }
            current.Add(i);
        }
        if (current.Count > 0) yield return current.ToArray();
    }

    static void RequireBudget(int tokenBudget)
    {
        if (tokenBudget < 1) throw new Spark.Core.Configuration.ConfigException("batch-tokens", $"must be at least 1, got {tokenBudget}");
    }
}
