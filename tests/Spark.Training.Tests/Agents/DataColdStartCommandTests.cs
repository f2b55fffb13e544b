using System.CommandLine;
using Spark.Cli;
using Spark.Cli.Commands;

namespace Spark.Training.Tests.Agents;

public class DataColdStartCommandTests
{
    static (int Code, string Error) Run(params string[] args)
    {
        var root = new RootCommand { new Command("data") { DataColdStartCommand.Create() } };
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try { return (CliRunner.Run(root, ["data", "cold-start", .. args]), error.ToString()); }
        finally { Console.SetError(saved); }
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        var (code, error) = Run("--env", "nowhere", "--out", Path.Combine(Path.GetTempPath(), "x.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("env: unknown environment 'nowhere'", error);

        (code, error) = Run("--env", "nowhere", "--out", "x.jsonl", "--teacher", "maybe");
        Assert.Equal(1, code);
        Assert.Contains("--teacher: expected none, annotate or play", error);
    }
}
