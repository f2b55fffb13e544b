using System.CommandLine;
using System.Text.Json.Nodes;
using Spark.Core.Configuration;
using Spark.Models.Checkpoints;
using Spark.Models.Gguf;
using Spark.Models.Qwen2;

namespace Spark.Cli.Commands;

/// <summary><c>spark model init|info|export-gguf</c>: policy checkpoints in Hugging Face layout.</summary>
public static class ModelCommands
{
    static readonly Argument<string> DirArgument = new("dir") { Description = "Checkpoint folder (Hugging Face layout)." };

    public static Command Create()
    {
        var model = new Command("model", "Policy models: create, inspect, sample from and export Qwen2-architecture checkpoints.");
        model.Subcommands.Add(Init());
        model.Subcommands.Add(Info());
        model.Subcommands.Add(ExportGguf());
        return model;
    }

    static Command Init()
    {
        var preset = new Option<string>("--preset") { Description = $"Model shape: {string.Join(", ", Qwen2Presets.Names)}.", DefaultValueFactory = _ => "tiny" };
        var output = new Option<string>("--out") { Description = "Folder to create (replaced if it exists).", Required = true };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "Tokenizer folder (tokenizer.json); its vocabulary sizes the model and its files are copied. Make one with `spark tokenizer train`." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random initialisation.", DefaultValueFactory = _ => 1 };
        var c = new Command("init", "Create a randomly initialised model of a preset shape, saved in Hugging Face layout with its tokenizer.");
        c.Options.Add(preset);
        c.Options.Add(output);
        c.Options.Add(tokenizer);
        c.Options.Add(seed);
        c.SetAction(r =>
        {
            string tokDir = r.GetValue(tokenizer) ?? throw new ConfigException("--tokenizer",
                "a tokenizer folder is required (create the built-in vocabulary with `spark tokenizer train --out DIR`)");
            var vocabulary = HfTokenizerFile.Load(tokDir);
            int? end = vocabulary.AddedTokenId("<|im_end|>") ?? vocabulary.AddedTokenId("<|endoftext|>");
            int? pad = vocabulary.AddedTokenId("<|endoftext|>") ?? end;
            var config = Qwen2Presets.Create(r.GetValue(preset)!, vocabulary.VocabSize, bosTokenId: null, eosTokenId: end);
            using var model = new Qwen2ForCausalLM(config, (ulong)r.GetValue(seed));
            string dir = r.GetValue(output)!;
            Checkpoint.Save(model, dir, new CheckpointSaveOptions(TokenizerSource: tokDir,
                Generation: new GenerationConfig(end is int e ? [e] : [], PadTokenId: pad)));
            Console.WriteLine($"{r.GetValue(preset)}: {model.ParameterCount():N0} parameters, vocabulary {config.VocabSize}, written to {dir}");
            return 0;
        });
        return c;
    }

    static Command Info()
    {
        var c = new Command("info", "Print a checkpoint's architecture, parameter count, dtype and vocabulary.");
        c.Arguments.Add(DirArgument);
        c.SetAction(r =>
        {
            string dir = r.GetValue(DirArgument)!;
            var config = Checkpoint.ReadConfig(dir);
            var generation = Checkpoint.ReadGenerationConfig(dir);
            Console.WriteLine($"architecture      {string.Join(",", config.Architectures)} ({config.ModelType})");
            Console.WriteLine($"parameters        {config.ParameterCount():N0} ({config.ParameterCount() - (long)config.VocabSize * config.HiddenSize:N0} without the embedding)");
            Console.WriteLine($"layers            {config.NumHiddenLayers} x (d={config.HiddenSize}, heads {config.NumAttentionHeads}/{config.NumKeyValueHeads} kv, head dim {config.HeadDim}, mlp {config.IntermediateSize})");
            Console.WriteLine($"vocabulary        {config.VocabSize}{(config.TieWordEmbeddings ? " (tied embeddings)" : "")}");
            Console.WriteLine($"rope theta        {config.RopeTheta:G}, rms eps {config.RmsNormEps:G}, context {config.MaxPositionEmbeddings}");
            Console.WriteLine($"dtype             {config.TorchDtype} (stored: {string.Join(", ", StoredDTypes(dir))})");
            Console.WriteLine($"end tokens        {(generation == null ? "(no generation_config.json)" : string.Join(", ", generation.EosTokenIds))}");
            Console.WriteLine($"tokenizer         {(File.Exists(Path.Combine(dir, "tokenizer.json")) ? "tokenizer.json" : "none")}");
            return 0;
        });
        return c;
    }

    static Command ExportGguf()
    {
        var output = new Option<string>("--out") { Description = "GGUF file to write.", Required = true };
        var type = new Option<string>("--type") { Description = "Weight type: f32 or q8_0.", DefaultValueFactory = _ => "f32" };
        var c = new Command("export-gguf", "Write the checkpoint as a qwen2 GGUF (with its tokenizer) for llama.cpp-based tools.");
        c.Arguments.Add(DirArgument);
        c.Options.Add(output);
        c.Options.Add(type);
        c.SetAction(r =>
        {
            var ggml = r.GetValue(type) switch
            {
                "f32" => GgmlType.F32,
                "q8_0" => GgmlType.Q8_0,
                var t => throw new ConfigException("--type", $"'{t}' is not f32 or q8_0"),
            };
            string file = r.GetValue(output)!;
            GgufExporter.Export(r.GetValue(DirArgument)!, file, ggml);
            Console.WriteLine($"wrote {file} ({new FileInfo(file).Length / 1e6:F1} MB, {r.GetValue(type)})");
            return 0;
        });
        return c;
    }

    static IEnumerable<string> StoredDTypes(string dir) =>
        Directory.GetFiles(dir, "*.safetensors")
            .SelectMany(f => JsonNode.Parse(SafetensorsWriter.ReadHeaderJson(f))!.AsObject())
            .Where(kv => kv.Key != "__metadata__")
            .Select(kv => kv.Value!["dtype"]!.GetValue<string>())
            .Distinct();
}
