using Spark.Core.IO;
using Spark.Models.Checkpoints;
using Spark.Models.Qwen2;
using Spark.Models.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Gguf;

/// <summary>
/// Writes a checkpoint folder as a qwen2-architecture GGUF that llama.cpp loads: weights renamed to llama.cpp's
/// names (no RoPE permutation: qwen2 uses the NEOX layout, which is Hugging Face's), F32 or Q8_0 matrices (norms,
/// biases and matrices whose rows are not a multiple of 32 stay F32), and the gpt2-style tokenizer metadata.
/// </summary>
public static class GgufExporter
{
    const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    public static void Export(string checkpointDir, string outFile, GgmlType type = GgmlType.F32)
    {
        if (type is not (GgmlType.F32 or GgmlType.Q8_0)) throw new ArgumentException($"unsupported GGUF type {type} (f32 or q8_0)");
        var config = Checkpoint.ReadConfig(checkpointDir);
        var tokenizer = TokenizerFiles.LoadBpe(checkpointDir);
        var generation = Checkpoint.ReadGenerationConfig(checkpointDir);
        using var model = Checkpoint.Load(checkpointDir);

        var gguf = new GgufWriter();
        gguf.Add("general.architecture", "qwen2");
        gguf.Add("general.name", Path.GetFileName(Path.GetFullPath(checkpointDir).TrimEnd('/')));
        gguf.Add("general.file_type", type == GgmlType.F32 ? 0u : 7u);
        gguf.Add("qwen2.context_length", (uint)config.MaxPositionEmbeddings);
        gguf.Add("qwen2.embedding_length", (uint)config.HiddenSize);
        gguf.Add("qwen2.block_count", (uint)config.NumHiddenLayers);
        gguf.Add("qwen2.feed_forward_length", (uint)config.IntermediateSize);
        gguf.Add("qwen2.attention.head_count", (uint)config.NumAttentionHeads);
        gguf.Add("qwen2.attention.head_count_kv", (uint)config.NumKeyValueHeads);
        gguf.Add("qwen2.attention.layer_norm_rms_epsilon", (float)config.RmsNormEps);
        gguf.Add("qwen2.rope.freq_base", (float)config.RopeTheta);
        AddTokenizer(gguf, config, tokenizer, generation);

        using (no_grad())
            foreach (var (name, tensor) in model.state_dict())
            {
                using var data = tensor.detach().to(ScalarType.Float32).cpu().contiguous();
                var values = data.data<float>().ToArray();
                bool quantize = type == GgmlType.Q8_0 && data.dim() == 2 && data.shape[1] % GgmlQuantize.Q8Block == 0;
                gguf.AddTensor(GgufName(name), data.shape, quantize ? GgmlType.Q8_0 : GgmlType.F32,
                    quantize ? GgmlQuantize.Q8_0(values) : GgmlQuantize.F32(values));
            }
        AtomicFile.Write(outFile, gguf.Write);
    }

    static void AddTokenizer(GgufWriter gguf, Qwen2Config config, ByteLevelBpeTokenizer tokenizer, GenerationConfig? generation)
    {
        var definition = tokenizer.Definition;
        var tokens = new string[config.VocabSize];
        var types = new int[config.VocabSize];
        for (int id = 0; id < tokens.Length; id++) (tokens[id], types[id]) = ($"[PAD{id}]", 5); // unused: embedding rows past the vocabulary
        foreach (var (token, id) in definition.Vocab.Where(kv => kv.Value < tokens.Length)) (tokens[id], types[id]) = (token, 1);
        foreach (var added in definition.AddedTokens.Where(a => a.Id < tokens.Length))
            (tokens[added.Id], types[added.Id]) = (added.Content, added.Special ? 3 : 4); // control / user-defined
        int eos = generation?.EosTokenIds.FirstOrDefault() is int g && g > 0 ? g : config.EosTokenId ?? tokenizer.EndOfResponseId;
        gguf.Add("tokenizer.ggml.model", "gpt2");
        gguf.Add("tokenizer.ggml.pre", "qwen2");
        gguf.Add("tokenizer.ggml.tokens", tokens);
        gguf.Add("tokenizer.ggml.token_type", types);
        gguf.Add("tokenizer.ggml.merges", definition.Merges.Select(m => $"{m.Left} {m.Right}").ToList());
        gguf.Add("tokenizer.ggml.eos_token_id", (uint)eos);
        gguf.Add("tokenizer.ggml.padding_token_id", (uint)(generation?.PadTokenId ?? tokenizer.PadId));
        gguf.Add("tokenizer.ggml.bos_token_id", (uint)(config.BosTokenId ?? generation?.BosTokenId ?? eos));
        gguf.Add("tokenizer.ggml.add_bos_token", false);
        gguf.Add("tokenizer.chat_template", tokenizer.Settings.ChatTemplate ?? ChatMlTemplate);
    }

    /// <summary>Hugging Face Qwen2 parameter name → llama.cpp tensor name.</summary>
    public static string GgufName(string hf)
    {
        switch (hf)
        {
            case "model.embed_tokens.weight": return "token_embd.weight";
            case "model.norm.weight": return "output_norm.weight";
            case "lm_head.weight": return "output.weight";
        }
        var parts = hf.Split('.');
        if (parts.Length < 5 || parts[0] != "model" || parts[1] != "layers") throw new ArgumentException($"no GGUF name for '{hf}'");
        string rest = string.Join('.', parts[3..]);
        string mapped = rest switch
        {
            "input_layernorm.weight" => "attn_norm.weight",
            "post_attention_layernorm.weight" => "ffn_norm.weight",
            "self_attn.q_proj.weight" => "attn_q.weight",
            "self_attn.q_proj.bias" => "attn_q.bias",
            "self_attn.k_proj.weight" => "attn_k.weight",
            "self_attn.k_proj.bias" => "attn_k.bias",
            "self_attn.v_proj.weight" => "attn_v.weight",
            "self_attn.v_proj.bias" => "attn_v.bias",
            "self_attn.o_proj.weight" => "attn_output.weight",
            "mlp.gate_proj.weight" => "ffn_gate.weight",
            "mlp.up_proj.weight" => "ffn_up.weight",
            "mlp.down_proj.weight" => "ffn_down.weight",
            _ => throw new ArgumentException($"no GGUF name for '{hf}'"),
        };
        return $"blk.{parts[2]}.{mapped}";
    }
}
