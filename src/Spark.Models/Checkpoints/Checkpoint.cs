using System.Text.Json;
using System.Text.Json.Nodes;
using Spark.Core.IO;
using Spark.Models.Qwen2;
using Spark.Models.Runtime;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Spark.Models.Checkpoints;

/// <summary>How to save a checkpoint folder.</summary>
/// <param name="TokenizerSource">Folder whose tokenizer files are copied alongside (null: none).</param>
/// <param name="Generation">Written as generation_config.json (null: derived from the config's end token).</param>
/// <param name="DType">Dtype of the saved weights (null: the model's).</param>
/// <param name="MaxShardBytes">Above this the weights are split into shards with an index.</param>
public sealed record CheckpointSaveOptions(
    string? TokenizerSource = null,
    GenerationConfig? Generation = null,
    ScalarType? DType = null,
    long MaxShardBytes = 2L << 30);

/// <summary>
/// Hugging Face checkpoint folders: <c>config.json</c>, <c>model.safetensors</c> (or shards plus
/// <c>model.safetensors.index.json</c>), <c>generation_config.json</c> and the tokenizer files.
/// Loads real Qwen2/Qwen2.5 folders (bf16/f16/f32, tied embeddings without <c>lm_head.weight</c>).
/// </summary>
public static class Checkpoint
{
    public const string ConfigFile = "config.json";
    public const string WeightsFile = "model.safetensors";
    public const string IndexFile = "model.safetensors.index.json";
    public const string GenerationConfigFile = "generation_config.json";

    /// <summary>Tokenizer files copied with a checkpoint (whichever exist).</summary>
    public static readonly IReadOnlyList<string> TokenizerFiles =
        ["tokenizer.json", "tokenizer_config.json", "vocab.json", "merges.txt", "special_tokens_map.json", "added_tokens.json"];

    public static Qwen2Config ReadConfig(string dir)
    {
        string path = Path.Combine(dir, ConfigFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"not a checkpoint folder: {path} is missing");
        return Qwen2Config.Load(path);
    }

    public static GenerationConfig? ReadGenerationConfig(string dir)
    {
        string path = Path.Combine(dir, GenerationConfigFile);
        return File.Exists(path) ? GenerationConfig.Parse(File.ReadAllText(path), path) : null;
    }

    /// <summary>Writes the whole folder atomically (a crash leaves the old folder or the new one).</summary>
    public static void Save(Qwen2ForCausalLM model, string dir, CheckpointSaveOptions? options = null)
    {
        options ??= new CheckpointSaveOptions();
        var dtype = options.DType ?? model.DType;
        AtomicFile.ReplaceDirectory(dir, staging =>
        {
            using var scope = NewDisposeScope();
            var tensors = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().to(dtype));
            WriteWeights(staging, tensors, options.MaxShardBytes);
            var config = model.Config with { TorchDtype = DTypeName(dtype) };
            File.WriteAllText(Path.Combine(staging, ConfigFile), config.ToJson());
            var generation = options.Generation ?? new GenerationConfig(
                config.EosTokenId is int eos ? [eos] : [], BosTokenId: config.BosTokenId);
            File.WriteAllText(Path.Combine(staging, GenerationConfigFile), generation.ToJson());
            if (options.TokenizerSource != null) CopyTokenizer(options.TokenizerSource, staging);
        });
    }

    /// <summary>Loads a checkpoint folder onto <paramref name="device"/> in <paramref name="dtype"/> (default: CPU, float32).</summary>
    public static Qwen2ForCausalLM Load(string dir, Device? device = null, ScalarType dtype = ScalarType.Float32)
    {
        TorchRuntime.EnsureLoadable();
        var config = ReadConfig(dir);
        var model = new Qwen2ForCausalLM(config, seed: null);
        var parameters = model.state_dict();
        var loaded = new HashSet<string>();
        using (no_grad())
        {
            foreach (string file in WeightFiles(dir))
            {
                foreach (var (name, tensor) in Safetensors.LoadStateDict(file))
                {
                    using (tensor)
                    {
                        if (name == "lm_head.weight" && config.TieWordEmbeddings) continue; // some tied checkpoints store it too
                        if (!parameters.TryGetValue(name, out var target))
                            throw new InvalidDataException($"{file}: unexpected tensor '{name}' for this Qwen2 config");
                        if (!target.shape.SequenceEqual(tensor.shape))
                            throw new InvalidDataException($"{file}: '{name}' has shape [{string.Join(",", tensor.shape)}], config expects [{string.Join(",", target.shape)}]");
                        target.copy_(tensor);
                        loaded.Add(name);
                    }
                }
            }
        }
        var missing = parameters.Keys.Where(k => !loaded.Contains(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{dir}: checkpoint lacks {missing.Count} tensors, e.g. '{missing[0]}'");
        model.to(dtype);
        if (device != null) model.to(device);
        model.eval();
        return model;
    }

    static IEnumerable<string> WeightFiles(string dir)
    {
        string single = Path.Combine(dir, WeightsFile), index = Path.Combine(dir, IndexFile);
        if (File.Exists(index))
        {
            var map = JsonNode.Parse(File.ReadAllText(index))?["weight_map"] as JsonObject
                      ?? throw new InvalidDataException($"{index}: no weight_map");
            return map.Select(kv => kv.Value!.GetValue<string>()).Distinct().Select(f => Path.Combine(dir, f)).ToList();
        }
        if (File.Exists(single)) return [single];
        throw new FileNotFoundException($"no {WeightsFile} or {IndexFile} in {dir}");
    }

    static void WriteWeights(string dir, Dictionary<string, Tensor> tensors, long maxShardBytes)
    {
        var shards = new List<Dictionary<string, Tensor>> { new() };
        long current = 0, total = 0;
        foreach (var (name, t) in tensors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            long size = t.numel() * t.ElementSize;
            if (current > 0 && current + size > maxShardBytes)
            {
                shards.Add(new());
                current = 0;
            }
            shards[^1][name] = t;
            current += size;
            total += size;
        }
        if (shards.Count == 1)
        {
            SafetensorsWriter.Write(Path.Combine(dir, WeightsFile), shards[0]);
            return;
        }
        var weightMap = new JsonObject();
        for (int i = 0; i < shards.Count; i++)
        {
            string file = $"model-{i + 1:D5}-of-{shards.Count:D5}.safetensors";
            SafetensorsWriter.Write(Path.Combine(dir, file), shards[i]);
            foreach (var name in shards[i].Keys) weightMap[name] = file;
        }
        var index = new JsonObject { ["metadata"] = new JsonObject { ["total_size"] = total }, ["weight_map"] = weightMap };
        File.WriteAllText(Path.Combine(dir, IndexFile), index.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    static void CopyTokenizer(string source, string target)
    {
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"tokenizer folder not found: {source}");
        int copied = 0;
        foreach (var name in TokenizerFiles)
        {
            string from = Path.Combine(source, name);
            if (!File.Exists(from)) continue;
            File.Copy(from, Path.Combine(target, name));
            copied++;
        }
        if (copied == 0) throw new FileNotFoundException($"no tokenizer files ({string.Join(", ", TokenizerFiles)}) in {source}");
    }

    public static string DTypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float16 => "float16",
        _ => dtype.ToString().ToLowerInvariant(),
    };
}
