using Spark.Core.Agents;
using Spark.Core.Environments;
using Spark.Core.Randomness;

namespace Spark.Training.Agents;

/// <summary>One step of a finished episode: what the agent decided and what the world answered.</summary>
public sealed record EpisodeStep(AgentStep Agent, StepResult Result);

/// <summary>One episode played to the end.</summary>
/// <param name="Won">The task was completed.</param>
/// <param name="Score">The last step's score (ALFWorld 0/1, ScienceWorld score/100, WebShop reward).</param>
/// <param name="Truncated">It ended at a step limit (the environment's or the runner's), not by the task.</param>
public sealed record EpisodeRecord(TaskInfo Task, IReadOnlyList<EpisodeStep> Steps, bool Won, double Score, bool Truncated, string FinalObservation)
{
    public int InvalidSteps => Steps.Count(s => !s.Agent.Valid);
    public int ExploreSteps => Steps.Count(s => s.Agent.Explore);
}

/// <summary>
/// Plays a batch of tasks with one agent, linearly (no branching): every step, one batched <see cref="IAgent.Act"/>
/// over the episodes still running. For evaluation and for checking cold-start data. Episode <c>i</c>'s step
/// <c>t</c> samples with seed <c>Seeds.Derive(seed, "episode", i, t)</c>, so results do not depend on the batch.
/// </summary>
public static class EpisodeRunner
{
    /// <summary>Resets each environment and plays it to the end (or to <paramref name="maxSteps"/>).</summary>
    public static IReadOnlyList<EpisodeRecord> Run(IAgent agent, IReadOnlyList<IEnvironment> envs, ulong seed, int maxSteps = 1000)
    {
        int n = envs.Count;
        var contexts = new IAgentContext[n];
        var steps = new List<EpisodeStep>[n];
        var last = new StepResult[n];
        for (int i = 0; i < n; i++)
        {
            last[i] = envs[i].Reset();
            contexts[i] = agent.Start(envs[i], last[i]);
            steps[i] = [];
        }

        var active = Enumerable.Range(0, n).Where(i => !last[i].Done).ToList();
        for (int t = 0; t < maxSteps && active.Count > 0; t++)
        {
            var turns = active.Select(i => new AgentTurn(contexts[i], envs[i])).ToList();
            var seeds = active.Select(i => Seeds.Derive(seed, "episode", i, t)).ToList();
            var decided = agent.Act(turns, seeds);
            for (int k = 0; k < active.Count; k++)
            {
                int i = active[k];
                var result = envs[i].Step(decided[k].Action);
                agent.Observe(contexts[i], decided[k], result);
                steps[i].Add(new EpisodeStep(decided[k], result));
                last[i] = result;
            }
            active.RemoveAll(i => last[i].Done);
        }

        return Enumerable.Range(0, n).Select(i => new EpisodeRecord(
            envs[i].Task, steps[i], last[i].Won, last[i].Score,
            Truncated: last[i].Truncated || !last[i].Done, last[i].Observation)).ToList();
    }

    /// <summary>Plays tasks <paramref name="indices"/> of <paramref name="split"/>; disposes the worlds it made.</summary>
    public static IReadOnlyList<EpisodeRecord> Run(IAgent agent, IEnvironmentSuite suite, string split, IEnumerable<int> indices, ulong seed, int maxSteps = 1000)
    {
        var envs = indices.Select(i => suite.Create(split, i)).ToList();
        try
        {
            return Run(agent, envs, seed, maxSteps);
        }
        finally
        {
            foreach (var env in envs) (env as IDisposable)?.Dispose();
        }
    }
}
