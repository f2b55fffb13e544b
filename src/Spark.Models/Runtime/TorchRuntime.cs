using System.Runtime.InteropServices;
using Spark.Build;
using TorchSharp;

namespace Spark.Models.Runtime;

/// <summary>Thrown when TorchSharp's native library cannot be made loadable on this system.</summary>
public sealed class TorchRuntimeException(string message) : Exception(message);

/// <summary>
/// Start-up check for TorchSharp's natives. The build already applies the libstdc++ fix to its output
/// (build/TorchNativeFix.targets); this repeats the decision at run time, so a copy that escaped the
/// build (another output folder, a NuGet-restored tool) is fixed or refused with a clear message
/// before TorchSharp's own, misleading TypeInitializationException.
/// </summary>
public static class TorchRuntime
{
    static readonly object Gate = new();
    static TorchNativeFixResult? _fix;

    /// <summary>What the libstdc++ fix did in this process (null before <see cref="EnsureLoadable"/>).</summary>
    public static TorchNativeFixResult? FixResult => _fix;

    /// <summary>Makes sure TorchSharp can load; call before the first use of <c>torch</c>. Idempotent.</summary>
    public static void EnsureLoadable()
    {
        lock (Gate)
        {
            if (_fix != null) return;
            _fix = CheckNativeLibrary();
            if (!_fix.Ok) throw new TorchRuntimeException(_fix.Message);
        }
    }

    static TorchNativeFixResult CheckNativeLibrary()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            return new TorchNativeFixResult(TorchNativeFixOutcome.NotRequired, "not Linux: nothing to check");
        // Reading the assembly location does not run TorchSharp's static constructor.
        string dir = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;
        string rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        string? library = new[]
            {
                Path.Combine(dir, "runtimes", rid, "native", TorchNativeFix.LibraryFileName),
                Path.Combine(dir, TorchNativeFix.LibraryFileName),
            }.FirstOrDefault(File.Exists);
        if (library == null)
            return new TorchNativeFixResult(TorchNativeFixOutcome.NotRequired,
                $"{TorchNativeFix.LibraryFileName} not found beside TorchSharp.dll; TorchSharp will search for it itself");
        var systemVersions = TorchNativeFix.ReadSystemVersions(TorchNativeFix.FindSystemLibstdcxx());
        return TorchNativeFix.Apply(library, systemVersions);
    }
}
