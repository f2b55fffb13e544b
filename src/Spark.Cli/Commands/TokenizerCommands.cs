using System.CommandLine;
using System.Text;
using Spark.Core.Text;
using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;

namespace Spark.Cli.Commands;

/// <summary><c>spark tokenizer train|encode</c>: learn a byte-level BPE vocabulary; show how a tokenizer folder encodes text.</summary>
public static class TokenizerCommands
{
    public static Command Create()
    {
        var command = new Command("tokenizer", "Byte-level BPE tokenizers in Hugging Face layout (tokenizer.json + tokenizer_config.json).");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Encode());
        return command;
    }

    static Command Train()
    {
        var corpus = new Option<string[]>("--corpus") { Description = "Text files to learn from (comma-separated or repeated).", Required = true, AllowMultipleArgumentsPerToken = true };
        var vocabSize = new Option<int>("--vocab-size") { Description = "Total vocabulary size, special tokens included.", DefaultValueFactory = _ => 4096 };
        var minFrequency = new Option<int>("--min-frequency") { Description = "Never merge a pair seen fewer times.", DefaultValueFactory = _ => 2 };
        var output = new Option<string>("--out") { Description = "Folder to write tokenizer.json and tokenizer_config.json into.", Required = true };
        var command = new Command("train", $"Learn a byte-level BPE vocabulary with Qwen2's pre-tokenizer; special tokens: {string.Join(" ", BuiltInTokens.All)}.");
        command.Options.Add(corpus);
        command.Options.Add(vocabSize);
        command.Options.Add(minFrequency);
        command.Options.Add(output);
        command.SetAction(r =>
        {
            var files = r.GetValue(corpus)!.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var options = new BpeTrainerOptions { VocabSize = r.GetValue(vocabSize), MinFrequency = r.GetValue(minFrequency) };
            var result = BpeTrainer.TrainFiles(files, options);
            string dir = r.GetValue(output)!;
            TokenizerFiles.Save(result.Definition, result.Settings, dir);
            var s = result.Stats;
            Console.WriteLine($"corpus      {files.Count} file(s), {s.Characters:N0} chars, {s.Words:N0} words ({s.UniqueWords:N0} distinct)");
            Console.WriteLine($"vocabulary  {s.VocabSize:N0} tokens = 256 bytes + {s.Merges:N0} merges + {BuiltInTokens.All.Count} special ({s.StopReason})");
            Console.WriteLine($"time        counting {s.CountingTime.TotalSeconds:F2} s, merging {s.MergingTime.TotalSeconds:F2} s");
            if (s.VocabSize < options.VocabSize)
                Console.WriteLine($"note        {options.VocabSize:N0} tokens were asked for; the corpus supports {s.VocabSize:N0}");
            Console.WriteLine($"wrote       {Path.GetFullPath(dir)}");
            return 0;
        });
        return command;
    }

    static Command Encode()
    {
        var dir = new Argument<string>("dir") { Description = "Folder with tokenizer.json (or vocab.json + merges.txt) and tokenizer_config.json." };
        var text = new Option<string>("--text") { Description = "Text to encode; special tokens written in it are recognised.", Required = true };
        var chat = new Option<bool>("--chat") { Description = "Encode the text as a user turn of the chat template, with the assistant turn opened." };
        var command = new Command("encode", "Print the ids and pieces a tokenizer gives a text.");
        command.Arguments.Add(dir);
        command.Options.Add(text);
        command.Options.Add(chat);
        command.SetAction(r =>
        {
            var tokenizer = TokenizerFiles.LoadBpe(r.GetValue(dir)!);
            string input = r.GetValue(text)!;
            int[] ids = r.GetValue(chat) ? tokenizer.Chat.Prompt([ChatMessage.User(input)]) : tokenizer.Encode(input);
            Console.WriteLine($"{ids.Length} tokens (vocabulary {tokenizer.VocabSize:N0}, end of response {tokenizer.EndOfResponseId}, pad {tokenizer.PadId})");
            Console.WriteLine(string.Join(' ', ids));
            foreach (int id in ids)
                Console.WriteLine($"{id,8}  {tokenizer.IdToToken(id),-20}  {Quote(tokenizer.Decode([id]))}");
            return 0;
        });
        return command;
    }

    static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text)
            quoted.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
        return quoted.Append('"').ToString();
    }
}
