namespace Spark.Tests.Shared;

/// <summary>
/// Where the repository and the third-party fixtures are. Fixtures live outside the repository, in
/// <c>../shared/fixtures</c> beside the checkout (CI has them there too); <c>SPARK_FIXTURES</c> overrides.
/// </summary>
public static class RepoPaths
{
    static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Spark.slnx")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"no Spark.slnx above {AppContext.BaseDirectory}");
    });

    /// <summary>The repository root (the folder holding Spark.slnx).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared fixtures folder; fails loudly when it is missing.</summary>
    public static string Fixtures
    {
        get
        {
            string dir = Environment.GetEnvironmentVariable("SPARK_FIXTURES")
                         ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures"));
            if (!Directory.Exists(dir))
                throw new DirectoryNotFoundException($"fixtures not found at {dir} (set SPARK_FIXTURES to their folder)");
            return dir;
        }
    }

    /// <summary>A fixture file, e.g. <c>Fixture("alfworld", "react_alfworld_3prompts.json")</c>.</summary>
    public static string Fixture(params string[] parts)
    {
        string path = Path.Combine(new[] { Fixtures }.Concat(parts).ToArray());
        if (!File.Exists(path)) throw new FileNotFoundException($"fixture missing: {path}");
        return path;
    }
}
