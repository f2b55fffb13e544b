using System.Text.Json;
using System.Text.Json.Nodes;
using Spark.Models.Tokenization;

namespace Spark.Models.Tests.Tokenization;

public sealed class TokenizerFilesTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spark-tokenizer-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static IEnumerable<string> Texts => TokenizerSamples.EdgeCases.Concat(TokenizerSamples.FixtureTexts.Select(t => t.Text));

    string Copy(params string[] files)
    {
        foreach (string file in files) File.Copy(Path.Combine(TrainedTokenizer.Dir, file), Path.Combine(_dir, file), overwrite: true);
        return _dir;
    }

    [Fact]
    public void Save_then_load_keeps_ids_settings_and_unknown_config_fields()
    {
        var original = TrainedTokenizer.Tokenizer;
        var settings = original.Settings with { Original = new JsonObject { ["model_max_length"] = 4096 } };
        TokenizerFiles.Save(original.Definition, settings, _dir);
        var loaded = TokenizerFiles.LoadBpe(_dir);
        foreach (string text in Texts) Assert.Equal(original.Encode(text), loaded.Encode(text));
        Assert.Equal(original.EndOfResponseId, loaded.EndOfResponseId);
        Assert.Equal(original.PadId, loaded.PadId);
        Assert.Equal(original.Settings.ChatTemplate, loaded.Settings.ChatTemplate);
        Assert.Equal(4096, loaded.Settings.Original!["model_max_length"]!.GetValue<int>());
        TokenizerFiles.Save(loaded, Path.Combine(_dir, "again"));
        Assert.Equal(File.ReadAllText(Path.Combine(_dir, "tokenizer.json")), File.ReadAllText(Path.Combine(_dir, "again", "tokenizer.json")));
    }

    [Fact]
    public void Vocab_json_and_merges_txt_load_like_tokenizer_json()
    {
        var definition = TrainedTokenizer.Tokenizer.Definition;
        Copy(TokenizerConfigJson.FileName);
        File.WriteAllText(Path.Combine(_dir, TokenizerFiles.VocabFileName), JsonSerializer.Serialize(definition.Vocab));
        File.WriteAllLines(Path.Combine(_dir, TokenizerFiles.MergesFileName),
            new[] { "#version: 0.2" }.Concat(definition.Merges.Select(m => $"{m.Left} {m.Right}")));
        var loaded = TokenizerFiles.LoadBpe(_dir);
        foreach (string text in Texts) Assert.Equal(TrainedTokenizer.Tokenizer.Encode(text), loaded.Encode(text));
        Assert.Equal(TrainedTokenizer.Tokenizer.EndOfResponseId, loaded.EndOfResponseId);
    }

    [Fact]
    public void Generation_config_eos_ids_become_stop_ids()
    {
        Copy(TokenizerFiles.TokenizerJsonFileName, TokenizerConfigJson.FileName);
        int endOfText = TrainedTokenizer.Tokenizer.PadId;
        File.WriteAllText(Path.Combine(_dir, TokenizerConfigJson.GenerationConfigFileName), $$"""{"eos_token_id": [{{endOfText}}, 7], "pad_token_id": {{endOfText}}}""");
        var loaded = TokenizerFiles.LoadBpe(_dir);
        Assert.Equal([loaded.EndOfResponseId, endOfText, 7], loaded.StopIds);
    }

    [Fact]
    public void Without_a_config_the_chat_markers_still_decide_end_and_pad()
    {
        Copy(TokenizerFiles.TokenizerJsonFileName);
        var loaded = TokenizerFiles.LoadBpe(_dir);
        Assert.Equal(loaded.TokenToId("<|im_end|>"), loaded.EndOfResponseId);
        Assert.Equal(loaded.TokenToId("<|endoftext|>"), loaded.PadId);
        Assert.Null(loaded.ChatML!.Options.DefaultSystemPrompt);
    }

    [Fact]
    public void Missing_folder_and_missing_files_are_clear_errors()
    {
        Assert.Throws<DirectoryNotFoundException>(() => TokenizerFiles.Load(Path.Combine(_dir, "nope")));
        var e = Assert.Throws<FileNotFoundException>(() => TokenizerFiles.Load(_dir));
        Assert.Contains("tokenizer.json", e.Message);
    }

    [Theory]
    [InlineData("model.type", "WordPiece", "only byte-level BPE")]
    [InlineData("model.byte_fallback", true, "byte_fallback")]
    [InlineData("normalizer.type", "NFKC", "NFKC")]
    public void Unsupported_tokenizer_json_names_the_field(string field, object value, string expected)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(TrainedTokenizer.Dir, TokenizerFiles.TokenizerJsonFileName)))!.AsObject();
        string[] path = field.Split('.');
        if (json[path[0]] is not JsonObject parent) json[path[0]] = parent = new JsonObject();
        parent[path[1]] = JsonValue.Create(value);
        File.WriteAllText(Path.Combine(_dir, TokenizerFiles.TokenizerJsonFileName), json.ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => TokenizerFiles.Load(_dir));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_merge_whose_parts_are_not_in_the_vocabulary_is_refused()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(TrainedTokenizer.Dir, TokenizerFiles.TokenizerJsonFileName)))!.AsObject();
        json["model"]!["merges"]!.AsArray().Add(new JsonArray("zz", "qq"));
        File.WriteAllText(Path.Combine(_dir, TokenizerFiles.TokenizerJsonFileName), json.ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => TokenizerFiles.Load(_dir));
        Assert.Contains("model.merges[", e.Message);
    }

    [Fact]
    public void Encoding_from_many_threads_gives_the_same_ids()
    {
        var tokenizer = TrainedTokenizer.Tokenizer;
        var texts = TokenizerSamples.FixtureTexts.SelectMany(t => t.Text.Split('\n')).ToArray();
        var expected = texts.Select(tokenizer.Encode).ToArray();
        var actual = new int[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = tokenizer.Encode(texts[i]));
        for (int i = 0; i < texts.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public void Decode_skips_unknown_ids_and_replaces_broken_utf8()
    {
        var tokenizer = TrainedTokenizer.Tokenizer;
        int[] mug = tokenizer.Encode("mug");
        Assert.Equal("mug", tokenizer.Decode([-1, .. mug, tokenizer.VocabSize + 5]));
        int[] euro = tokenizer.Encode("€"); // three bytes, not merged in this vocabulary
        Assert.Equal(3, euro.Length);
        Assert.Equal("\uFFFD", tokenizer.Decode(euro[..2]));
        Assert.Equal("<action>", tokenizer.Decode([tokenizer.TokenToId("<action>")!.Value]));
    }

    [Fact]
    public void Token_to_id_takes_text_and_id_to_token_gives_the_vocabulary_spelling()
    {
        var tokenizer = TrainedTokenizer.Tokenizer;
        int space = tokenizer.TokenToId(" ")!.Value;
        Assert.Equal(220, space);
        Assert.Equal("Ġ", tokenizer.IdToToken(space));
        Assert.Equal([space], tokenizer.Encode(" "));
        int? the = tokenizer.TokenToId(" the");
        Assert.NotNull(the);
        Assert.Equal("Ġthe", tokenizer.IdToToken(the.Value));
        Assert.Null(tokenizer.TokenToId("Ġthe"));
        Assert.Null(tokenizer.TokenToId("not a single token at all"));
        Assert.True(tokenizer.IsAddedToken(tokenizer.TokenToId("<explore>")!.Value));
        Assert.False(tokenizer.IsAddedToken(the.Value));
    }
}
