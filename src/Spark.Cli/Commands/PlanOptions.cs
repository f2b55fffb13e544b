using System.CommandLine;
using Spark.Cli.Pipeline;
using Spark.Core.Configuration;
using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// The options <c>spark run</c> and <c>spark bench</c> share: overrides of a <see cref="RunPlan"/>, torch threads, and
/// the restarting child process (<see cref="RestartingRunner"/>).
/// </summary>
internal sealed class PlanOptions
{
    readonly Option<string?> _model = new("--model") { Description = "Base model: tiny (the shipped one) or a checkpoint folder." };
    readonly Option<int?> _iterations = new("--iterations") { Description = "RL iterations per method and seed (0: evaluate the SFT model only)." };
    readonly Option<int?> _tasks = new("--tasks") { Description = "Training tasks per RL iteration." };
    readonly Option<int?> _evalCount = new("--eval-count") { Description = "Tasks per split per evaluation." };
    readonly Option<int?> _coldStart = new("--cold-start") { Description = "Cold-start trajectories for the SFT model (paper: 300)." };
    readonly Option<int?> _sftEpochs = new("--sft-epochs") { Description = "SFT epochs." };
    readonly Option<double?> _lr = new("--lr") { Description = "RL learning rate (default: the cpu preset's)." };
    readonly Option<int> _threads = new("--threads") { Description = "Torch threads (default: one per core).", DefaultValueFactory = _ => 0 };
    readonly Option<int> _attempts = new("--attempts") { Description = "Run in a child process, started again (resuming) if it dies, up to this many times; 1 runs in this process.", DefaultValueFactory = _ => 5 };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _model, _iterations, _tasks, _evalCount, _coldStart, _sftEpochs, _lr, _threads, _attempts })
            command.Options.Add(o);
    }

    /// <summary>
    /// In the parent of a restarting run: runs the same command line in a child process and returns its exit code.
    /// Otherwise (one attempt, or already the child): sets the torch threads and returns null — do the work here.
    /// </summary>
    public int? StartOrRestart(ParseResult r)
    {
        int attempts = r.GetValue(_attempts);
        ConfigException.Require(attempts >= 1, "--attempts", $"must be at least 1, got {attempts}");
        if (attempts > 1 && !RestartingRunner.IsChild)
            return RestartingRunner.Run([.. Environment.GetCommandLineArgs().Skip(1)], attempts, line => AnsiConsole.MarkupLine(Markup.Escape(line)));
        TrainingProgress.SetThreads(r.GetValue(_threads));
        return null;
    }

    /// <summary><paramref name="plan"/> with every given override applied.</summary>
    public RunPlan Apply(RunPlan plan, ParseResult r) => plan with
    {
        BaseModel = r.GetValue(_model) ?? plan.BaseModel,
        Iterations = r.GetValue(_iterations) ?? plan.Iterations,
        TasksPerIteration = r.GetValue(_tasks) ?? plan.TasksPerIteration,
        EvalCount = r.GetValue(_evalCount) ?? plan.EvalCount,
        ColdStart = r.GetValue(_coldStart) ?? plan.ColdStart,
        SftEpochs = r.GetValue(_sftEpochs) ?? plan.SftEpochs,
        LearningRate = r.GetValue(_lr) ?? plan.LearningRate,
    };
}
