using Spark.Core.Policies;
using Spark.Core.Text;
using Spark.Models.Generation;
using Spark.Models.Qwen2;
using Spark.Models.Scoring;
using Spark.Models.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Tests.Generation;

public sealed class ConstrainedGenerationTests
{
    static readonly string[] Admissible = ["go to cabinet 1", "go to drawer 2", "open fridge 1", "take apple 1 from countertop 1", "look"];

    /// <summary>A random model whose <c>&lt;action&gt;</c> embedding is scaled up, so it opens actions often.</summary>
    static Qwen2ForCausalLM ActionProneModel(ITokenizer tokenizer, int open)
    {
        var model = TinyModels.Create(tokenizer.VocabSize, seed: 21);
        using (no_grad())
        {
            var embedding = model.state_dict()["model.embed_tokens.weight"];
            embedding[open].mul_(12);
        }
        return model;
    }

    /// <remarks>Multi-token markers are covered without a model in <see cref="ActionConstraintTests"/>.</remarks>
    [Fact]
    public void Constrained_actions_are_admissible_and_log_probs_match_masked_scoring()
    {
        var tokenizer = new TestTokenizer();
        int open = tokenizer.Encode("<action>")[^1];
        var model = ActionProneModel(tokenizer, open);
        using var engine = new GenerationEngine(model, tokenizer, new EngineOptions(PrefixCacheBytes: 0));
        int[] prompt = tokenizer.Chat.Prompt([ChatMessage.User("You are in the middle of a room.")]);
        var inputs = Enumerable.Range(0, 48).Select(s => new GenerationInput(prompt, (ulong)s, Admissible)).ToArray();
        var sampling = new SamplingOptions(Temperature: 1f, MaxNewTokens: 40, StopStrings: ["</action>"], ReturnEntropy: true);

        var outputs = engine.Generate(inputs, sampling);

        int complete = 0;
        foreach (var o in outputs)
        {
            int at = o.Text.IndexOf("<action>", StringComparison.Ordinal);
            if (at < 0) continue;
            string body = o.Text[(at + "<action>".Length)..];
            if (o.Finish == FinishReason.StopString)
            {
                Assert.EndsWith("</action>", body);
                Assert.Contains(body[..^"</action>".Length], Admissible);
                complete++;
            }
            else Assert.Contains(Admissible, a => (a + "</action>").StartsWith(body, StringComparison.Ordinal));
        }
        Assert.True(complete >= 3, $"only {complete} completed actions in {outputs.Count} samples");

        // Training-side scoring with the same masks reproduces the sampling log-probs and entropies.
        var constraint = engine.ConstraintFor(Admissible);
        var batch = outputs.Select(o => new ScoringSequence(prompt, o.TokenIds, constraint.Masks(o.TokenIds))).ToList();
        using var scores = ResponseScorer.Score(model, batch, 1f, entropies: true);
        var unconstrained = ResponseScorer.Score(model, outputs.Select(o => new ScoringSequence(prompt, o.TokenIds)).ToList(), 1f);
        bool maskMattered = false;
        for (int i = 0; i < outputs.Count; i++)
            for (int j = 0; j < outputs[i].TokenIds.Length; j++)
            {
                Assert.Equal(scores.LogProbs[i, j].item<float>(), outputs[i].LogProbs[j], 1e-4f);
                Assert.Equal(scores.Entropies![i, j].item<float>(), outputs[i].Entropies![j], 1e-4f);
                maskMattered |= Math.Abs(unconstrained.LogProbs[i, j].item<float>() - outputs[i].LogProbs[j]) > 1e-3;
            }
        Assert.True(maskMattered, "the constraint should change some log-probs");
    }

    [Fact]
    public void Unconstrained_inputs_in_the_same_batch_stay_free()
    {
        var tokenizer = new TestTokenizer();
        int open = tokenizer.Encode("<action>")[^1];
        var model = ActionProneModel(tokenizer, open);
        using var engine = new GenerationEngine(model, tokenizer, new EngineOptions(PrefixCacheBytes: 0));
        int[] prompt = tokenizer.Chat.Prompt([ChatMessage.User("look")]);
        var sampling = new SamplingOptions(Temperature: 1f, MaxNewTokens: 30);
        var free = engine.Generate([new GenerationInput(prompt, 3)], sampling)[0];
        var mixed = engine.Generate([new GenerationInput(prompt, 4, Admissible), new GenerationInput(prompt, 3)], sampling);
        Assert.Equal(free.TokenIds, mixed[1].TokenIds);
    }
}
