using System.Text.Json;
using Spark.Tests.Shared;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>One step of a SwiftSage gold-path run: action, observation, score (0–1) and completion.</summary>
public sealed record LoggedStep(string Action, string Observation, double Score, bool Completed);

/// <summary>A gold-path episode from the SwiftSage oracle logs (ScienceWorld run-history JSON).</summary>
public sealed record LoggedEpisode(string TaskName, int Variation, string Description, IReadOnlyList<LoggedStep> Steps)
{
    public override string ToString() => $"{TaskName}-{Variation}";
}

/// <summary>Reads the SwiftSage oracle logs in the shared fixtures.</summary>
public static class SwiftSageLogs
{
    public static readonly string[] Files =
    [
        "swiftsage_oracle_task7-225-234.json", "swiftsage_oracle_task13-6-9.json",
        "swiftsage_oracle_task17-93-102.json", "swiftsage_oracle_task25-15-19.json",
    ];

    public static IEnumerable<LoggedEpisode> Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("scienceworld", file)));
        foreach (var run in doc.RootElement.EnumerateObject())
        {
            var history = run.Value.GetProperty("history");
            var steps = history.GetProperty("history").EnumerateArray().Select(h => new LoggedStep(
                h.GetProperty("action").GetString()!,
                h.GetProperty("observation").GetString()!,
                double.Parse(h.GetProperty("score").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                h.GetProperty("isCompleted").GetString() == "true")).ToList();
            yield return new LoggedEpisode(history.GetProperty("taskName").GetString()!, history.GetProperty("variationIdx").GetInt32(),
                history.GetProperty("taskDescription").GetString()!, steps);
        }
    }

    public static IEnumerable<LoggedEpisode> All() => Files.SelectMany(Load);

    /// <summary>The items of a text as a sorted multiset: lines and comma/parenthesis-separated list items.
    /// Object lists changed order between ScienceWorld versions, so observations are compared this way.
    /// Flower-pot numbers are masked: the original draws them from its global generator while constructing
    /// every task, which cannot be reproduced.</summary>
    public static List<string> Items(string text)
    {
        text = System.Text.RegularExpressions.Regex.Replace(text, @"flower pot \d", "flower pot #");
        // "containing " and "is: " open a list: cut there too, so a list's first item stands alone.
        text = text.Replace("containing ", "containing\n").Replace("is: ", "is:\n");
        // A list's last item carries the sentence's full stop, and which item is last depends on the order.
        var items = text.Split(['\n', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd('.').TrimEnd()).Where(s => s.Length > 0).ToList();
        items.Sort(StringComparer.Ordinal);
        return items;
    }
}
