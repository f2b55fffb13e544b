using System.Text;
using Spark.Core.Environments;
using Spark.Core.Text;
using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;
using Spark.Training.Agents;
using Spark.Training.Agents.Parsing;
using Spark.Training.Agents.Prompts;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// The agent harness: tokens of a typical ALFWorld step-7 prompt in each template and mode (the paper's RL and
/// cold-start templates, the compact one), with a built-in-style tokenizer (BPE trained here on the ALFWorld
/// fixture transcripts, with the agent's tags as single tokens) and with Qwen's when given; then parser and
/// prompt-building speed. Options: --qwen DIR (or SPARK_QWEN_TOKENIZER_DIR), --vocab-size N (2048).
/// </summary>
public sealed class HarnessBenchmark : IBenchmark
{
    public string Name => "harness";
    public string Description => "Prompt token counts per template (ALFWorld step 7), parser and prompt-building speed.";

    // A typical ALFWorld episode up to step 7 (the same state as the golden prompt tests).
    static readonly string[] Observations =
    [
        "You are in the middle of a room. Looking quickly around you, you see a cabinet 4, a cabinet 3, a cabinet 2, a cabinet 1, a coffeemachine 1, a countertop 2, a countertop 1, a drawer 1, a fridge 1, a garbagecan 1, a sinkbasin 1, and a stoveburner 1.\nYour task is to: put a clean mug in coffeemachine.",
        "On the countertop 1, you see a apple 1, a bread 1, and a knife 1.",
        "On the countertop 2, you see a mug 2, and a spatula 1.",
        "You pick up the mug 2 from the countertop 2.",
        "On the sinkbasin 1, you see nothing.",
        "You clean the mug 2 using the sinkbasin 1.",
        "On the coffeemachine 1, you see nothing.",
    ];
    static readonly string[] Actions = ["go to countertop 1", "go to countertop 2", "take mug 2 from countertop 2", "go to sinkbasin 1", "clean mug 2 with sinkbasin 1", "go to coffeemachine 1"];
    static readonly string[] Admissible =
    [
        "examine coffeemachine 1", "examine mug 2", "go to cabinet 1", "go to cabinet 2", "go to cabinet 3", "go to cabinet 4",
        "go to countertop 1", "go to countertop 2", "go to drawer 1", "go to fridge 1", "go to garbagecan 1", "go to sinkbasin 1",
        "go to stoveburner 1", "inventory", "look", "put mug 2 in/on coffeemachine 1",
    ];
    const string Response = "<think>The mug is clean and I am at the coffeemachine, so I put it there.</think>\n<action>put mug 2 in/on coffeemachine 1</action>";

    public string Run(string[] args)
    {
        string? qwen = BenchArgs.Text(args, "--qwen") ?? Environment.GetEnvironmentVariable("SPARK_QWEN_TOKENIZER_DIR");
        int vocab = BenchArgs.Text(args, "--vocab-size") is { } v ? int.Parse(v) : 2048;
        var report = new StringBuilder(BenchReport.MachineHeader(Name, args));
        report.AppendLine("Shared 2-core machine with other jobs running: timings are noisy.");
        report.AppendLine();

        var context = new AgentContext(AlfworldPrompts.Instance, new TaskInfo("alfworld", "train", 0, "pick_clean_then_place_in_recep", "put a clean mug in coffeemachine."), Observations[0]);
        for (int i = 0; i < Actions.Length; i++) context.Record(Actions[i], Observations[i + 1]);

        var tokenizers = new List<(string Name, ITokenizer Tokenizer)> { ($"built-in style (BPE {vocab}, ALFWorld fixtures)", TrainBuiltIn(vocab)) };
        if (qwen != null && File.Exists(Path.Combine(qwen, TokenizerFiles.TokenizerJsonFileName)))
            tokenizers.Add(("Qwen (--qwen)", TokenizerFiles.Load(qwen)));

        report.AppendLine("Tokens of the ALFWorld step-7 prompt (user text / whole chat input; episode turns: the tokens appended):");
        report.AppendLine();
        report.AppendLine("| tokenizer | paper RL window | paper cold-start window | compact window | compact episode turn | paper RL episode turn | response |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (name, tok) in tokenizers)
        {
            string rl = PaperPrompt.Window(context, 5, Admissible), cs = PaperPrompt.Window(context, 5, null);
            string compact = CompactPrompt.Window(context, PromptOptions.CompactHistoryLength, true), turn = CompactPrompt.EpisodeTurn(context, true);
            string Both(string text) => $"{tok.Encode(text).Length} / {tok.Chat.Prompt([ChatMessage.User(text)]).Length}";
            report.AppendLine($"| {name} | {Both(rl)} | {Both(cs)} | {Both(compact)} | {tok.Chat.ContinueWithUser(turn).Length} | {tok.Chat.ContinueWithUser(PaperPrompt.EpisodeTurn(context, Admissible)).Length} | {tok.Encode(Response).Length} |");
        }
        report.AppendLine();

        var responses = Responses(10_000);
        foreach (var r in responses) ActionParser.Parse(r); // warm-up
        double parse = BenchReport.MedianSeconds(5, () => { foreach (var r in responses) ActionParser.Parse(r); });
        var builtIn = tokenizers[0].Tokenizer;
        var compactBuilder = new PromptBuilder(builtIn, PromptOptions.Compact);
        var paperBuilder = new PromptBuilder(builtIn, PromptOptions.PaperRl);
        double compactBuild = BenchReport.MedianSeconds(5, () => { for (int i = 0; i < 1000; i++) compactBuilder.Next(context, Admissible); });
        double paperBuild = BenchReport.MedianSeconds(5, () => { for (int i = 0; i < 1000; i++) paperBuilder.Next(context, Admissible); });
        report.AppendLine("| operation | time |");
        report.AppendLine("|---|---|");
        report.AppendLine($"| parse one response (mix of valid, broken, 1–2 kB) | {parse / responses.Count * 1e6:F2} µs |");
        report.AppendLine($"| build + tokenize a compact window prompt (built-in tokenizer) | {compactBuild / 1000 * 1e6:F1} µs |");
        report.AppendLine($"| build + tokenize a paper RL window prompt (built-in tokenizer) | {paperBuild / 1000 * 1e6:F1} µs |");
        return report.ToString();
    }

    static ITokenizer TrainBuiltIn(int vocab)
    {
        string repo = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(BenchReport.ResultsPath("x"))!, "..", ".."));
        string fixtures = Environment.GetEnvironmentVariable("SPARK_FIXTURES") ?? Path.Combine(repo, "..", "shared", "fixtures");
        var texts = Directory.EnumerateFiles(Path.Combine(fixtures, "alfworld"), "*.*").Where(p => p.EndsWith(".json") || p.EndsWith(".txt"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        if (texts.Count == 0) throw new InvalidOperationException($"no ALFWorld fixtures under {fixtures}");
        return BpeTrainer.Train(texts, new BpeTrainerOptions { VocabSize = vocab }).CreateTokenizer();
    }

    static List<string> Responses(int n)
    {
        var random = new Random(1);
        var list = new List<string>(n);
        for (int i = 0; i < n; i++)
        {
            list.Add((i % 4) switch
            {
                0 => Response,
                1 => "<explore>The mug may be in a cabinet, a drawer or on a countertop.</explore>\n<action>go to cabinet 1</action>",
                2 => Response[..random.Next(Response.Length)],
                _ => string.Concat(Enumerable.Range(0, 40).Select(_ => random.Next(3) == 0 ? "<action>" : "lorem ipsum dolor sit amet ")),
            });
        }
        return list;
    }
}
