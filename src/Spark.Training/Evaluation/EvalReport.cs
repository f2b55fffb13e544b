using System.Text;
using System.Text.Json;
using Spark.Core.IO;

namespace Spark.Training.Evaluation;

/// <summary>
/// The evaluation file: one JSON line per episode (<c>"type": "episode"</c>), then one summary line
/// (<c>"type": "summary"</c>, without the episodes). snake_case keys; written atomically.
/// </summary>
public static class EvalReport
{
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string ToJsonLines(EvalSummary summary, IReadOnlyDictionary<string, string>? labels = null)
    {
        var sb = new StringBuilder();
        foreach (var e in summary.EpisodeResults)
        {
            var line = JsonSerializer.SerializeToNode(e, Json)!.AsObject();
            line.Insert(0, "type", "episode");
            sb.Append(line.ToJsonString()).Append('\n');
        }
        var total = JsonSerializer.SerializeToNode(summary with { EpisodeResults = [] }, Json)!.AsObject();
        total.Remove("episode_results");
        total.Insert(0, "type", "summary");
        foreach (var (k, v) in labels ?? new Dictionary<string, string>()) total[k] = v;
        sb.Append(total.ToJsonString()).Append('\n');
        return sb.ToString();
    }

    public static void Write(string path, EvalSummary summary, IReadOnlyDictionary<string, string>? labels = null) =>
        AtomicFile.WriteAllText(path, ToJsonLines(summary, labels));

    /// <summary>The summary as a Markdown table (one row), with success by task type below.</summary>
    public static string Table(EvalSummary s)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| split | episodes | success | score | mean steps | generated tokens | repetitive | explore | invalid | wall |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        sb.Append(FormattableString.Invariant($"| {s.Split} | {s.Episodes} | {s.SuccessRate:P1} ± {s.SuccessStdErr * 100:F1} | {s.MeanScore:F3} | "));
        sb.AppendLine(FormattableString.Invariant($"{s.MeanSteps:F1} | {s.GeneratedTokens:N0} | {s.RepetitiveActionRatio:P1} | {s.ExploreRatio:P1} | {s.InvalidRatio:P1} | {s.Seconds:F0} s |"));
        sb.AppendLine();
        sb.AppendLine("| task type | episodes | success |");
        sb.AppendLine("|---|---|---|");
        foreach (var t in s.ByTaskType) sb.AppendLine(FormattableString.Invariant($"| {t.TaskType} | {t.Episodes} | {t.SuccessRate:P1} |"));
        return sb.ToString();
    }
}
