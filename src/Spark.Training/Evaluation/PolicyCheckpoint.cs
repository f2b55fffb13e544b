using Spark.Core.Text;
using Spark.Models.Checkpoints;
using Spark.Models.Generation;
using Spark.Models.Qwen2;
using Spark.Models.Tokenization;
using Spark.Training.Presets;
using static TorchSharp.torch;

namespace Spark.Training.Evaluation;

/// <summary>A model with its tokenizer, as loaded from a checkpoint folder.</summary>
public sealed record PolicyModel(Qwen2ForCausalLM Model, ITokenizer Tokenizer);

/// <summary>A checkpoint ready to act: model, tokenizer and the generation engine over them (an <see cref="Spark.Core.Policies.IPolicy"/>).</summary>
public sealed class LoadedPolicy(Qwen2ForCausalLM model, ITokenizer tokenizer, GenerationEngine engine, string dir) : IDisposable
{
    public Qwen2ForCausalLM Model { get; } = model;
    public ITokenizer Tokenizer { get; } = tokenizer;
    public GenerationEngine Engine { get; } = engine;

    /// <summary>The folder it was loaded from.</summary>
    public string Dir { get; } = dir;

    public void Dispose()
    {
        Engine.Dispose();
        Model.Dispose();
    }
}

/// <summary>
/// Checkpoint folders as every command uses them: Hugging Face layout (config.json, model.safetensors,
/// generation_config.json) plus the tokenizer files, so one folder is the whole policy. "tiny" names the shipped
/// base model (<see cref="BuiltInModel"/>).
/// </summary>
public static class PolicyCheckpoint
{
    /// <summary>Loads model (float32) and tokenizer from <paramref name="dir"/> (or "tiny").</summary>
    public static PolicyModel Load(string dir, Device? device = null)
    {
        dir = BuiltInModel.Resolve(dir, "checkpoint");
        var tokenizer = TokenizerFiles.Load(dir);
        var model = Checkpoint.Load(dir, device);
        if (tokenizer.VocabSize > model.Config.VocabSize)
            throw new InvalidDataException($"{dir}: the tokenizer has {tokenizer.VocabSize} tokens, the model only {model.Config.VocabSize}");
        return new PolicyModel(model, tokenizer);
    }

    /// <summary>Loads a checkpoint and wraps it in a generation engine (with generation_config.json's end tokens).</summary>
    public static LoadedPolicy OpenPolicy(string dir, Device? device = null, EngineOptions? options = null)
    {
        dir = BuiltInModel.Resolve(dir, "checkpoint");
        var (model, tokenizer) = Load(dir, device);
        var ends = (options?.ExtraEndTokenIds ?? []).Concat(Checkpoint.ReadGenerationConfig(dir)?.EosTokenIds ?? []).Distinct().ToList();
        var engine = new GenerationEngine(model, tokenizer, (options ?? new EngineOptions()) with { ExtraEndTokenIds = ends });
        return new LoadedPolicy(model, tokenizer, engine, dir);
    }

    /// <summary>Copies the weights of the checkpoint in <paramref name="dir"/> into <paramref name="model"/> (same shapes).</summary>
    public static void LoadWeightsInto(Qwen2ForCausalLM model, string dir)
    {
        using var loaded = Checkpoint.Load(dir, model.Device, model.DType);
        var target = model.state_dict();
        using var _ = no_grad();
        foreach (var (name, tensor) in loaded.state_dict())
        {
            if (!target.TryGetValue(name, out var t) || !t.shape.SequenceEqual(tensor.shape))
                throw new InvalidDataException($"{dir}: '{name}' does not match the model being loaded into");
            t.copy_(tensor);
        }
    }

    /// <summary>Writes model and tokenizer as one checkpoint folder, replacing <paramref name="dir"/> atomically.</summary>
    public static void Save(Qwen2ForCausalLM model, ITokenizer tokenizer, string dir, ScalarType? dtype = null)
    {
        string tokenizerDir = Path.Combine(Path.GetTempPath(), $"spark-tokenizer-{Guid.NewGuid():N}");
        try
        {
            TokenizerFiles.Save(tokenizer, tokenizerDir);
            var generation = new GenerationConfig([tokenizer.EndOfResponseId], PadTokenId: tokenizer.PadId);
            Checkpoint.Save(model, dir, new CheckpointSaveOptions(tokenizerDir, generation, dtype));
        }
        finally
        {
            if (Directory.Exists(tokenizerDir)) Directory.Delete(tokenizerDir, recursive: true);
        }
    }

    /// <summary>
    /// Writes the checkpoint files into <paramref name="runDir"/>, which also holds other files (metrics, run
    /// checkpoints) that stay. Each file is replaced atomically, the weights last; the files of one call all have the
    /// same shapes, so a crash midway still leaves a loadable folder.
    /// </summary>
    public static void Publish(Qwen2ForCausalLM model, ITokenizer tokenizer, string runDir, ScalarType? dtype = null)
    {
        string staging = Path.Combine(runDir, ".publish");
        Save(model, tokenizer, staging, dtype);
        var files = Directory.GetFiles(staging).OrderBy(f => f.EndsWith(".safetensors", StringComparison.Ordinal)).ThenBy(f => f, StringComparer.Ordinal);
        foreach (string file in files) File.Move(file, Path.Combine(runDir, Path.GetFileName(file)), overwrite: true);
        Directory.Delete(staging, recursive: true);
    }
}
