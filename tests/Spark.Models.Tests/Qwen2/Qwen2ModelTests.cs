using Spark.Core.Configuration;
using Spark.Models.Qwen2;
using Spark.Models.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Tests.Qwen2;

public sealed class Qwen2ModelTests
{
    [Fact]
    public void Parameter_names_are_hugging_faces()
    {
        var names = TinyModels.Create(100, tied: false).state_dict().Keys.ToHashSet();
        string[] expected =
        [
            "model.embed_tokens.weight", "model.norm.weight", "lm_head.weight",
            "model.layers.0.self_attn.q_proj.weight", "model.layers.0.self_attn.q_proj.bias",
            "model.layers.0.self_attn.k_proj.weight", "model.layers.0.self_attn.k_proj.bias",
            "model.layers.0.self_attn.v_proj.weight", "model.layers.0.self_attn.v_proj.bias",
            "model.layers.0.self_attn.o_proj.weight", "model.layers.1.mlp.gate_proj.weight",
            "model.layers.1.mlp.up_proj.weight", "model.layers.1.mlp.down_proj.weight",
            "model.layers.1.input_layernorm.weight", "model.layers.1.post_attention_layernorm.weight",
        ];
        foreach (var name in expected) Assert.Contains(name, names);
        Assert.Equal(2 * 12 + 3, names.Count);
        Assert.DoesNotContain("lm_head.weight", TinyModels.Create(100, tied: true).state_dict().Keys);
    }

    [Theory]
    [InlineData("tiny", 2048, 900_000, 1_300_000)]
    [InlineData("small", 2048, 5_000_000, 20_000_000)]
    public void Presets_have_the_documented_size(string preset, int vocab, long min, long max)
    {
        var config = Qwen2Presets.Create(preset, vocab);
        long count = config.ParameterCount();
        Assert.InRange(count, min, max);
        if (preset == "tiny") Assert.Equal(count, new Qwen2ForCausalLM(config).ParameterCount());
    }

    [Fact]
    public void Bad_config_names_the_field()
    {
        var e = Assert.Throws<ConfigException>(() => Qwen2Config.Parse("""{"model_type":"qwen2","vocab_size":10,"hidden_size":64,"intermediate_size":8,"num_hidden_layers":1,"num_attention_heads":5,"num_key_value_heads":1}"""));
        Assert.Contains("num_attention_heads", e.Message);
        Assert.Throws<ConfigException>(() => Qwen2Presets.Create("huge", 100));
    }

    [Fact]
    public void Config_round_trips_and_keeps_unknown_fields()
    {
        var json = """{"model_type":"qwen2","vocab_size":10,"hidden_size":8,"intermediate_size":8,"num_hidden_layers":1,"num_attention_heads":2,"num_key_value_heads":1,"rope_scaling":null,"sliding_window":4096}""";
        var config = Qwen2Config.Parse(json);
        var again = Qwen2Config.Parse(config.ToJson());
        Assert.Equal(4096, again.Extra!["sliding_window"].GetInt32());
        Assert.Equal(config.HiddenSize, again.HiddenSize);
    }

    [Fact]
    public void Full_forward_equals_step_by_step_forward_with_a_kv_cache()
    {
        var model = TinyModels.Create(50);
        using var _ = no_grad();
        var ids = tensor(new long[] { 3, 14, 15, 9, 26, 5, 35, 8, 9, 7 }, [1, 10]);
        var full = model.Forward(ids, Qwen2ForCausalLM.Positions(1, 10, CPU));

        using var cache = KvCache.For(model, 1, 16);
        var prefill = model.Forward(ids.narrow(1, 0, 4), Qwen2ForCausalLM.Positions(1, 4, CPU), cache);
        var steps = new List<Tensor> { prefill };
        for (int t = 4; t < 10; t++)
            steps.Add(model.Forward(ids.narrow(1, t, 1), tensor(new long[] { t }, [1, 1]), cache));
        var stepwise = cat(steps, 1);

        Assert.Equal(10, cache.Length);
        Assert.True(full.allclose(stepwise, rtol: 0, atol: 1e-4), $"max diff {(full - stepwise).abs().max().item<float>()}");
    }

    [Fact]
    public void Batch_rows_do_not_affect_each_other()
    {
        var model = TinyModels.Create(50);
        using var _ = no_grad();
        var a = tensor(new long[] { 1, 2, 3, 4, 5, 6 }, [1, 6]);
        var b = tensor(new long[] { 9, 8, 7, 6, 5, 4 }, [1, 6]);
        var alone = model.Forward(a, Qwen2ForCausalLM.Positions(1, 6, CPU));
        var batched = model.Forward(cat([a, b], 0), Qwen2ForCausalLM.Positions(2, 6, CPU));
        Assert.True(alone[0].allclose(batched[0], rtol: 0, atol: 1e-4));
        Assert.False(batched[0].allclose(batched[1], atol: 1e-3));
    }

    [Fact]
    public void Runs_in_bfloat16()
    {
        var model = TinyModels.Create(50);
        model.to(ScalarType.BFloat16);
        using var _ = no_grad();
        var logits = model.Forward(tensor(new long[] { 1, 2, 3 }, [1, 3]), Qwen2ForCausalLM.Positions(1, 3, CPU));
        Assert.Equal(ScalarType.BFloat16, logits.dtype);
        Assert.True(logits.isfinite().all().item<bool>());
    }
}
