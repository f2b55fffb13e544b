using System.Text.RegularExpressions;
using Spark.Core.Environments;

namespace Spark.Training.Pretraining;

/// <summary>One step of a played episode: the action and what the world answered.</summary>
public sealed record PlayedStep(string Action, string Result);

/// <summary>An episode of guided random play, with the expert's reasons for its own solution (vocabulary text).</summary>
public sealed record PlayedEpisode(TaskInfo Task, string FirstObservation, IReadOnlyList<PlayedStep> Steps, bool Won, IReadOnlyList<string> ExpertReasons);

/// <summary>
/// Plays an episode for the pretraining corpus: mostly random admissible actions, weighted toward actions that name
/// an entity the latest observation mentions (so copying names from the text pays), mixed with steps of the suite
/// expert's solution of the same task (so deeper states — holding, cleaned, placed — appear). The expert's share
/// of the episode is drawn per episode from [0, <see cref="MaxGuidance"/>). When the expert's next action is not
/// admissible, the player goes to (or opens) the place it names if it can, else skips it and acts randomly.
/// Language, dynamics and copying, not the task policy: most steps are random.
/// </summary>
public sealed partial class GuidedPlayer(IEnvironmentSuite suite, double maxGuidance = GuidedPlayer.DefaultMaxGuidance,
    double entityBias = GuidedPlayer.DefaultEntityBias)
{
    public const double DefaultMaxGuidance = 0.6;
    public const double DefaultEntityBias = 4.0;

    public double MaxGuidance { get; } = maxGuidance;

    public PlayedEpisode Play(string split, int index, Random random)
    {
        var (plan, reasons) = ExpertPlan(split, index, random);
        double guidance = random.NextDouble() * MaxGuidance;
        var env = suite.Create(split, index);
        var last = env.Reset();
        string first = last.Observation;
        var steps = new List<PlayedStep>();
        int next = 0;
        while (!last.Done)
        {
            var admissible = env.AdmissibleActions;
            if (admissible.Count == 0) break;
            string? action = null;
            if (next < plan.Count && random.NextDouble() < guidance)
            {
                string wanted = plan[next];
                if (admissible.Contains(wanted)) { action = wanted; next++; }
                else if (Place(wanted) is { } place && admissible.FirstOrDefault(a => a == "go to " + place || a == "open " + place) is { } approach)
                    action = approach;
                else next++;
            }
            action ??= Biased(admissible, last.Observation, random);
            last = env.Step(action);
            steps.Add(new PlayedStep(action, last.Observation));
        }
        (env as IDisposable)?.Dispose();
        return new PlayedEpisode(env.Task, first, steps, last.Won, reasons);
    }

    (IReadOnlyList<string> Plan, IReadOnlyList<string> Reasons) ExpertPlan(string split, int index, Random random)
    {
        if (suite.Expert is not { } expert) return ([], []);
        var env = suite.Create(split, index);
        var trajectory = expert.Solve(env, env.Reset(), random);
        (env as IDisposable)?.Dispose();
        return (trajectory.Steps.Select(s => s.Action).ToList(), trajectory.Steps.Select(s => s.Reason).ToList());
    }

    /// <summary>A random admissible action, each weighted 1 + bias × (entities it names that the observation mentions).</summary>
    string Biased(IReadOnlyList<string> admissible, string observation, Random random)
    {
        var weights = new double[admissible.Count];
        double total = 0;
        for (int i = 0; i < admissible.Count; i++)
        {
            int mentioned = Entities(admissible[i]).Count(e => observation.Contains(e, StringComparison.OrdinalIgnoreCase));
            total += weights[i] = 1 + entityBias * mentioned;
        }
        double u = random.NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0) return admissible[i];
        }
        return admissible[^1];
    }

    /// <summary>Numbered names ("apple 1") and bracketed arguments ("click[buy now]" → "buy now") in an action.</summary>
    static IEnumerable<string> Entities(string action) =>
        EntityPattern().Matches(action).Select(m => m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["b"].Value);

    /// <summary>The receptacle an ALFWorld-style action needs the agent at ("take x 1 from cabinet 2" → "cabinet 2").</summary>
    static string? Place(string action) =>
        PlacePattern().Match(action) is { Success: true } m ? m.Groups["p"].Value : null;

    [GeneratedRegex(@"(?<n>[A-Za-z]+ \d+)|\[(?<b>[^\]]+)\]")]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"(?:from|in/on|with|to) (?<p>[a-z]+ \d+)$")]
    private static partial Regex PlacePattern();
}
