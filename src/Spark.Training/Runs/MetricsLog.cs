using System.Globalization;
using System.Text.Json;
using TorchSharp;

namespace Spark.Training.Runs;

/// <summary>
/// Per-iteration metrics of a training run: one JSON object per line in metrics.jsonl, and the same
/// scalars as TensorBoard event files under tensorboard/. On resume, lines past the checkpoint are dropped
/// so the file equals that of an uninterrupted run.
/// </summary>
public sealed class MetricsLog
{
    readonly string _path;
    readonly TorchSharp.Modules.SummaryWriter? _tensorboard;

    public MetricsLog(string runDir, bool tensorboard = true, int? resumeFromStep = null)
    {
        Directory.CreateDirectory(runDir);
        _path = Path.Combine(runDir, "metrics.jsonl");
        if (resumeFromStep is int keep && File.Exists(_path))
        {
            var kept = File.ReadAllLines(_path).Where(l => StepOf(l) is int s && s <= keep).ToArray();
            Spark.Core.IO.AtomicFile.WriteAllText(_path, kept.Length == 0 ? "" : string.Join('\n', kept) + "\n");
        }
        else if (resumeFromStep is null && File.Exists(_path))
        {
            File.Delete(_path);
        }
        // TorchSharp's writer appends and flushes per event, so there is nothing to close.
        if (tensorboard)
            _tensorboard = torch.utils.tensorboard.SummaryWriter(Path.Combine(runDir, "tensorboard"), createRunName: false);
    }

    /// <summary>Appends one record; every numeric field also goes to TensorBoard under its name.</summary>
    public void Write(int step, IReadOnlyDictionary<string, double> scalars, IReadOnlyDictionary<string, string>? labels = null)
    {
        var record = new Dictionary<string, object> { ["step"] = step };
        if (labels != null) foreach (var (k, v) in labels) record[k] = v;
        foreach (var (k, v) in scalars) record[k] = double.IsFinite(v) ? Math.Round(v, 6) : v.ToString(CultureInfo.InvariantCulture);
        File.AppendAllText(_path, JsonSerializer.Serialize(record) + "\n");
        if (_tensorboard != null)
            foreach (var (k, v) in scalars)
                if (double.IsFinite(v)) _tensorboard.add_scalar(k, (float)v, step);
    }

    public static IReadOnlyList<Dictionary<string, JsonElement>> Read(string runDir)
    {
        string path = Path.Combine(runDir, "metrics.jsonl");
        if (!File.Exists(path)) return [];
        return File.ReadLines(path).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(l)!).ToList();
    }

    static int? StepOf(string line)
    {
        if (line.Length == 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("step", out var s) ? s.GetInt32() : null;
        }
        catch (JsonException) { return null; } // a torn last line from a killed run
    }
}
