using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Scoring;

/// <summary>
/// The one definition of the distribution a token is sampled from and scored under: float32 logits divided by
/// the temperature (0 scores at 1), plus an additive mask where a <see cref="TokenMask"/> applies, then
/// log-softmax. Masked logits get a large finite negative (not -inf) so probabilities are exactly 0 and
/// entropies and gradients stay finite.
/// </summary>
public static class TokenDistribution
{
    public const float MaskedLogit = -1e9f;

    public static float EffectiveTemperature(float temperature) => temperature > 0 ? temperature : 1f;

    /// <summary>Log-probabilities [N, V] from logits [N, V].</summary>
    /// <param name="maskedRows">Rows that have a mask (int64 [M]), or null.</param>
    /// <param name="additive">Additive masks [M, V] for those rows.</param>
    public static Tensor LogProbs(Tensor logits, float temperature, Tensor? maskedRows = null, Tensor? additive = null)
    {
        var scaled = Runtime.ScalarOps.Div(logits.to(ScalarType.Float32), EffectiveTemperature(temperature));
        if (maskedRows is not null && additive is not null) scaled = Runtime.ScalarOps.IndexAdd(scaled, 0, maskedRows, additive);
        return scaled.log_softmax(-1);
    }

    /// <summary>Entropy of each row of log-probabilities [N, V] → [N].</summary>
    public static Tensor Entropy(Tensor logProbs) => -(logProbs.exp() * logProbs).sum(-1);

    /// <summary>Additive masks [M, V] and their row indices for the masked positions of <paramref name="masks"/> (null entries skipped).</summary>
    public static (Tensor Rows, Tensor Additive)? Build(IReadOnlyList<TokenMask?> masks, int vocab, Device device)
    {
        var rows = new List<long>();
        for (int i = 0; i < masks.Count; i++) if (masks[i] != null) rows.Add(i);
        if (rows.Count == 0) return null;
        var values = new float[rows.Count * vocab];
        for (int r = 0; r < rows.Count; r++) masks[(int)rows[r]]!.FillAdditive(values.AsSpan(r * vocab, vocab));
        return (tensor(rows.ToArray(), device: device), tensor(values, [rows.Count, vocab], device: device));
    }
}
