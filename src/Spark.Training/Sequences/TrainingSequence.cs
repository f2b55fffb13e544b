namespace Spark.Training.Sequences;

/// <summary>
/// A run of response tokens inside a <see cref="TrainingSequence"/>: the tokens the model wrote (or, in SFT, is
/// taught to write), which the loss covers.
/// </summary>
/// <param name="Start">Index into <see cref="TrainingSequence.Tokens"/> of the span's first token (at least 1: a
/// token is scored from the tokens before it).</param>
/// <param name="Length">Number of tokens in the span.</param>
/// <param name="AdmissibleActions">Set when the span was sampled under constrained action decoding: the scorer then
/// rebuilds the sampler's per-token masks from these actions, so it scores the distribution that was sampled.</param>
public sealed record ResponseSpan(int Start, int Length, IReadOnlyList<string>? AdmissibleActions = null)
{
    public int End => Start + Length;
}

/// <summary>
/// One sequence to train on: token ids and the response spans within them. Window mode has one prompt and one
/// response per sequence (one span); episode mode has a whole trajectory as one conversation (one span per
/// response). Pretraining uses one span covering every token after the first.
/// </summary>
public sealed record TrainingSequence(int[] Tokens, IReadOnlyList<ResponseSpan> Spans)
{
    public int Length => Tokens.Length;

    /// <summary>Tokens the loss covers.</summary>
    public int ResponseTokens => Spans.Sum(s => s.Length);

    /// <summary>Checks that spans are inside the tokens, start after the first token and do not overlap.</summary>
    public TrainingSequence Validate()
    {
        int previousEnd = 1;
        for (int k = 0; k < Spans.Count; k++)
        {
            var s = Spans[k];
            if (s.Length < 1 || s.Start < previousEnd || s.End > Tokens.Length)
                throw new ArgumentException(
                    $"span {k} [{s.Start}, {s.End}) must be non-empty, in order, not overlapping, start at 1 or later and end by {Tokens.Length}");
            previousEnd = s.End;
        }
        return this;
    }

    /// <summary>A plain language-model sequence: every token after the first is a target.</summary>
    public static TrainingSequence LanguageModel(int[] tokens) =>
        tokens.Length < 2
            ? throw new ArgumentException("a language-model sequence needs at least 2 tokens", nameof(tokens))
            : new TrainingSequence(tokens, [new ResponseSpan(1, tokens.Length - 1)]);

    /// <summary>
    /// The last <paramref name="maxLength"/> tokens (left truncation, as the paper's SFT does); spans that lose tokens
    /// keep their tail, spans that vanish are dropped. A constrained span that loses tokens is dropped too (its masks
    /// depend on the response text from its first token). Null when no span token survives.
    /// </summary>
    public TrainingSequence? TruncateLeft(int maxLength)
    {
        if (Tokens.Length <= maxLength) return this;
        int cut = Tokens.Length - maxLength;
        var spans = new List<ResponseSpan>();
        foreach (var s in Spans)
        {
            // Token `cut` becomes index 0, which has no context to be scored from.
            int start = Math.Max(s.Start, cut + 1);
            if (start >= s.End || (start > s.Start && s.AdmissibleActions != null)) continue;
            spans.Add(s with { Start = start - cut, Length = s.End - start });
        }
        return spans.Count == 0 ? null : new TrainingSequence(Tokens[cut..], spans);
    }
}
