namespace Spark.Models.Scoring;

/// <summary>
/// Which tokens one position may produce: only <see cref="Ids"/> (<see cref="AllowOnly"/>) or all but them.
/// The sampler and the training-side scorer apply it identically (<see cref="TokenDistribution"/>).
/// </summary>
public sealed record TokenMask(int[] Ids, bool AllowOnly)
{
    public static TokenMask Allow(IEnumerable<int> ids) => new(ids.Distinct().Order().ToArray(), true);
    public static TokenMask Ban(IEnumerable<int> ids) => new(ids.Distinct().Order().ToArray(), false);

    public bool Allows(int id) => Array.BinarySearch(Ids, id) >= 0 == AllowOnly;

    /// <summary>Writes the additive mask of this position: 0 where allowed, <see cref="TokenDistribution.MaskedLogit"/> elsewhere.</summary>
    public void FillAdditive(Span<float> row)
    {
        row.Fill(AllowOnly ? TokenDistribution.MaskedLogit : 0f);
        float value = AllowOnly ? 0f : TokenDistribution.MaskedLogit;
        foreach (int id in Ids) row[id] = value;
    }
}
