using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Spark.Core.IO;

namespace Spark.Bench;

/// <summary>Shared pieces of benchmark reports: the machine header, timing, and where results go.</summary>
public static class BenchReport
{
    public static string MachineHeader(string name, string[] args)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Benchmark: {name}");
        sb.AppendLine();
        sb.AppendLine($"- command: `dotnet run -c Release --project bench/Spark.Bench -- {name} {string.Join(' ', args)}`".TrimEnd());
        sb.AppendLine($"- date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        sb.AppendLine($"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {CpuModel()}");
        sb.AppendLine();
        return sb.ToString();
    }

    /// <summary>Median of <paramref name="repeats"/> timings of <paramref name="action"/>, in seconds.</summary>
    public static double MedianSeconds(int repeats, Action action)
    {
        var times = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    public static string ResultsPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Spark.slnx")))
                return Path.Combine(dir.FullName, "bench", "results", name + ".md");
        return Path.Combine(Environment.CurrentDirectory, name + ".md");
    }

    public static void Save(string name, string markdown) => AtomicFile.WriteAllText(ResultsPath(name), markdown);

    static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"));
            return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException) { return "unknown CPU"; }
    }
}
