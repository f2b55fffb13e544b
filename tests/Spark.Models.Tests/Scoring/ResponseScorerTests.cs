using Spark.Models.Qwen2;
using Spark.Models.Scoring;
using Spark.Models.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Tests.Scoring;

public sealed class ResponseScorerTests
{
    static float[] Reference(Qwen2ForCausalLM model, int[] prompt, int[] response, float temperature, TokenMask?[]? masks = null)
    {
        using var _ = no_grad();
        var all = prompt.Concat(response).Select(i => (long)i).ToArray();
        var logits = model.Forward(tensor(all, [1, all.Length]), Qwen2ForCausalLM.Positions(1, all.Length, CPU))[0];
        var result = new float[response.Length];
        for (int j = 0; j < response.Length; j++)
        {
            var row = (logits[prompt.Length - 1 + j] / temperature).data<float>().ToArray();
            if (masks?[j] is TokenMask m) for (int v = 0; v < row.Length; v++) if (!m.Allows(v)) row[v] = float.NegativeInfinity;
            double max = row.Max(), sum = row.Sum(x => Math.Exp(x - max));
            result[j] = (float)(row[response[j]] - max - Math.Log(sum));
        }
        return result;
    }

    [Fact]
    public void Log_probs_match_a_plain_forward_for_a_padded_batch()
    {
        var model = TinyModels.Create(60);
        var a = new ScoringSequence([1, 2, 3, 4], [5, 6, 7]);
        var b = new ScoringSequence([9, 8], [7, 6, 5, 4, 3]);
        using var scores = ResponseScorer.Score(model, [a, b], temperature: 0.7f, entropies: true);

        Assert.Equal(new long[] { 2, 5 }, scores.LogProbs.shape);
        var lp = scores.LogProbs.detach();
        var ra = Reference(model, a.PromptIds, a.ResponseIds, 0.7f);
        var rb = Reference(model, b.PromptIds, b.ResponseIds, 0.7f);
        for (int j = 0; j < 3; j++) Assert.Equal(ra[j], lp[0, j].item<float>(), 1e-4f);
        for (int j = 0; j < 5; j++) Assert.Equal(rb[j], lp[1, j].item<float>(), 1e-4f);
        Assert.Equal(0f, lp[0, 4].item<float>());
        Assert.Equal(0f, scores.Mask[0, 3].item<float>());
        var entropy = scores.Entropies!.detach();
        Assert.True(entropy[0, 0].item<float>() > 0 && entropy[0, 0].item<float>() <= Math.Log(60) + 1e-4);
        Assert.Equal(0f, entropy[0, 3].item<float>());
    }

    [Fact]
    public void Masks_restrict_the_distribution_and_gradients_flow()
    {
        var model = TinyModels.Create(60);
        var masks = new TokenMask?[] { null, TokenMask.Allow([6, 11, 12]), TokenMask.Ban([1, 2, 3]) };
        var seq = new ScoringSequence([1, 2, 3, 4], [5, 6, 7], masks);
        using var scores = ResponseScorer.Score(model, [seq], temperature: 1f, entropies: true);
        var expected = Reference(model, seq.PromptIds, seq.ResponseIds, 1f, masks);
        for (int j = 0; j < 3; j++) Assert.Equal(expected[j], scores.LogProbs[0, j].item<float>(), 1e-4f);
        // Three allowed tokens: entropy at most ln 3.
        Assert.True(scores.Entropies![0, 1].item<float>() <= Math.Log(3) + 1e-5);

        (scores.LogProbs.sum() + scores.Entropies!.sum()).backward();
        var grad = model.state_dict()["model.embed_tokens.weight"].grad;
        Assert.NotNull(grad);
        Assert.True(grad!.isfinite().all().item<bool>());
        Assert.True(grad.abs().sum().item<float>() > 0);
    }
}
