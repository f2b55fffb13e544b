using Spark.Core.Policies;
using Spark.Core.Text;
using Spark.Models.Generation;
using Spark.Training.Sequences;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Training.Tests.Sequences;

public sealed class SequenceScorerTests
{
    static readonly string[] Admissible = ["go to cabinet 1", "go to countertop 1", "open drawer 1", "take mug 1 from countertop 1"];

    static int[] Prompt(ITokenizer tokenizer, string text) => tokenizer.Chat.Prompt([ChatMessage.User(text)]);

    static float[] Row(Tensor t, int row, int from, int length) =>
        Enumerable.Range(from, length).Select(j => t[row, j].item<float>()).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scores_equal_the_samplers_log_probs_in_window_and_episode_layouts(bool constrained)
    {
        var tokenizer = SmallPolicy.Tokenizer;
        using var model = ActingModel(tokenizer);
        using var engine = new GenerationEngine(model, tokenizer, new EngineOptions(PrefixCacheBytes: 0));
        var actions = constrained ? Admissible : null;
        var sampling = new SamplingOptions(Temperature: 0.8f, MaxNewTokens: 24);

        // Window layout: three prompts of different lengths, one span each.
        int[][] prompts = [Prompt(tokenizer, "Goal: put a mug in shelf."), Prompt(tokenizer, "You arrive at cabinet 1. The cabinet 1 is closed."), Prompt(tokenizer, "Step 3")];
        var outputs = engine.Generate(prompts.Select((p, i) => new GenerationInput(p, (ulong)(10 + i), actions)).ToList(), sampling);
        var window = prompts.Select((p, i) => new TrainingSequence([.. p, .. outputs[i].TokenIds],
            [new ResponseSpan(p.Length, outputs[i].TokenIds.Length, actions)])).ToList();

        // Episode layout: a second turn appended to the first conversation; two spans in one sequence.
        int[] turn2 = tokenizer.Chat.ContinueWithUser("You open the drawer 1. In it, you see a mug 1.");
        int[] context = [.. window[0].Tokens, tokenizer.EndOfResponseId, .. turn2];
        var second = engine.Generate([new GenerationInput(context, 99, actions)], sampling)[0];
        var episode = new TrainingSequence([.. context, .. second.TokenIds],
            [window[0].Spans[0], new ResponseSpan(context.Length, second.TokenIds.Length, actions)]);

        var scorer = new SequenceScorer(tokenizer);
        using var scores = scorer.Score(model, [.. window, episode], temperature: 0.8f, withEntropy: true);
        for (int i = 0; i < 3; i++)
            Assert.Equal(outputs[i].LogProbs, Row(scores.LogProbs, i, prompts[i].Length, outputs[i].TokenIds.Length), new Tolerance(2e-3f));
        Assert.Equal(outputs[0].LogProbs, Row(scores.LogProbs, 3, prompts[0].Length, outputs[0].TokenIds.Length), new Tolerance(2e-3f));
        Assert.Equal(second.LogProbs, Row(scores.LogProbs, 3, context.Length, second.TokenIds.Length), new Tolerance(2e-3f));

        // The mask is 1 exactly on span tokens, and the scores are 0 elsewhere.
        long spanTokens = window.Sum(s => s.ResponseTokens) + episode.ResponseTokens;
        Assert.Equal(spanTokens, (long)scores.Mask.sum().item<float>());
        Assert.Equal(spanTokens, scores.Tokens);
        Assert.Equal(0f, (scores.LogProbs * (1 - scores.Mask)).abs().sum().item<float>());
        Assert.Equal(0f, scores.Mask[3, context.Length - 1].item<float>());

        if (constrained)
        {
            // Every constrained response names an admissible action, and the free distribution scores it lower.
            foreach (var o in outputs.Append(second))
                Assert.Contains(Admissible, a => o.Text.Contains($"<action>{a}</action>"));
            using var free = scorer.Score(model, [.. window, episode], temperature: 0.8f, applyConstraint: false);
            Assert.True((scores.LogProbs - free.LogProbs).sum().item<float>() > 1e-3f);
        }
    }

    /// <summary>A small model taught (a few dozen steps) to answer with reasoning and an action, so sampled responses
    /// reach the constrained part; sampling at temperature 0.8 still leaves mass outside the admissible actions.</summary>
    static Spark.Models.Qwen2.Qwen2ForCausalLM ActingModel(ITokenizer tokenizer)
    {
        var model = SmallPolicy.Model(seed: 3);
        int[] prompt = Prompt(tokenizer, "Goal: put a mug in shelf.");
        int[] response = [.. tokenizer.Encode("<think>I look.</think>\n<action>go to countertop 1</action>"), tokenizer.EndOfResponseId];
        var lesson = new TrainingSequence([.. prompt, .. response], [new ResponseSpan(prompt.Length, response.Length)]);
        var optimizer = Spark.Training.Sft.SupervisedStep.AdamW(model, 1e-2, 0.9, 0.95, 0);
        var step = new Spark.Training.Sft.SupervisedStep(model, new SequenceScorer(tokenizer), optimizer, 1.0);
        for (int i = 0; i < 25; i++) step.Run([[lesson]], 1e-2);
        model.eval();
        return model;
    }

    [Fact]
    public void Gradients_flow_through_the_scores()
    {
        var tokenizer = SmallPolicy.Tokenizer;
        using var model = SmallPolicy.Model();
        model.train();
        var tokens = Prompt(tokenizer, "<think>go</think>\n<action>go to cabinet 1</action>");
        var sequence = new TrainingSequence(tokens, [new ResponseSpan(3, tokens.Length - 3, Admissible)]);
        using var scores = new SequenceScorer(tokenizer).Score(model, [sequence], withEntropy: true);
        (scores.LogProbs.sum() + scores.Entropies!.sum()).backward();
        var grad = model.parameters().First().grad;
        Assert.NotNull(grad);
        Assert.True(grad!.isfinite().all().item<bool>() && grad.abs().sum().item<float>() > 0);
    }

    sealed class Tolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(float value) => 0;
    }
}
