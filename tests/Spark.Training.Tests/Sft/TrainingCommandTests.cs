using System.CommandLine;
using Spark.Cli;
using Spark.Cli.Commands;

namespace Spark.Training.Tests.Sft;

public sealed class TrainingCommandTests
{
    static (int Code, string Error) Run(params string[] args)
    {
        var root = new RootCommand { SftCommand.Create(), EvalCommand.Create(), PretrainCommand.Create() };
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try { return (CliRunner.Run(root, args), error.ToString()); }
        finally { Console.SetError(saved); }
    }

    [Theory]
    [InlineData("--data: file not found", "sft", "--env", "alfworld", "--data", "/nonexistent/cold.jsonl", "--out", "/tmp/x")]
    [InlineData("--mode: expected 'window' or 'episode'", "sft", "--env", "alfworld", "--data", "/nonexistent", "--out", "/tmp/x", "--mode", "sideways")]
    [InlineData("preset: unknown preset 'gpu'", "sft", "--env", "alfworld", "--data", "/nonexistent", "--out", "/tmp/x", "--preset", "gpu")]
    [InlineData("--constrained: expected on or off", "eval", "--env", "alfworld", "--split", "L0", "--checkpoint", "tiny", "--constrained", "maybe")]
    [InlineData("--split: 'L9' is not a split of alfworld", "eval", "--env", "alfworld", "--split", "L9", "--checkpoint", "tiny")]
    [InlineData("--count: must be in 1..", "eval", "--env", "alfworld", "--split", "L2", "--checkpoint", "tiny", "--count", "0")]
    [InlineData("budget: give exactly one of --tokens and --minutes", "pretrain", "--out", "/tmp/x")]
    [InlineData("--threads: must be 0 (default) or more", "pretrain", "--out", "/tmp/x", "--tokens", "10", "--threads", "-1")]
    public void Bad_command_lines_name_the_field(string expected, params string[] args)
    {
        var (code, error) = Run(args);
        Assert.Equal(1, code);
        Assert.Contains(expected, error);
    }
}
