using System.CommandLine;
using Spark.Core.Configuration;

namespace Spark.Cli;

/// <summary>Runs the parsed command and turns expected failures into a one-line reason and exit code 1.</summary>
public static class CliRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            Console.Error.WriteLine($"spark: {e.Message}");
            return 1;
        }
    }

    // Errors whose message is written for the user; anything else is a bug and keeps its stack trace.
    static bool IsUserFacing(Exception e) =>
        e is ConfigException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException
            or Spark.Models.Runtime.TorchRuntimeException or OperationCanceledException;
}
