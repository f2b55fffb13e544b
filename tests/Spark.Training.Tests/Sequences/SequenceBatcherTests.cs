using Spark.Core.Configuration;
using Spark.Training.Sequences;

namespace Spark.Training.Tests.Sequences;

public sealed class SequenceBatcherTests
{
    static List<TrainingSequence> Sequences(int count, int seed = 5)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            int length = random.Next(8, 400);
            return TrainingSequence.LanguageModel(Enumerable.Range(0, length).ToArray());
        }).ToList();
    }

    [Fact]
    public void Every_epoch_covers_every_sequence_once_within_the_budget()
    {
        var sequences = Sequences(500);
        sequences.Add(TrainingSequence.LanguageModel(new int[3000])); // longer than the budget: a batch of its own
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var batches = SequenceBatcher.Epoch(sequences, 2048, seed: 7, epoch);
            Assert.Equal(Enumerable.Range(0, sequences.Count), batches.SelectMany(b => b).Order());
            foreach (var b in batches)
                Assert.True(b.Length == 1 || b.Length * b.Max(i => sequences[i].Length) <= 2048);
            Assert.Contains(batches, b => b.Length == 1 && sequences[b[0]].Length == 3000);
        }
        Assert.Equal(SequenceBatcher.Epoch(sequences, 2048, 7, 1), SequenceBatcher.Epoch(sequences, 2048, 7, 1));
        Assert.NotEqual(SequenceBatcher.Epoch(sequences, 2048, 7, 1), SequenceBatcher.Epoch(sequences, 2048, 7, 2));
    }

    [Fact]
    public void Length_bucketing_wastes_far_less_than_random_batches()
    {
        var sequences = Sequences(600);
        var bucketed = SequenceBatcher.Epoch(sequences, 4096, seed: 1, epoch: 0);
        var random = Enumerable.Range(0, sequences.Count).Chunk(bucketed.Count == 0 ? 1 : sequences.Count / bucketed.Count).ToList();
        double bucketedPadding = SequenceBatcher.PaddingShare(sequences, bucketed);
        Assert.True(bucketedPadding < 0.1, $"padding {bucketedPadding:P1}");
        Assert.True(bucketedPadding < SequenceBatcher.PaddingShare(sequences, random) / 3);
    }

    [Fact]
    public void Chunk_splits_a_mini_batch_under_the_budget()
    {
        var sequences = Sequences(40);
        var chunks = SequenceBatcher.Chunk(sequences, 1000).ToList();
        Assert.Equal(Enumerable.Range(0, 40), chunks.SelectMany(c => c).Order());
        Assert.All(chunks, c => Assert.True(c.Length == 1 || c.Length * c.Max(i => sequences[i].Length) <= 1000));
        Assert.Equal("batch-tokens", Assert.Throws<ConfigException>(() => SequenceBatcher.Chunk(sequences, 0).ToList()).Field);
    }

    [Fact]
    public void Left_truncation_keeps_span_tails_and_drops_cut_constrained_spans()
    {
        var s = new TrainingSequence(Enumerable.Range(0, 20).ToArray(),
            [new ResponseSpan(2, 4), new ResponseSpan(8, 4, ["a"]), new ResponseSpan(14, 6)]);
        var cut = s.TruncateLeft(10)!; // keeps tokens 10..19: span 2 loses its head (constrained: dropped), span 3 is whole
        Assert.Equal(Enumerable.Range(10, 10), cut.Tokens);
        Assert.Equal([new ResponseSpan(4, 6)], cut.Spans);
        var free = new TrainingSequence(s.Tokens, [new ResponseSpan(8, 4), new ResponseSpan(14, 6)]).TruncateLeft(10)!;
        Assert.Equal([new ResponseSpan(1, 1), new ResponseSpan(4, 6)], free.Spans); // token 10 is index 0: not scorable
        Assert.Null(new TrainingSequence(s.Tokens, [new ResponseSpan(2, 4)]).TruncateLeft(10));
        Assert.Throws<ArgumentException>(() => new TrainingSequence([1, 2, 3], [new ResponseSpan(0, 2)]).Validate());
        Assert.Throws<ArgumentException>(() => new TrainingSequence([1, 2, 3], [new ResponseSpan(1, 2), new ResponseSpan(2, 1)]).Validate());
    }
}
