using Spark.Core.Configuration;
using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;
using HfTokenizer = Tokenizers.DotNet.Tokenizer;

namespace Spark.Models.Tests.Tokenization;

public sealed class BpeTrainerTests
{
    static BpeTrainerOptions NoSpecials(int vocabSize) => new()
    {
        VocabSize = vocabSize, SpecialTokens = [BuiltInTokens.ImEnd], MinFrequency = 1,
    };

    [Fact]
    public void Learns_the_most_frequent_pair_first()
    {
        // "aaabdaaabac": (a,a) occurs 4 times, then (a,b) 3 times, then (aa,ab) twice.
        var result = BpeTrainer.Train(["aaabdaaabac"], NoSpecials(256 + 3 + 1));
        Assert.Equal([new BpeMerge("a", "a"), new BpeMerge("a", "b"), new BpeMerge("aa", "ab")], result.Definition.Merges);
        Assert.Equal(256 + 2, result.Definition.Vocab["aaab"]);
    }

    [Fact]
    public void Breaks_ties_by_the_smallest_pair_of_ids()
    {
        // Words "ab" and " cd": (a,b), (Ġ,c), (c,d) once each. Byte ids follow GPT-2's order: a=64 < c=66 < Ġ=220.
        var result = BpeTrainer.Train(["ab cd"], NoSpecials(256 + 3 + 1));
        Assert.Equal([new BpeMerge("a", "b"), new BpeMerge("c", "d"), new BpeMerge("Ġ", "cd")], result.Definition.Merges);
        Assert.Equal(64, result.Definition.Vocab["a"]);
        Assert.Equal(220, result.Definition.Vocab["Ġ"]);
    }

    [Fact]
    public void Same_corpus_gives_the_same_files_whatever_the_order_of_its_texts()
    {
        var texts = TokenizerSamples.FixtureTexts.Select(t => t.Text).ToList();
        var options = new BpeTrainerOptions { VocabSize = 700 };
        var first = BpeTrainer.Train(texts, options);
        var again = BpeTrainer.Train(texts, options);
        var reversed = BpeTrainer.Train(Enumerable.Reverse(texts), options);
        string json = TokenizerJson.Write(first.Definition);
        Assert.Equal(json, TokenizerJson.Write(again.Definition));
        Assert.Equal(json, TokenizerJson.Write(reversed.Definition));
        Assert.Equal(TokenizerConfigJson.Write(first.Definition, first.Settings), TokenizerConfigJson.Write(again.Definition, again.Settings));
    }

    [Fact]
    public void Trained_vocabulary_has_the_requested_size_and_special_tokens_at_the_end()
    {
        var tokenizer = TrainedTokenizer.Tokenizer;
        Assert.Equal(TrainedTokenizer.VocabSize, tokenizer.VocabSize);
        Assert.Equal("vocabulary size reached", TrainedTokenizer.Result.Stats.StopReason);
        int first = TrainedTokenizer.VocabSize - BuiltInTokens.All.Count;
        for (int i = 0; i < BuiltInTokens.All.Count; i++)
        {
            Assert.Equal(first + i, tokenizer.TokenToId(BuiltInTokens.All[i]));
            Assert.Equal([first + i], tokenizer.Encode(BuiltInTokens.All[i]));
        }
        Assert.Equal(tokenizer.TokenToId(BuiltInTokens.ImEnd), tokenizer.EndOfResponseId);
        Assert.Equal(tokenizer.TokenToId(BuiltInTokens.EndOfText), tokenizer.PadId);
    }

    [Fact]
    public void Tags_inside_text_are_single_tokens()
    {
        var tokenizer = TrainedTokenizer.Tokenizer;
        int[] ids = tokenizer.Encode("<think>the mug is in the cabinet</think>\n<action>go to cabinet 1</action>");
        Assert.Equal(tokenizer.TokenToId("<think>"), ids[0]);
        Assert.Equal(tokenizer.TokenToId("</action>"), ids[^1]);
        Assert.Contains(tokenizer.TokenToId("</think>")!.Value, ids);
        Assert.Contains(tokenizer.TokenToId("<action>")!.Value, ids);
    }

    [Fact]
    public void Special_tokens_in_the_corpus_are_cut_out_before_counting()
    {
        var corpus = string.Concat(Enumerable.Repeat("<action>go north</action>\n", 200));
        var result = BpeTrainer.Train([corpus], new BpeTrainerOptions { VocabSize = 300 });
        Assert.DoesNotContain(result.Definition.Vocab.Keys, token => token.Contains("action"));
        Assert.Contains("Ġnorth", result.Definition.Vocab.Keys);
    }

    [Fact]
    public void Learnt_merges_compress_the_environments_text()
    {
        var tokenizer = TrainedTokenizer.Tokenizer;
        string text = string.Concat(TokenizerSamples.FixtureTexts.Select(t => t.Text));
        double tokensPerByte = tokenizer.Encode(text).Length / (double)System.Text.Encoding.UTF8.GetByteCount(text);
        Assert.True(tokensPerByte < 0.4, $"{tokensPerByte:F3} tokens per byte: the merges do not compress");
    }

    [Fact]
    public void Stops_early_with_the_reason_when_the_corpus_runs_out_of_pairs()
    {
        var result = BpeTrainer.Train(["tiny corpus tiny corpus"], new BpeTrainerOptions { VocabSize = 4096 });
        Assert.Contains("no pair occurs 2 times", result.Stats.StopReason);
        Assert.True(result.Definition.Size < 4096);
        Assert.Equal(result.Definition.Size, result.CreateTokenizer().VocabSize);
    }

    [Fact]
    public void Rejects_a_vocabulary_too_small_for_the_bytes_and_specials()
    {
        var e = Assert.Throws<ConfigException>(() => BpeTrainer.Train(["x"], new BpeTrainerOptions { VocabSize = 260 }));
        Assert.Equal("vocab-size", e.Field);
    }

    [Fact]
    public void Hugging_face_loads_our_tokenizer_json_and_agrees_on_every_id()
    {
        var ours = TrainedTokenizer.Tokenizer;
        using var reference = new HfTokenizer(vocabPath: Path.Combine(TrainedTokenizer.Dir, TokenizerFiles.TokenizerJsonFileName));
        foreach (string text in TokenizerSamples.EdgeCases.Where(t => t.Length > 0).Concat(TokenizerSamples.FixtureTexts.Select(t => t.Text)))
        {
            int[] expected = reference.Encode(text).Select(id => (int)id).ToArray();
            Assert.True(expected.SequenceEqual(ours.Encode(text)), $"ids differ on '{(text.Length > 60 ? text[..60] : text)}'");
        }
    }

    [Fact]
    public void Trained_tokenizer_round_trips_the_fixture_texts()
    {
        var tokenizer = TrainedTokenizer.Tokenizer;
        foreach (var (name, text) in TokenizerSamples.FixtureTexts)
            Assert.True(text == tokenizer.Decode(tokenizer.Encode(text)), $"{name} does not round-trip");
        foreach (string text in TokenizerSamples.EdgeCases)
            Assert.Equal(NfcNormalizer.Instance.Normalize(text), tokenizer.Decode(tokenizer.Encode(text)));
    }
}
