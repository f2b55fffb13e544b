using System.Diagnostics;
using System.Reflection;

namespace Spark.Cli.Pipeline;

/// <summary>
/// Runs a resumable command in a child process and starts it again when it dies, up to a number of attempts. Long
/// generation-heavy runs have died inside libtorch on this machine a few times an hour (TorchSharp Scalars freed by
/// the finalizer during a native call; our own hot paths no longer make them, TorchSharp's AdamW still does). Every
/// stage of <c>spark run</c>/<c>spark bench</c> resumes from its last checkpoint, so a fresh process continues with at
/// most one RL iteration or one evaluation split lost.
/// </summary>
public static class RestartingRunner
{
    /// <summary>Set in the child so it runs the work itself.</summary>
    public const string ChildVariable = "SPARK_RUN_CHILD";

    public static bool IsChild => Environment.GetEnvironmentVariable(ChildVariable) == "1";

    /// <returns>The exit code of the last attempt.</returns>
    public static int Run(IReadOnlyList<string> args, int attempts, Action<string> log)
    {
        int code = 1;
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            var start = new ProcessStartInfo { UseShellExecute = false };
            string host = Environment.ProcessPath ?? "dotnet";
            start.FileName = host;
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
                start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            foreach (string a in args) start.ArgumentList.Add(a);
            start.Environment[ChildVariable] = "1";
            using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
            child.WaitForExit();
            code = child.ExitCode;
            if (code == 0 || code == 1) return code; // success, or a reported error (bad settings): restarting would not help
            if (attempt < attempts)
                log($"the run's process died (exit code {code}); starting it again to resume from the last checkpoint (attempt {attempt + 1} of {attempts})");
        }
        return code;
    }
}
