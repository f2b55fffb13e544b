using Spark.Core.Configuration;
using Spark.Core.Environments;
using Spark.Training.Agents.Teacher;

namespace Spark.Training.Agents.ColdStart;

/// <summary>Where the reasons of cold-start data come from.</summary>
public enum ReasonSource
{
    /// <summary>The suite's expert: its actions, its Explore flags and its sentences.</summary>
    Expert,
    /// <summary>The expert's actions, reasons written by a teacher model (the paper's 90%).</summary>
    TeacherAnnotate,
    /// <summary>A teacher model's own won episodes (the paper's 10%).</summary>
    TeacherPlay,
}

/// <summary>The data and a one-line account of what was kept and dropped.</summary>
public sealed record ColdStartRun(IReadOnlyList<ColdStartTrajectory> Trajectories, string Summary);

/// <summary>Makes cold-start data from one source; <c>spark data cold-start</c> calls this.</summary>
public static class ColdStartPipeline
{
    public static async Task<ColdStartRun> RunAsync(IEnvironmentSuite suite, ColdStartOptions options, ReasonSource source,
        ChatEndpoint? teacher = null, int parallel = 8, Action<string>? log = null, CancellationToken cancel = default)
    {
        options.Validate();
        if (source != ReasonSource.Expert && teacher == null)
            throw new ConfigException("teacher", $"{source} needs a teacher endpoint");

        switch (source)
        {
            case ReasonSource.Expert:
            {
                var r = ColdStartGenerator.FromExpert(suite, options, n => { if (n % 50 == 0) log?.Invoke($"{n} trajectories"); });
                return new ColdStartRun(r.Trajectories, ExpertSummary(r, options));
            }
            case ReasonSource.TeacherAnnotate:
            {
                // A pool twice the target, as the teacher's replies are not all accepted.
                var pool = ColdStartGenerator.FromExpert(suite, options with { Count = options.Count * 2 });
                log?.Invoke(ExpertSummary(pool, options));
                int done = 0;
                var outcomes = await new TeacherAnnotator(teacher!).AnnotateManyAsync(pool.Trajectories, options.Count, parallel,
                    o => log?.Invoke($"[{Interlocked.Increment(ref done)}] {o.Source.TaskId}: {o.Rejection ?? "accepted"}"), cancel);
                var kept = outcomes.Where(o => o.Annotated != null).Select(o => o.Annotated!).ToList();
                var reasons = outcomes.Where(o => o.Rejection != null).GroupBy(o => o.Rejection!.Split(':')[0])
                    .Select(g => $"{g.Count()} {g.Key}");
                return new ColdStartRun(kept, $"teacher annotated {kept.Count} of {outcomes.Count} expert trajectories" +
                    (kept.Count < outcomes.Count ? $" (rejected: {string.Join(", ", reasons)})" : ""));
            }
            default:
            {
                string split = options.Split ?? suite.Splits[0];
                var order = ColdStartGenerator.ShuffledIndices(suite.Count(split), options.Seed);
                var player = new TeacherPlayer(teacher!, maxSteps: options.MaxSteps - 1);
                var (won, played) = await player.PlayManyAsync(order.Length, i => suite.Create(split, order[i]), options.Count, parallel, cancel);
                return new ColdStartRun(won, $"teacher won {won.Count} of {played} episodes played (kept: won, every step well-formed, under {options.MaxSteps} steps)");
            }
        }
    }

    static string ExpertSummary(ColdStartResult r, ColdStartOptions options) =>
        $"expert: kept {r.Trajectories.Count} of {r.Tried} tasks ({r.Lost} not won, {r.TooLong} with {options.MaxSteps}+ steps)";
}
