using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Prompts;
using Spark.Training.Sequences;

namespace Spark.Training.Tests.Sequences;

public sealed class SequenceBuilderTests
{
    [Fact]
    public void Episode_mode_is_the_window_steps_conversation_with_every_response_supervised()
    {
        var tokenizer = SmallPolicy.Tokenizer;
        var trajectory = SmallPolicy.Data(3)[2];
        var episode = SequenceBuilder.FromColdStart(trajectory, tokenizer, PromptOptions.Compact with { Mode = PromptMode.Episode });
        var window = SequenceBuilder.FromColdStart(trajectory, tokenizer, PromptOptions.Compact with { Mode = PromptMode.Window });
        var steps = SftExamples.Build(trajectory, tokenizer, PromptOptions.Compact with { Mode = PromptMode.Episode });

        var sequence = Assert.Single(episode);
        Assert.Equal(steps.SelectMany(s => s.PromptIds.Concat(s.ResponseIds)), sequence.Tokens);
        Assert.Equal(trajectory.Steps.Count, sequence.Spans.Count);
        Assert.Equal(trajectory.Steps.Count, window.Count);
        for (int k = 0; k < trajectory.Steps.Count; k++)
        {
            var span = sequence.Spans[k];
            var ids = sequence.Tokens[span.Start..span.End];
            Assert.Equal(tokenizer.EndOfResponseId, ids[^1]);
            Assert.Equal(trajectory.Steps[k].Response, tokenizer.Decode(ids[..^1]));
            var w = window[k];
            Assert.Equal(ids, w.Tokens[w.Spans[0].Start..]); // the same response, end token included
            Assert.Equal(w.Length, w.Spans[0].End);
        }
        // A cut keeps the last tokens: every surviving span is a tail of a response.
        var cut = SequenceBuilder.FromColdStart(trajectory, tokenizer, PromptOptions.Compact with { Mode = PromptMode.Episode }, maxLength: 64);
        Assert.Equal(sequence.Tokens[^64..], Assert.Single(cut).Tokens);
    }
}
