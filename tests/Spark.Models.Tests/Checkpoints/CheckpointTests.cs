using System.Text;
using System.Text.Json.Nodes;
using Spark.Models.Checkpoints;
using Spark.Models.Qwen2;
using Spark.Models.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spark-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static Tensor Logits(Qwen2ForCausalLM model)
    {
        using var _ = no_grad();
        var ids = tensor(new long[] { 5, 17, 3, 42, 8, 1, 99, 23 }, [1, 8]);
        return model.Forward(ids, Qwen2ForCausalLM.Positions(1, 8, CPU));
    }

    [Fact]
    public void Save_then_load_is_bit_exact()
    {
        var model = TinyModels.Create(120, seed: 7, tied: false);
        string dir = Path.Combine(_dir, "ckpt");
        var tokenizer = new TestTokenizer();
        string tokDir = Path.Combine(_dir, "tok");
        tokenizer.WriteTo(tokDir);

        Checkpoint.Save(model, dir, new CheckpointSaveOptions(TokenizerSource: tokDir));
        var loaded = Checkpoint.Load(dir);

        var expected = model.state_dict();
        var actual = loaded.state_dict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, t) in expected)
            Assert.True(t.bytes.SequenceEqual(actual[name].bytes), $"{name} differs");
        Assert.True(File.Exists(Path.Combine(dir, "tokenizer.json")));
        Assert.True(File.Exists(Path.Combine(dir, Checkpoint.GenerationConfigFile)));
        Assert.Equal(model.Config.HiddenSize, Checkpoint.ReadConfig(dir).HiddenSize);
    }

    [Fact]
    public void Safetensors_file_follows_the_python_writer_layout()
    {
        var model = TinyModels.Create(64, seed: 2);
        string dir = Path.Combine(_dir, "ckpt");
        Checkpoint.Save(model, dir);
        var bytes = File.ReadAllBytes(Path.Combine(dir, Checkpoint.WeightsFile));
        long headerLength = SafetensorsWriter.HeaderLength(bytes);
        Assert.Equal(0, headerLength % 8);
        var header = JsonNode.Parse(Encoding.UTF8.GetString(bytes, 8, (int)headerLength))!.AsObject();
        Assert.Equal("pt", header["__metadata__"]!["format"]!.GetValue<string>());
        // Offsets are contiguous from 0 and end exactly at the end of the file.
        var spans = header.Where(kv => kv.Key != "__metadata__")
            .Select(kv => (Start: kv.Value!["data_offsets"]![0]!.GetValue<long>(), End: kv.Value!["data_offsets"]![1]!.GetValue<long>()))
            .OrderBy(s => s.Start).ToList();
        Assert.Equal(0, spans[0].Start);
        for (int i = 1; i < spans.Count; i++) Assert.Equal(spans[i - 1].End, spans[i].Start);
        Assert.Equal(bytes.Length - 8 - headerLength, spans[^1].End);
        Assert.Equal("F32", header["model.norm.weight"]!["dtype"]!.GetValue<string>());
    }

    [Fact]
    public void Bfloat16_tied_checkpoint_loads_with_logits_close_to_the_float32_original()
    {
        var model = TinyModels.Create(120, seed: 3, tied: true);
        string dir = Path.Combine(_dir, "bf16");
        Checkpoint.Save(model, dir, new CheckpointSaveOptions(DType: ScalarType.BFloat16));

        var header = JsonNode.Parse(SafetensorsWriter.ReadHeaderJson(Path.Combine(dir, Checkpoint.WeightsFile)))!.AsObject();
        Assert.DoesNotContain("lm_head.weight", header.Select(kv => kv.Key));
        Assert.Equal("BF16", header["model.embed_tokens.weight"]!["dtype"]!.GetValue<string>());
        Assert.Equal("bfloat16", Checkpoint.ReadConfig(dir).TorchDtype);

        var loaded = Checkpoint.Load(dir);
        Assert.Equal(ScalarType.Float32, loaded.DType);
        var rounded = model.state_dict()["model.embed_tokens.weight"].to(ScalarType.BFloat16).to(ScalarType.Float32);
        Assert.True(rounded.equal(loaded.state_dict()["model.embed_tokens.weight"]).all().item<bool>());

        var expected = Logits(model);
        var actual = Logits(loaded);
        // bf16 keeps 8 mantissa bits (relative rounding 2^-9 per weight); through a few random layers the
        // logits drift by a few percent of their range, while the ranking of the likeliest tokens holds.
        double scale = expected.abs().max().item<float>();
        double diff = (expected - actual).abs().max().item<float>();
        double meanDiff = (expected - actual).abs().mean().item<float>();
        Assert.True(diff <= 0.06 * scale, $"max diff {diff} vs logit scale {scale}");
        Assert.True(meanDiff <= 0.01 * scale, $"mean diff {meanDiff} vs logit scale {scale}");
        Assert.True(diff > 0, "bf16 rounding should change something");
    }

    [Fact]
    public void Sharded_checkpoint_with_an_index_loads_the_same_weights()
    {
        var model = TinyModels.Create(120, seed: 4, tied: false);
        string dir = Path.Combine(_dir, "sharded");
        Checkpoint.Save(model, dir, new CheckpointSaveOptions(MaxShardBytes: 60_000));

        Assert.True(File.Exists(Path.Combine(dir, Checkpoint.IndexFile)));
        Assert.False(File.Exists(Path.Combine(dir, Checkpoint.WeightsFile)));
        Assert.True(Directory.GetFiles(dir, "model-*-of-*.safetensors").Length > 1);
        Assert.True(Logits(model).equal(Logits(Checkpoint.Load(dir))).all().item<bool>());
    }

    [Fact]
    public void Checkpoint_missing_a_tensor_is_refused_with_its_name()
    {
        var model = TinyModels.Create(120, seed: 5, tied: false);
        string dir = Path.Combine(_dir, "untied");
        Checkpoint.Save(model, dir);
        // Claim the embeddings are untied but drop lm_head.weight: the loader must name it.
        var config = Checkpoint.ReadConfig(dir);
        var tensors = model.state_dict().Where(kv => kv.Key != "lm_head.weight").ToDictionary();
        SafetensorsWriter.Write(Path.Combine(dir, Checkpoint.WeightsFile), tensors);
        Assert.False(config.TieWordEmbeddings);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(dir));
        Assert.Contains("lm_head.weight", e.Message);
        Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(Path.Combine(_dir, "nothing")));
    }

    [Fact]
    public void Generation_config_reads_int_or_list_end_tokens()
    {
        Assert.Equal([151645, 151643], GenerationConfig.Parse("""{"eos_token_id":[151645,151643],"top_p":0.8}""").EosTokenIds);
        var single = GenerationConfig.Parse(new GenerationConfig([7], PadTokenId: 3).ToJson());
        Assert.Equal([7], single.EosTokenIds);
        Assert.Equal(3, single.PadTokenId);
    }
}
