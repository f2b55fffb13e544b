using Spark.Build;
using TorchSharp;

namespace Spark.Models.Tests.Runtime;

/// <summary>The libstdc++ fix's decision: needed, not needed, and cannot.</summary>
public sealed class TorchNativeFixTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spark-fix-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A copy of libLibTorchSharp.so as TorchSharp ships it (the build output's copy, with the weak flag cleared).</summary>
    string ShippedLibrary()
    {
        string source = Directory.EnumerateFiles(Path.GetDirectoryName(typeof(torch).Assembly.Location)!,
            TorchNativeFix.LibraryFileName, SearchOption.AllDirectories).First();
        byte[] bytes = File.ReadAllBytes(source);
        foreach (var need in TorchNativeFix.ReadVersionNeeds(bytes).Where(n => n.Version == TorchNativeFix.MissingVersion))
            bytes[need.FlagsOffset] &= unchecked((byte)~0x2);
        string path = Path.Combine(_dir, TorchNativeFix.LibraryFileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static ElfVersionNeed Need(string path) => TorchNativeFix.ReadVersionNeeds(File.ReadAllBytes(path))
        .Single(n => n.Library == TorchNativeFix.LibstdcxxSoname && n.Version == TorchNativeFix.MissingVersion);

    [Fact]
    public void Shipped_library_needs_the_version_strongly()
    {
        Assert.False(Need(ShippedLibrary()).Weak);
    }

    [Fact]
    public void Needed_when_the_system_lacks_the_version_and_then_idempotent()
    {
        string lib = ShippedLibrary();
        var before = File.ReadAllBytes(lib);

        var result = TorchNativeFix.Apply(lib, new[] { "GLIBCXX_3.4.29", "GLIBCXX_3.4.30" });

        Assert.Equal(TorchNativeFixOutcome.Applied, result.Outcome);
        Assert.True(Need(lib).Weak);
        var after = File.ReadAllBytes(lib);
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(1, before.Zip(after).Count(p => p.First != p.Second)); // exactly one byte (the flag) changed
        Assert.Equal(TorchNativeFixOutcome.AlreadyApplied, TorchNativeFix.Apply(lib, new[] { "GLIBCXX_3.4.30" }).Outcome);
    }

    [Fact]
    public void Needed_when_no_system_libstdcxx_is_found()
    {
        Assert.Equal(TorchNativeFixOutcome.Applied, TorchNativeFix.Apply(ShippedLibrary(), null).Outcome);
    }

    [Fact]
    public void Not_needed_when_the_system_has_the_version()
    {
        string lib = ShippedLibrary();
        var before = File.ReadAllBytes(lib);

        var result = TorchNativeFix.Apply(lib, new[] { "GLIBCXX_3.4.30", "GLIBCXX_3.4.32", "GLIBCXX_3.4.33" });

        Assert.Equal(TorchNativeFixOutcome.SystemHasVersion, result.Outcome);
        Assert.Equal(before, File.ReadAllBytes(lib));
    }

    [Fact]
    public void Not_required_for_a_library_without_the_need()
    {
        string other = Path.Combine(_dir, "not-elf.so");
        File.WriteAllText(other, "not an ELF file");
        Assert.Equal(TorchNativeFixOutcome.NotRequired, TorchNativeFix.Apply(other, Array.Empty<string>()).Outcome);
        Assert.Empty(TorchNativeFix.ReadVersionNeeds(new byte[10]));
    }

    [Fact]
    public void Cannot_when_the_output_cannot_be_written_names_cause_and_remedy()
    {
        string lib = ShippedLibrary();
        var before = File.ReadAllBytes(lib);
        Directory.CreateDirectory(lib + ".spark-tmp"); // the temporary file cannot be created (works as root too)

        var result = TorchNativeFix.Apply(lib, new[] { "GLIBCXX_3.4.30" });

        Assert.Equal(TorchNativeFixOutcome.Failed, result.Outcome);
        Assert.False(result.Ok);
        Assert.Contains(TorchNativeFix.MissingVersion, result.Message);
        Assert.Contains("newest GLIBCXX_3.4.30", result.Message);
        Assert.Contains("Remedy", result.Message);
        Assert.Equal(before, File.ReadAllBytes(lib));
    }

    [Fact]
    public void Reads_the_system_libstdcxx_versions()
    {
        string? path = TorchNativeFix.FindSystemLibstdcxx();
        Assert.NotNull(path);
        var versions = TorchNativeFix.ReadSystemVersions(path)!;
        Assert.Contains("GLIBCXX_3.4", versions);
        Assert.Contains("GLIBCXX_3.4.29", versions);
    }

    [Fact]
    public void The_torch_runtime_loads_in_tests()
    {
        Spark.Models.Runtime.TorchRuntime.EnsureLoadable();
        using var t = torch.ones(2, 2);
        Assert.Equal(4f, t.sum().item<float>());
    }
}
