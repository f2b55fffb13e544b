namespace Spark.Bench;

/// <summary>The benchmarks' command-line options: <c>--name value</c> pairs after the benchmark's name.</summary>
public static class BenchArgs
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent.</summary>
    public static string? Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/> when absent or not a number.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name), out int v) ? v : fallback;
}
