using Spark.Core.Environments;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>A way of solving one family of task types.</summary>
internal interface IStrategy
{
    void Solve(ExpertSession session);
}

/// <summary>
/// Solves every implemented ScienceWorld task type the way the original's gold agents do (go to the right
/// place, look, focus, act, measure, wait), from what the task description and the observations show, and
/// explains each step in one sentence.
/// </summary>
public sealed class ScienceWorldExpert : IExpert
{
    static readonly Dictionary<string, IStrategy> Strategies = new()
    {
        ["find-living-thing"] = new FindStrategy(),
        ["find-non-living-thing"] = new FindStrategy(),
        ["find-plant"] = new FindStrategy(),
        ["find-animal"] = new FindStrategy(),
        ["chemistry-mix-paint-secondary-color"] = new PaintStrategy(tertiary: false),
        ["chemistry-mix-paint-tertiary-color"] = new PaintStrategy(tertiary: true),
        ["lifespan-longest-lived"] = new LifespanStrategy(),
        ["lifespan-shortest-lived"] = new LifespanStrategy(),
        ["lifespan-longest-lived-then-shortest-lived"] = new LifespanStrategy(),
        ["identify-life-stages-1"] = new LifeStagesStrategy(),
        ["identify-life-stages-2"] = new LifeStagesStrategy(),
        ["power-component"] = new PowerComponentStrategy(),
        ["boil"] = new ChangeOfStateStrategy(),
        ["melt"] = new ChangeOfStateStrategy(),
        ["freeze"] = new ChangeOfStateStrategy(),
        ["change-the-state-of-matter-of"] = new ChangeOfStateStrategy(),
        ["use-thermometer"] = new UseThermometerStrategy(),
        ["test-conductivity"] = new ConductivityStrategy(),
        ["test-conductivity-of-unknown-substances"] = new ConductivityStrategy(),
    };

    public static IReadOnlyCollection<string> SupportedTaskTypes => Strategies.Keys;

    public ExpertTrajectory Solve(IEnvironment env, StepResult initial, Random random)
    {
        if (env is not ScienceWorldEnvironment sw)
            throw new ArgumentException($"the ScienceWorld expert needs a {nameof(ScienceWorldEnvironment)}, got {env.GetType().Name}", nameof(env));
        if (!Strategies.TryGetValue(sw.Task.TaskType, out var strategy))
            throw new ArgumentException($"no expert strategy for task type '{sw.Task.TaskType}'", nameof(env));
        var session = new ExpertSession(sw, initial, random);
        strategy.Solve(session);
        return session.Finish();
    }
}
