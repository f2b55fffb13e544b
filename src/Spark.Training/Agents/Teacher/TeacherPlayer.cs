using Spark.Core.Environments;
using Spark.Core.Text;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Parsing;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Agents.Teacher;

/// <summary>
/// The paper's interaction data: a teacher model plays the environment itself with the SPARK RL prompt
/// (window of 5, admissible actions; the paper's API agent samples at temperature 0.8 with up to 2,048
/// tokens) and only its won episodes are kept, with its own reasoning. Stricter than the paper in one way:
/// an episode with any response that breaks the format rules is dropped too, so SFT never learns a broken format.
/// </summary>
public sealed class TeacherPlayer(ChatEndpoint endpoint, double temperature = 0.8, int maxTokens = 2048, int maxSteps = 30)
{
    /// <summary>Plays one task; the trajectory when won with every step well-formed, else null.</summary>
    public async Task<ColdStartTrajectory?> PlayAsync(IEnvironment env, CancellationToken cancel = default)
    {
        var result = env.Reset();
        var context = new AgentContext(EnvironmentPrompts.For(env.Task.Env), env.Task, result.Observation);
        var steps = new List<ColdStartStep>();
        while (!result.Done && steps.Count < maxSteps)
        {
            string prompt = PaperPrompt.Window(context, PromptOptions.PaperHistoryLength, [.. env.AdmissibleActions]);
            string reply = await endpoint.CompleteAsync([ChatMessage.User(prompt)], temperature, maxTokens, cancel);
            var parsed = ActionParser.Parse(reply);
            if (!parsed.Valid) return null;
            steps.Add(new ColdStartStep(steps.Count + 1, context.Observation, parsed.Action, parsed.Mode!, parsed.Reasoning!,
                ColdStartStep.FormatResponse(parsed.Mode!, parsed.Reasoning!, parsed.Action)));
            result = env.Step(parsed.Action);
            context.Record(parsed.Action, result.Observation);
        }
        return result.Won ? ColdStartTrajectory.Create(env.Task, ColdStartTrajectory.TeacherPlayedSource, steps, result.Observation) : null;
    }

    /// <summary>Plays tasks <c>create(0)</c>, <c>create(1)</c>, … (up to <paramref name="tasks"/>) until <paramref name="target"/>
    /// are won, <paramref name="parallel"/> at a time; returns the won trajectories in task order and how many were played.</summary>
    public async Task<(List<ColdStartTrajectory> Won, int Played)> PlayManyAsync(int tasks, Func<int, IEnvironment> create, int target, int parallel, CancellationToken cancel = default)
    {
        var won = new ColdStartTrajectory?[tasks];
        int count = 0, played = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, tasks), options, async (i, token) =>
            {
                won[i] = await PlayAsync(create(i), token);
                Interlocked.Increment(ref played);
                if (won[i] != null && Interlocked.Increment(ref count) >= target) await stop.CancelAsync();
            });
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            // Enough won: the remaining episodes were cancelled on purpose.
        }
        return (won.OfType<ColdStartTrajectory>().Take(target).ToList(), played);
    }
}
