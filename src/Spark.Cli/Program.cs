using System.CommandLine;
using Spark.Cli;
using Spark.Cli.Commands;

var root = new RootCommand("Spark: reinforcement learning for LLM agents on long-horizon text tasks (SPARK dynamic branching).");
foreach (var command in new[]
{
    DoctorCommand.Create(),
    EnvCommands.Create(),
    ServeCommand.Create(),
    DataCommands.Create(),
    TokenizerCommands.Create(),
    ReportCommand.Create(),
    ModelCommands.Create(),
    TrainCommand.Create(),
    RolloutCommand.Create(),
    SftCommand.Create(),
    PretrainCommand.Create(),
    EvalCommand.Create(),
    CompareCommand.Create(),
    RunCommand.Create(),
    BenchCommand.Create(),
})
{
    root.Subcommands.Add(command);
}
return CliRunner.Run(root, args);
