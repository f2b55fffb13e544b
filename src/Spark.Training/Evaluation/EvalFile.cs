using System.Text.Json;
using Spark.Core.Metrics;

namespace Spark.Training.Evaluation;

/// <summary>One episode line of an evaluation file, as far as comparisons need it.</summary>
public sealed record EvalOutcome(string TaskId, bool Won, double Score);

/// <summary>
/// An evaluation file read back (what <see cref="EvalReport.Write"/> wrote): its episodes and the summary's labels.
/// </summary>
/// <param name="Checkpoint">The summary's <c>checkpoint</c> label (<c>spark eval</c> writes it), or null.</param>
/// <param name="Seed">The summary's <c>seed</c> label, or null.</param>
public sealed record EvalFile(string Path, string Env, string Split, string? Checkpoint, string? Seed, IReadOnlyList<EvalOutcome> Episodes)
{
    /// <summary>Reads a file; a malformed one, or one without its summary line (cut short), is refused naming the line.</summary>
    public static EvalFile Read(string path)
    {
        var episodes = new List<EvalOutcome>();
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(lines[i]); }
            catch (JsonException ex) { throw Bad(path, i, $"not JSON ({ex.Message})"); }
            using var _ = doc;
            var row = doc.RootElement;
            string type = Text(row, "type", path, i);
            if (type == "episode")
            {
                episodes.Add(new EvalOutcome(Text(row, "task_id", path, i), Bool(row, "won", path, i), Number(row, "score", path, i)));
                continue;
            }
            if (type != "summary") throw Bad(path, i, $"unknown line type '{type}'");
            if (i != Array.FindLastIndex(lines, l => l.Length > 0)) throw Bad(path, i, "the summary line is not the last");
            return new EvalFile(path, Text(row, "env", path, i), Text(row, "split", path, i),
                Optional(row, "checkpoint"), Optional(row, "seed"), episodes);
        }
        throw new InvalidDataException($"{path}: no summary line (the evaluation was cut short, or this is not an evaluation file)");
    }

    /// <summary>The outcome of every task: 1/0 for won/lost, or the environment's final score.</summary>
    /// <param name="model">Whom the outcomes belong to: evaluations of one model with different seeds share it.</param>
    public TaskOutcomes Outcomes(bool score, string model)
    {
        var byTask = new Dictionary<string, double>();
        foreach (var e in Episodes)
            if (!byTask.TryAdd(e.TaskId, score ? e.Score : e.Won ? 1 : 0))
                throw new InvalidDataException($"{Path}: task '{e.TaskId}' appears twice");
        return new TaskOutcomes(model, Path, byTask, Seed);
    }

    static JsonElement Get(JsonElement row, string key, string path, int line) =>
        row.TryGetProperty(key, out var v) ? v : throw Bad(path, line, $"no '{key}'");

    static string Text(JsonElement row, string key, string path, int line) =>
        Get(row, key, path, line) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw Bad(path, line, $"'{key}' is not a string");

    static bool Bool(JsonElement row, string key, string path, int line) =>
        Get(row, key, path, line) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : throw Bad(path, line, $"'{key}' is not true or false");

    static double Number(JsonElement row, string key, string path, int line) =>
        Get(row, key, path, line) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : throw Bad(path, line, $"'{key}' is not a number");

    static string? Optional(JsonElement row, string key) =>
        row.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static InvalidDataException Bad(string path, int line, string what) => new($"{path}:{line + 1}: {what}");
}
