using Spark.Core.Text;
using Spark.Models.Tokenization;
using HfTokenizer = Tokenizers.DotNet.Tokenizer;

namespace Spark.Models.Tests.Tokenization;

/// <summary>
/// Our loader against Hugging Face's own tokenizers (Rust, via Tokenizers.DotNet) on a real Qwen tokenizer.json.
/// Skipped, with the reason, when the Qwen tokenizer cannot be fetched (see <see cref="QwenTokenizerSource"/>).
/// </summary>
public sealed class QwenReferenceTests
{
    static readonly Lazy<(ByteLevelBpeTokenizer Ours, HfTokenizer Reference)> Loaded = new(() =>
    {
        string dir = QwenTokenizerSource.RequireFolder();
        return (TokenizerFiles.LoadBpe(dir), new HfTokenizer(vocabPath: Path.Combine(dir, "tokenizer.json")));
    });

    static (ByteLevelBpeTokenizer Ours, HfTokenizer Reference) Tokenizers()
    {
        QwenTokenizerSource.RequireFolder();
        return Loaded.Value;
    }

    static int[] ReferenceIds(HfTokenizer reference, string text) =>
        text.Length == 0 ? [] : reference.Encode(text).Select(id => checked((int)id)).ToArray();

    static IEnumerable<string> SampleCorpus() =>
        TokenizerSamples.EdgeCases
            .Concat(TokenizerSamples.FixtureTexts.Select(t => t.Text))
            .Concat(TokenizerSamples.FixtureTexts.SelectMany(t => t.Text.Split('\n')));

    [SkippableFact]
    public void Ids_equal_hugging_face_on_the_sample_corpus()
    {
        var (ours, reference) = Tokenizers();
        int texts = 0, tokens = 0;
        foreach (string text in SampleCorpus())
        {
            int[] expected = ReferenceIds(reference, text);
            Assert.True(expected.SequenceEqual(ours.Encode(text)),
                $"ids differ on {Show(text)}:\n ours {string.Join(",", ours.Encode(text))}\n   hf {string.Join(",", expected)}");
            texts++;
            tokens += expected.Length;
        }
        Assert.True(texts > 500 && tokens > 50_000, $"sample corpus too small: {texts} texts, {tokens} tokens");
    }

    [SkippableFact]
    public void Decode_round_trips_the_fixture_texts()
    {
        var (ours, _) = Tokenizers();
        foreach (string text in SampleCorpus())
            Assert.Equal(NfcNormalizer.Instance.Normalize(text), ours.Decode(ours.Encode(text)));
    }

    [SkippableFact]
    public void Chat_markers_are_single_tokens_with_qwens_ids()
    {
        var (ours, reference) = Tokenizers();
        Assert.Equal(151643, ours.TokenToId("<|endoftext|>"));
        Assert.Equal(151644, ours.TokenToId("<|im_start|>"));
        Assert.Equal(151645, ours.TokenToId("<|im_end|>"));
        Assert.Equal(151645, ours.EndOfResponseId);
        Assert.Equal(151643, ours.PadId);
        Assert.Contains(151645, ours.StopIds);
        Assert.Equal([151644], ours.Encode("<|im_start|>"));
        Assert.Equal(ReferenceIds(reference, "<think>"), ours.Encode("<think>"));
    }

    [SkippableFact]
    public void Chat_prompt_equals_qwen25_template_tokenized_by_hugging_face()
    {
        var (ours, reference) = Tokenizers();
        var qwen25 = new ChatMLFormat(ours.Encode, new ChatOptions(ChatOptions.QwenDefaultSystemPrompt));
        var conversation = new[]
        {
            ChatMessage.User("You are in the middle of a room. Your task is to: put a clean mug in coffeemachine."),
            ChatMessage.Assistant("<think>Find a mug first.</think>\n<action>go to countertop 1</action>"),
            ChatMessage.User("On the countertop 1, you see a mug 1."),
        };
        string expected =
            "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n" +
            "<|im_start|>user\nYou are in the middle of a room. Your task is to: put a clean mug in coffeemachine.<|im_end|>\n" +
            "<|im_start|>assistant\n<think>Find a mug first.</think>\n<action>go to countertop 1</action><|im_end|>\n" +
            "<|im_start|>user\nOn the countertop 1, you see a mug 1.<|im_end|>\n" +
            "<|im_start|>assistant\n";
        Assert.Equal(expected, qwen25.Render(conversation, addGenerationPrompt: true));
        Assert.Equal(ReferenceIds(reference, expected), qwen25.Prompt(conversation));
    }

    [SkippableFact]
    public void Qwen3_template_adds_no_default_system_prompt()
    {
        var (ours, _) = Tokenizers();
        Assert.NotNull(ours.Settings.ChatTemplate);
        Assert.Null(ours.ChatML!.Options.DefaultSystemPrompt);
    }

    static string Show(string text) => text.Length > 80 ? $"'{text[..80]}…'" : $"'{text}'";
}
