using System.Globalization;
using System.Text.Json;

namespace Spark.Reporting.Input;

/// <summary>
/// Turns a training run's metrics.jsonl (one JSON object per iteration) into a <see cref="TrainingRun"/>:
/// every numeric field is kept, as are "NaN"/"Infinity" strings (how the run log writes non-finite values);
/// text labels, booleans and nested values are left out.
/// </summary>
public static class MetricsJsonl
{
    public static TrainingRun ReadRun(string path, string method, string env, int seed)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"metrics file not found: {path}", path);
        return new TrainingRun { Method = method, Env = env, Seed = seed, Iterations = ParseLines(File.ReadAllLines(path), path) };
    }

    /// <summary>Parses the lines; a torn last line (a run killed mid-write) is skipped, any other bad line is an error naming it.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> ParseLines(IReadOnlyList<string> lines, string source = "metrics")
    {
        int last = lines.Count - 1;
        while (last >= 0 && lines[last].Trim().Length == 0) last--;
        var rows = new List<IReadOnlyDictionary<string, double>>();
        for (int i = 0; i <= last; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            try
            {
                rows.Add(ParseLine(lines[i]));
            }
            catch (JsonException) when (i == last)
            {
                // a torn last line: the run was killed while appending it
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{source}: line {i + 1} is not a JSON object: {e.Message}", e);
            }
        }
        return rows;
    }

    public static IReadOnlyDictionary<string, double> ParseLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("expected a JSON object");
        var row = new Dictionary<string, double>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out double d)) row[p.Name] = d;
            else if (p.Value.ValueKind == JsonValueKind.String && IsNonFinite(p.Value.GetString()!, out double nf)) row[p.Name] = nf;
        }
        return row;
    }

    static bool IsNonFinite(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsFinite(value);
}
