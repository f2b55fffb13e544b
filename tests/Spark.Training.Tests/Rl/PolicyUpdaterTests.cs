using Spark.Training.Rl;
using Spark.Training.Sequences;
using Spark.Training.Tests.Sequences;
using TorchSharp;

namespace Spark.Training.Tests.Rl;

public sealed class PolicyUpdaterTests
{
    [Fact]
    public void One_update_raises_positive_and_lowers_negative_advantage_responses()
    {
        var tokenizer = SmallPolicy.Tokenizer;
        using var model = SmallPolicy.Model(seed: 11, hidden: 32, layers: 1);
        var scorer = new SequenceScorer(tokenizer);
        int[] prompt = tokenizer.Chat.Prompt([Spark.Core.Text.ChatMessage.User("Task: put a mug in shelf.")]);
        TrainingSequence Sequence(string response)
        {
            int[] r = tokenizer.Encode(response);
            return new TrainingSequence([.. prompt, .. r], [new ResponseSpan(prompt.Length, r.Length)]);
        }
        var good = Sequence("<think>the mug is on the shelf</think><action>go to shelf 1</action>");
        var bad = Sequence("<explore>maybe the fridge</explore><action>go to fridge 1</action>");

        float[] SpanLogProbs(TrainingSequence s)
        {
            using var scores = scorer.Score(model, [s]);
            var span = s.Spans[0];
            return scores.LogProbs[0].narrow(0, span.Start, span.Length).detach().data<float>().ToArray();
        }
        double Total(TrainingSequence s) => SpanLogProbs(s).Sum();
        double goodBefore = Total(good), badBefore = Total(bad);
        var sequences = new[]
        {
            new RlSequence(good, [1.0], [SpanLogProbs(good)]),
            new RlSequence(bad, [-1.0], [SpanLogProbs(bad)]),
        };
        var optimizer = torch.optim.AdamW(model.parameters(), 1e-2);
        var updater = new PolicyUpdater(model, null, scorer, optimizer, new PolicyLossOptions(KlCoef: 0, EntropyCoef: 0),
            new UpdateOptions(MiniBatches: 1));

        int step = 0;
        var stats = updater.Update(sequences, seed: 1, 1e-2, ref step);

        Assert.Equal(1, stats.OptimizerSteps);
        Assert.Equal(1, step);
        Assert.True(Total(good) > goodBefore, $"good {goodBefore} -> {Total(good)}");
        Assert.True(Total(bad) < badBefore, $"bad {badBefore} -> {Total(bad)}");
    }

    [Fact]
    public void A_non_finite_advantage_skips_the_step_and_leaves_the_weights()
    {
        var tokenizer = SmallPolicy.Tokenizer;
        using var model = SmallPolicy.Model(seed: 12, hidden: 32, layers: 1);
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        int[] ids = tokenizer.Encode("<think>x</think><action>look</action>");
        var seq = new TrainingSequence([.. ids, .. ids], [new ResponseSpan(ids.Length, ids.Length)]);
        var item = new RlSequence(seq, [double.NaN], [new float[ids.Length]]);
        var warnings = new List<string>();
        var updater = new PolicyUpdater(model, null, new SequenceScorer(tokenizer), torch.optim.AdamW(model.parameters(), 1e-2),
            new PolicyLossOptions(KlCoef: 0, EntropyCoef: 0), new UpdateOptions(MiniBatches: 1), warnings.Add);

        int step = 0;
        var stats = updater.Update([item], seed: 1, 1e-2, ref step);

        Assert.Equal(1, stats.SkippedSteps);
        Assert.Single(warnings);
        Assert.All(model.parameters().Zip(before), p => Assert.True(p.First.allclose(p.Second, 0, 0)));
    }
}
