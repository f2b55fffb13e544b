using System.Text;
using System.Text.Json;
using Spark.Core.Text;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Parsing;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Agents.Teacher;

/// <summary>A teacher's verdict on one trajectory: the annotated trajectory, or why it was refused.</summary>
public sealed record AnnotationOutcome(ColdStartTrajectory Source, ColdStartTrajectory? Annotated, string? Rejection);

/// <summary>
/// Retro-annotation as in the paper's <c>all_annotation.py</c>: the environment's tagging prompt with the
/// trajectory as <c>json.dumps([{observation, action}, …], ensure_ascii=False)</c>, one user message,
/// temperature 0, 1,024 tokens; the reply, stripped of <c>```json</c> fences, must be a JSON list accepted by
/// the paper's checks: the same length as the trajectory, every action equal to the trajectory's, every
/// reason starting with <c>&lt;</c>. The response becomes <c>{reason}\n&lt;action&gt;{action}&lt;/action&gt;</c>.
/// </summary>
public sealed class TeacherAnnotator(ChatEndpoint endpoint, double temperature = 0.0, int maxTokens = 1024, int attempts = 5)
{
    /// <summary>Annotates one trajectory (its own reasons are replaced).</summary>
    public async Task<AnnotationOutcome> AnnotateAsync(ColdStartTrajectory trajectory, CancellationToken cancel = default)
    {
        string prompt = Prompt(trajectory);
        List<(string Reason, string Action)>? items = null;
        string? problem = null;
        // As the paper's llm_json: retry while the reply is not a JSON list; a list that fails the checks is final.
        for (int attempt = 0; attempt < attempts && items == null; attempt++)
        {
            string reply = await endpoint.CompleteAsync([ChatMessage.User(prompt)], temperature, maxTokens, cancel);
            items = ReadItems(reply, out problem);
        }
        if (items == null) return new AnnotationOutcome(trajectory, null, problem);

        string? rejection = Check(items, trajectory);
        return rejection != null
            ? new AnnotationOutcome(trajectory, null, rejection)
            : new AnnotationOutcome(trajectory, Merge(items, trajectory), null);
    }

    /// <summary>Annotates until <paramref name="target"/> trajectories are accepted (or the input runs out),
    /// <paramref name="parallel"/> requests at a time. Outcomes come back in input order.</summary>
    public async Task<List<AnnotationOutcome>> AnnotateManyAsync(IReadOnlyList<ColdStartTrajectory> trajectories, int target, int parallel, Action<AnnotationOutcome>? progress = null, CancellationToken cancel = default)
    {
        var outcomes = new AnnotationOutcome?[trajectories.Count];
        int accepted = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, trajectories.Count), options, async (i, token) =>
            {
                var outcome = await AnnotateAsync(trajectories[i], token);
                outcomes[i] = outcome;
                progress?.Invoke(outcome);
                if (outcome.Annotated != null && Interlocked.Increment(ref accepted) >= target) await stop.CancelAsync();
            });
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            // Enough accepted: the remaining requests were cancelled on purpose.
        }
        var done = outcomes.OfType<AnnotationOutcome>().ToList();
        int keep = 0;
        // Keep exactly `target` accepted ones, in input order.
        return done.Where(o => o.Annotated == null || keep++ < target).ToList();
    }

    /// <summary>The tagging prompt for a trajectory.</summary>
    public static string Prompt(ColdStartTrajectory trajectory) =>
        SparkTemplateText.Fill(EnvironmentPrompts.For(trajectory.Env).Templates.Tagging,
            new Dictionary<string, string> { ["traj"] = PythonJson(trajectory.Steps) });

    /// <summary>The paper's acceptance checks; null when accepted, else why not.</summary>
    public static string? Check(IReadOnlyList<(string Reason, string Action)> items, ColdStartTrajectory trajectory)
    {
        if (items.Count != trajectory.Steps.Count) return $"length mismatch: {items.Count} vs {trajectory.Steps.Count}";
        if (items.Count == 0) return "empty reply";
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Action != trajectory.Steps[i].Action) return $"action mismatch at step {i + 1}: '{items[i].Action}' vs '{trajectory.Steps[i].Action}'";
            if (!items[i].Reason.StartsWith('<')) return $"reason at step {i + 1} does not start with a tag";
        }
        return null;
    }

    /// <summary>Reads the reply as a list of {reason, action}; null (with the problem) when it is not one.</summary>
    public static List<(string Reason, string Action)>? ReadItems(string reply, out string? problem)
    {
        problem = null;
        string json = reply.Replace("```json", "").Replace("```", "").Trim();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) { problem = "the reply is not a JSON list"; return null; }
            var items = new List<(string, string)>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object
                    || !e.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String
                    || !e.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
                {
                    problem = "an item lacks a string 'reason' or 'action'";
                    return null;
                }
                items.Add((reason.GetString()!, action.GetString()!));
            }
            return items;
        }
        catch (JsonException e)
        {
            problem = $"the reply is not JSON: {e.Message}";
            return null;
        }
    }

    static ColdStartTrajectory Merge(List<(string Reason, string Action)> items, ColdStartTrajectory source)
    {
        var steps = items.Select((item, i) =>
        {
            var parsed = ActionParser.Parse(item.Reason);
            string mode = parsed.Explore ? ColdStartStep.ExploreMode : ColdStartStep.ThinkMode;
            return new ColdStartStep(i + 1, source.Steps[i].Observation, item.Action, mode,
                parsed.Reasoning ?? item.Reason, $"{item.Reason}\n<action>{item.Action}</action>");
        }).ToList();
        return source with { Source = ColdStartTrajectory.TeacherAnnotatedSource, Steps = steps };
    }

    // json.dumps([{"observation": o, "action": a}, ...], ensure_ascii=False): ", " and ": " separators.
    static string PythonJson(IEnumerable<ColdStartStep> steps) =>
        "[" + string.Join(", ", steps.Select(s => $"{{\"observation\": {PythonString(s.Observation)}, \"action\": {PythonString(s.Action)}}}")) + "]";

    static string PythonString(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
