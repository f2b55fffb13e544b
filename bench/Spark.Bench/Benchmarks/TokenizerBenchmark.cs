using System.Diagnostics;
using System.Text;
using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// BPE training speed (a 4k vocabulary on a ~20 MB corpus) and encode/decode throughput of the trained tokenizer
/// and, when a Qwen tokenizer folder is given, of Qwen's. The corpus is every file of the shared fixtures
/// followed by Debian's /usr/share/doc/*/copyright files (diverse English), in path order, cut at --corpus-mb.
/// Options: --corpus-mb N (20), --vocab-size N (4096), --qwen DIR (or SPARK_QWEN_TOKENIZER_DIR).
/// </summary>
public sealed class TokenizerBenchmark : IBenchmark
{
    public string Name => "tokenizer";
    public string Description => "BPE trainer speed (4k vocab, ~20 MB) and encode/decode throughput (trained and Qwen).";

    public string Run(string[] args)
    {
        int corpusMb = IntOption(args, "--corpus-mb", 20);
        int vocabSize = IntOption(args, "--vocab-size", 4096);
        string? qwen = BenchArgs.Text(args, "--qwen") ?? Environment.GetEnvironmentVariable("SPARK_QWEN_TOKENIZER_DIR");

        var report = new StringBuilder(BenchReport.MachineHeader(Name, args));
        report.AppendLine("Shared 2-core machine with other jobs running: wall times are noisy, CPU times (user+sys of this process) less so.");
        report.AppendLine();
        string corpus = BuildCorpus(corpusMb * 1_000_000L, out int files);
        report.AppendLine($"Corpus: {files} files, {corpus.Length:N0} chars, {Encoding.UTF8.GetByteCount(corpus) / 1e6:F1} MB UTF-8.");
        report.AppendLine();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = BpeTrainer.Train([corpus], new BpeTrainerOptions { VocabSize = vocabSize });
        double trainWall = wall.Elapsed.TotalSeconds, trainCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var s = result.Stats;
        report.AppendLine("| training | value |");
        report.AppendLine("|---|---|");
        report.AppendLine($"| vocabulary | {s.VocabSize:N0} (256 bytes + {s.Merges:N0} merges + {BuiltInTokens.All.Count} special), {s.StopReason} |");
        report.AppendLine($"| words counted | {s.Words:N0} ({s.UniqueWords:N0} distinct) |");
        report.AppendLine($"| counting (wall) | {s.CountingTime.TotalSeconds:F2} s |");
        report.AppendLine($"| merging (wall) | {s.MergingTime.TotalSeconds:F2} s |");
        report.AppendLine($"| total wall / CPU | {trainWall:F2} s / {trainCpu:F2} s |");
        report.AppendLine();

        report.AppendLine("| tokenizer | load | encode | decode | tokens per byte |");
        report.AppendLine("|---|---|---|---|---|");
        report.AppendLine(Throughput($"trained {s.VocabSize:N0}", () => result.CreateTokenizer(), corpus));
        if (qwen != null && File.Exists(Path.Combine(qwen, TokenizerFiles.TokenizerJsonFileName)))
            report.AppendLine(Throughput("Qwen (--qwen)", () => TokenizerFiles.LoadBpe(qwen), corpus));
        else
            report.AppendLine("| Qwen | not measured: pass --qwen DIR | | | |");
        return report.ToString();
    }

    static string Throughput(string name, Func<ByteLevelBpeTokenizer> load, string corpus)
    {
        var wall = Stopwatch.StartNew();
        var tokenizer = load();
        double loadSeconds = wall.Elapsed.TotalSeconds;
        int[] ids = tokenizer.Encode(corpus); // warm-up: JIT and the BPE cache
        double encode = BenchReport.MedianSeconds(3, () => ids = tokenizer.Encode(corpus));
        string decoded = "";
        double decode = BenchReport.MedianSeconds(3, () => decoded = tokenizer.Decode(ids));
        if (decoded != NfcNormalizer.Instance.Normalize(corpus)) throw new InvalidOperationException($"{name}: decode did not round-trip the corpus");
        return $"| {name} | {loadSeconds:F2} s | {ids.Length / encode / 1e6:F2} M tok/s | {ids.Length / decode / 1e6:F1} M tok/s | {ids.Length / (double)Encoding.UTF8.GetByteCount(corpus):F3} |";
    }

    string BuildCorpus(long chars, out int files)
    {
        // The fixtures sit beside the checkout (../shared/fixtures), as the tests find them; results go to <repo>/bench/results.
        string repo = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(BenchReport.ResultsPath(Name))!, "..", ".."));
        string fixtures = Environment.GetEnvironmentVariable("SPARK_FIXTURES") ?? Path.GetFullPath(Path.Combine(repo, "..", "shared", "fixtures"));
        var paths = (Directory.Exists(fixtures)
                ? Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : Enumerable.Empty<string>())
            .Concat(Directory.Exists("/usr/share/doc")
                ? Directory.EnumerateDirectories("/usr/share/doc").Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "copyright")).Where(File.Exists)
                : []);
        var corpus = new StringBuilder();
        files = 0;
        foreach (string path in paths)
        {
            if (corpus.Length >= chars) break;
            corpus.Append(File.ReadAllText(path)).Append('\n');
            files++;
        }
        if (corpus.Length == 0) throw new InvalidOperationException($"no corpus: neither {fixtures} nor /usr/share/doc exists");
        return corpus.Length > chars ? corpus.ToString(0, (int)chars) : corpus.ToString();
    }

    static int IntOption(string[] args, string name, int fallback) =>
        BenchArgs.Text(args, name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
