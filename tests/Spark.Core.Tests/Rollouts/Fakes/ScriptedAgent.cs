using System.Text.RegularExpressions;
using Spark.Core.Agents;
using Spark.Core.Environments;

namespace Spark.Core.Tests.Rollouts.Fakes;

/// <summary>
/// A test agent: <c>respond</c> writes the response text of each step; the agent parses it like the harness does
/// (action inside &lt;action&gt;, explore = a complete &lt;explore&gt;…&lt;/explore&gt;), uses one token per character,
/// and checks on every step that the environment's action history equals the actions this trajectory decided —
/// which, after a branch, means the child's world holds exactly its parent's history.
/// </summary>
public sealed class ScriptedAgent(Func<ScriptedContext, IEnvironment, Random, string> respond, bool entropies = false) : IAgent
{
    static readonly Regex ExploreTag = new("<explore>.*?</explore>", RegexOptions.Singleline);
    static readonly Regex ActionTag = new("<action>(.*?)</action>", RegexOptions.Singleline);
    int _started;

    public List<ScriptedContext> Contexts { get; } = [];
    public int ActCalls { get; private set; }

    /// <summary>Picks admissible actions at random (mostly "right") and writes &lt;explore&gt; with probability <paramref name="explore"/>.</summary>
    public static ScriptedAgent Random(double explore, double invalid = 0.05, bool entropies = false) => new((ctx, env, rng) =>
    {
        var actions = env.AdmissibleActions;
        string action = rng.NextDouble() < 0.5 ? "right" : actions[rng.Next(actions.Count)];
        string reason = rng.NextDouble() < explore ? "<explore>not sure what is here</explore>" : "<think>keep going</think>";
        return rng.NextDouble() < invalid ? reason + " " + action : $"{reason}<action>{action}</action>";
    }, entropies);

    public IAgentContext Start(IEnvironment env, StepResult initial)
    {
        var context = new ScriptedContext(_started++, [initial.Observation], []);
        Contexts.Add(context);
        return context;
    }

    public IReadOnlyList<AgentStep> Act(IReadOnlyList<AgentTurn> batch, IReadOnlyList<ulong> seeds)
    {
        ActCalls++;
        var steps = new AgentStep[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            var context = (ScriptedContext)batch[i].Context;
            var env = batch[i].Env;
            if (!env.ActionHistory.SequenceEqual(context.Actions))
                throw new InvalidOperationException("the world's history differs from the trajectory's decided actions");
            var rng = new Random((int)(seeds[i] & 0x7FFFFFFF));
            string text = respond(context, env, rng);
            var match = ActionTag.Matches(text);
            string action = match.Count == 1 ? match[0].Groups[1].Value : "";
            string prompt = string.Join("|", context.Observations.TakeLast(3)) + string.Join(",", context.Actions.TakeLast(3));
            int[] responseIds = text.Select(c => (int)c).ToArray();
            steps[i] = new AgentStep(
                action, match.Count == 1, ExploreTag.IsMatch(text), text,
                prompt.Select(c => (int)c).ToArray(), responseIds,
                responseIds.Select(_ => -(float)rng.NextDouble()).ToArray(),
                entropies ? responseIds.Select(_ => (float)rng.NextDouble()).ToArray() : null,
                PromptTokensComputed: prompt.Length);
        }
        return steps;
    }

    public void Observe(IAgentContext context, AgentStep step, StepResult result)
    {
        var c = (ScriptedContext)context;
        c.Actions.Add(step.Action);
        c.Observations.Add(result.Observation);
    }
}

/// <summary>A trajectory's memory: which root it started as, how many branches made it, what it saw and did.</summary>
public sealed record ScriptedContext(int Root, List<string> Observations, List<string> Actions, int Generation = 0) : IAgentContext
{
    public IAgentContext Fork() => new ScriptedContext(Root, [.. Observations], [.. Actions], Generation + 1);
}
