using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spark.Core.IO;

namespace Spark.Training.Agents.ColdStart;

/// <summary>Reads and writes cold-start data: JSON lines, one trajectory per line, snake_case keys.</summary>
public static class ColdStartFile
{
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Keep <explore> and non-ASCII text readable in the file; it is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJsonLine(ColdStartTrajectory trajectory) => JsonSerializer.Serialize(trajectory, Json);

    /// <summary>Writes the file atomically (a reader sees the old file or the whole new one).</summary>
    public static void Write(string path, IEnumerable<ColdStartTrajectory> trajectories)
    {
        var sb = new StringBuilder();
        foreach (var t in trajectories) sb.Append(ToJsonLine(t)).Append('\n');
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>Reads every trajectory; a malformed line is an <see cref="InvalidDataException"/> naming it.</summary>
    public static List<ColdStartTrajectory> Read(string path)
    {
        var list = new List<ColdStartTrajectory>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var t = JsonSerializer.Deserialize<ColdStartTrajectory>(line, Json);
                if (t?.Steps == null || t.Steps.Count == 0 || t.Env == null)
                    throw new InvalidDataException("missing env or steps");
                list.Add(t);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"{path}:{number}: not a cold-start trajectory ({e.Message})", e);
            }
        }
        return list;
    }
}
