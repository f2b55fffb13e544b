using Spark.Core.Environments;

namespace Spark.Core.Tests.Rollouts.Fakes;

/// <summary>A corridor whose step texts differ from instance to instance: replaying it cannot reproduce a state.</summary>
public sealed class FlakyWorld(TaskInfo task, int instance) : IEnvironment
{
    readonly CorridorWorld _inner = new(task, stepLimit: 10, canClone: false);

    public TaskInfo Task => _inner.Task;
    public IReadOnlyList<string> AdmissibleActions => _inner.AdmissibleActions;
    public int StepCount => _inner.StepCount;
    public IReadOnlyList<string> ActionHistory => _inner.ActionHistory;
    public bool CanClone => false;
    public StepResult Reset() => _inner.Reset();
    public StepResult Step(string action) => _inner.Step(action) is var r ? r with { Observation = $"{r.Observation} (world {instance})" } : null!;
    public IEnvironment Clone() => throw new NotSupportedException();
}
