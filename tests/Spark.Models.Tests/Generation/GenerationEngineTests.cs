using Spark.Core.Policies;
using Spark.Core.Text;
using Spark.Models.Generation;
using Spark.Models.Qwen2;
using Spark.Models.Scoring;
using Spark.Models.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Tests.Generation;

public sealed class GenerationEngineTests
{
    static readonly TestTokenizer Tokenizer = new();
    static readonly Qwen2ForCausalLM Model = TinyModels.Create(Tokenizer.VocabSize, seed: 11);
    static readonly SamplingOptions Sampling = new(Temperature: 1f, MaxNewTokens: 12, ReturnEntropy: true);

    static GenerationEngine Engine(long cacheBytes = 64L << 20, int minShared = 32) =>
        new(Model, Tokenizer, new EngineOptions(cacheBytes, minShared));

    static int[] Prompt(string user) => Tokenizer.Chat.Prompt([ChatMessage.System("You are in a room."), ChatMessage.User(user)]);

    static void AssertSame(GenerationOutput expected, GenerationOutput actual)
    {
        Assert.Equal(expected.TokenIds, actual.TokenIds);
        Assert.Equal(expected.Finish, actual.Finish);
        for (int j = 0; j < expected.LogProbs.Length; j++) Assert.Equal(expected.LogProbs[j], actual.LogProbs[j], 1e-4f);
        for (int j = 0; j < expected.Entropies!.Length; j++) Assert.Equal(expected.Entropies[j], actual.Entropies![j], 1e-4f);
    }

    [Fact]
    public void Prefill_of_left_padded_prompts_with_a_reused_prefix_gives_full_forward_logits()
    {
        using var _ = inference_mode();
        int[] a = Prompt("go to cabinet 1"), b = Prompt("take the apple from the fridge 1, then look"), c = [.. a, 5, 6, 7];
        using var cache = new PrefixCache(1L << 30);
        var (seed, seedLogits) = BatchPrefill.Run(Model, [new PrefillJob(a, null, 0)], 0, Tokenizer.PadId, 8192);
        cache.Add(a, seed.ExtractRow(0, 0, a.Length));
        seed.Dispose();
        var (entry, reuse) = cache.Longest(c, c.Length - 1);
        Assert.Equal(a.Length, reuse);

        // Small chunks force several prefill forwards over rows of different lengths.
        var (batch, logits) = BatchPrefill.Run(Model, [new PrefillJob(b, null, 0), new PrefillJob(c, entry, reuse), new PrefillJob(a, null, 0)], 0, Tokenizer.PadId, 40);
        int[][] prompts = [b, c, a];
        for (int i = 0; i < 3; i++)
        {
            var ids = tensor(prompts[i].Select(x => (long)x).ToArray(), [1, prompts[i].Length]);
            var full = Model.Forward(ids, Qwen2ForCausalLM.Positions(1, prompts[i].Length, CPU))[0, -1];
            double diff = (full - logits[i]).abs().max().item<float>();
            Assert.True(diff < 1e-4, $"row {i}: max diff {diff}");
        }
        Assert.True(seedLogits.allclose(logits[2], atol: 1e-4));
        batch.Dispose();
    }

    [Fact]
    public void Returned_log_probs_equal_training_side_scoring()
    {
        using var engine = Engine();
        var inputs = new[] { new GenerationInput(Prompt("look"), 1), new GenerationInput(Prompt("open drawer 2 and take the mug"), 2) };
        var outputs = engine.Generate(inputs, Sampling with { Temperature = 0.8f });
        using var scores = ResponseScorer.Score(Model, inputs.Zip(outputs, (i, o) => new ScoringSequence(i.PromptIds, o.TokenIds)).ToList(), 0.8f, entropies: true);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < outputs[i].TokenIds.Length; j++)
            {
                Assert.Equal(scores.LogProbs[i, j].item<float>(), outputs[i].LogProbs[j], 1e-4f);
                Assert.Equal(scores.Entropies![i, j].item<float>(), outputs[i].Entropies![j], 1e-4f);
            }
    }

    [Fact]
    public void Batched_generation_equals_one_at_a_time_for_the_same_seeds()
    {
        var inputs = new[]
        {
            new GenerationInput(Prompt("look"), 101),
            new GenerationInput(Prompt("go to the countertop 1 and see what you see there"), 102),
            new GenerationInput([.. Prompt("take"), 9, 9], 103),
        };
        using var batched = Engine(cacheBytes: 0);
        var together = batched.Generate(inputs, Sampling);
        foreach (var (input, i) in inputs.Select((x, i) => (x, i)))
        {
            using var single = Engine(cacheBytes: 0);
            AssertSame(single.Generate([input], Sampling)[0], together[i]);
        }
        Assert.Equal(inputs.Sum(i => i.PromptIds.Length), together.Sum(o => o.PromptTokensComputed));
        // Deterministic: the same call gives the same result.
        using var again = Engine(cacheBytes: 0);
        Assert.Equal(together.Select(o => o.TokenIds), again.Generate(inputs, Sampling).Select(o => o.TokenIds));
    }

    [Fact]
    public void K_continuations_from_one_prefill_equal_k_separate_prefills()
    {
        int[] prompt = Prompt("go to cabinet 12");
        var siblings = Enumerable.Range(0, 4).Select(k => new GenerationInput(prompt, 500 + (ulong)k)).ToArray();
        using var shared = Engine(cacheBytes: 0);
        var outputs = shared.Generate(siblings, Sampling);
        Assert.Equal(prompt.Length, outputs.Sum(o => o.PromptTokensComputed)); // prefilled once
        Assert.Equal(prompt.Length, outputs[0].PromptTokensComputed);
        for (int k = 0; k < siblings.Length; k++)
        {
            using var separate = Engine(cacheBytes: 0);
            AssertSame(separate.Generate([siblings[k]], Sampling)[0], outputs[k]);
        }
        Assert.True(outputs.Select(o => string.Join(",", o.TokenIds)).Distinct().Count() > 1, "different seeds should differ");
    }

    [Fact]
    public void A_shared_leading_segment_is_computed_once()
    {
        int[] preamble = Tokenizer.Encode(string.Concat(Enumerable.Repeat("You arrive at the countertop 1. ", 6)));
        int[] a = [.. preamble, .. Tokenizer.Encode("go to cabinet 1")], b = [.. preamble, .. Tokenizer.Encode("open the fridge")];
        int common = a.AsSpan().CommonPrefixLength(b);
        using var engine = Engine(cacheBytes: 0, minShared: 16);
        var outputs = engine.Generate([new(a, 1), new(b, 2)], Sampling);
        Assert.Equal(a.Length + b.Length - common, outputs.Sum(o => o.PromptTokensComputed));
        using var plain = Engine(cacheBytes: 0, minShared: 1000);
        var reference = plain.Generate([new(a, 1), new(b, 2)], Sampling);
        AssertSame(reference[0], outputs[0]);
        AssertSame(reference[1], outputs[1]);
    }

    [Fact]
    public void Turn_by_turn_extension_reuses_the_cache_and_equals_a_fresh_forward()
    {
        using var engine = Engine();
        int[] prompt = Prompt("look");
        var first = engine.Generate([new(prompt, 7)], Sampling with { MaxNewTokens = 6 })[0];
        int[] next = [.. prompt, .. first.TokenIds, .. Tokenizer.Chat.ContinueWithUser("Nothing happens.")];
        var second = engine.Generate([new(next, 8)], Sampling)[0];
        // Only the last response token (never fed) and the new user turn are computed.
        Assert.Equal(next.Length - prompt.Length - first.TokenIds.Length + 1, second.PromptTokensComputed);

        using var fresh = Engine(cacheBytes: 0);
        var reference = fresh.Generate([new(next, 8)], Sampling)[0];
        Assert.Equal(next.Length, reference.PromptTokensComputed);
        AssertSame(reference, second);

        // A branch: two children continue the parent's conversation with different observations, from its cached state.
        int[] childA = [.. next, .. second.TokenIds, .. Tokenizer.Chat.ContinueWithUser("You see a mug 1.")];
        int[] childB = [.. next, .. second.TokenIds, .. Tokenizer.Chat.ContinueWithUser("The drawer 2 is open.")];
        var children = engine.Generate([new(childA, 9), new(childB, 10)], Sampling);
        int parent = next.Length + second.TokenIds.Length - 1;
        Assert.Equal(childA.Length - parent, children[0].PromptTokensComputed);
        Assert.Equal(childB.Length - parent, children[1].PromptTokensComputed);
        AssertSame(fresh.Generate([new(childB, 10)], Sampling)[0], children[1]);
    }

    [Fact]
    public void Stop_strings_end_tokens_and_limits_end_sequences_independently()
    {
        using var engine = Engine(cacheBytes: 0);
        var greedy = engine.Generate([new(Prompt("look"), 1)], new SamplingOptions(Temperature: 0, MaxNewTokens: 20))[0];
        Assert.Equal(FinishReason.MaxTokens, greedy.Finish);
        Assert.Equal(20, greedy.TokenIds.Length);
        // Stop on the text of the third greedy token: generation ends right after it appears.
        string stop = Tokenizer.Decode(greedy.TokenIds.AsSpan(2, 1));
        var stopped = engine.Generate([new(Prompt("look"), 1), new(Prompt("go"), 2)],
            new SamplingOptions(Temperature: 0, MaxNewTokens: 20, StopStrings: [stop]))[0];
        Assert.Equal(FinishReason.StopString, stopped.Finish);
        Assert.Contains(stop, stopped.Text);
        Assert.True(stopped.TokenIds.Length <= 3);
        Assert.Equal(greedy.TokenIds.Take(stopped.TokenIds.Length), stopped.TokenIds);
        Assert.Throws<ArgumentException>(() => engine.Generate([new([], 1)], Sampling));
        Assert.Throws<ArgumentException>(() => engine.Generate([new([Tokenizer.VocabSize + 5], 1)], Sampling));
    }
}
