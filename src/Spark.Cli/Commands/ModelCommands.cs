using System.CommandLine;
using System.Text.Json.Nodes;
using Spark.Core.Configuration;
using Spark.Core.Policies;
using Spark.Core.Text;
using Spark.Models.Generation;
using Spark.Models.Tokenization;
using Spark.Models.Checkpoints;
using Spark.Models.Gguf;
using Spark.Models.Qwen2;

namespace Spark.Cli.Commands;

/// <summary><c>spark model init|info|generate|export-gguf</c>: policy checkpoints in Hugging Face layout.</summary>
public static class ModelCommands
{
    static readonly Argument<string> DirArgument = new("dir") { Description = "Checkpoint folder (Hugging Face layout)." };

    public static Command Create()
    {
        var model = new Command("model", "Policy models: create, inspect, sample from and export Qwen2-architecture checkpoints.");
        model.Subcommands.Add(Init());
        model.Subcommands.Add(Info());
        model.Subcommands.Add(Generate());
        model.Subcommands.Add(ExportGguf());
        return model;
    }

    static Command Init()
    {
        var preset = new Option<string>("--preset") { Description = $"Model shape: {string.Join(", ", Qwen2Presets.Names)}.", DefaultValueFactory = _ => "tiny" };
        var output = new Option<string>("--out") { Description = "Folder to create (replaced if it exists).", Required = true };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "Tokenizer folder (tokenizer.json); its vocabulary sizes the model and its files are copied (default: the shipped base model's, models/spark-tiny-base)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random initialisation.", DefaultValueFactory = _ => 1 };
        var c = new Command("init", "Create a randomly initialised model of a preset shape, saved in Hugging Face layout with its tokenizer.");
        c.Options.Add(preset);
        c.Options.Add(output);
        c.Options.Add(tokenizer);
        c.Options.Add(seed);
        c.SetAction(r =>
        {
            string tokDir = r.GetValue(tokenizer) ?? Spark.Training.Presets.BuiltInModel.Find() ?? throw new ConfigException("--tokenizer",
                "a tokenizer folder is required (create the built-in vocabulary with `spark tokenizer train --out DIR`)");
            var tok = TokenizerFiles.Load(tokDir);
            var config = Qwen2Presets.Create(r.GetValue(preset)!, tok.VocabSize, bosTokenId: null, eosTokenId: tok.EndOfResponseId);
            using var model = new Qwen2ForCausalLM(config, (ulong)r.GetValue(seed));
            string dir = r.GetValue(output)!;
            Checkpoint.Save(model, dir, new CheckpointSaveOptions(TokenizerSource: tokDir,
                Generation: new GenerationConfig([tok.EndOfResponseId], PadTokenId: tok.PadId)));
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

    static Command Generate()
    {
        var prompt = new Option<string>("--prompt") { Description = "Text to continue.", Required = true };
        var chat = new Option<bool>("--chat") { Description = "Wrap the prompt as one user turn of the chat template and open the assistant turn." };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens to generate.", DefaultValueFactory = _ => 128 };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature (0 = greedy).", DefaultValueFactory = _ => 1f };
        var topP = new Option<float>("--top-p") { Description = "Nucleus sampling mass (1 = off).", DefaultValueFactory = _ => 1f };
        var topK = new Option<int>("--top-k") { Description = "Keep the k most likely tokens (0 = off).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Sampling seed.", DefaultValueFactory = _ => 1 };
        var c = new Command("generate", "Sample a continuation of a prompt with the generation engine.");
        c.Arguments.Add(DirArgument);
        foreach (var o in new Option[] { prompt, chat, maxTokens, temperature, topP, topK, seed }) c.Options.Add(o);
        c.SetAction(r =>
        {
            string dir = r.GetValue(DirArgument)!;
            var tok = TokenizerFiles.Load(dir);
            using var engine = GenerationEngine.FromCheckpoint(dir, tok, options: new EngineOptions(PrefixCacheBytes: 0));
            string text = r.GetValue(prompt)!;
            int[] ids = r.GetValue(chat) ? tok.Chat.Prompt([ChatMessage.User(text)]) : tok.Encode(text);
            var sampling = new SamplingOptions(r.GetValue(temperature), r.GetValue(topP), r.GetValue(topK), r.GetValue(maxTokens));
            var output = engine.Generate([new GenerationInput(ids, (ulong)r.GetValue(seed))], sampling)[0];
            Console.WriteLine(output.Text);
            Console.Error.WriteLine($"[{ids.Length} prompt tokens, {output.TokenIds.Length} generated, finish {output.Finish}, " +
                                    $"mean log-prob {(output.LogProbs.Length > 0 ? output.LogProbs.Average() : 0):F3}; {engine.Stats}]");
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
