using Spark.Environments.ScienceWorld;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>
/// Replays the SwiftSage gold-path logs (recorded on an older ScienceWorld) on the built-in simulator and
/// compares each observation, with object lists compared as multisets.
/// </summary>
public class GoldPathReplayTests
{
    static readonly ScienceWorldSuite Suite = new(new SuiteOptions(MaxSteps: 100));

    public static IEnumerable<object[]> Episodes() =>
        SwiftSageLogs.All().Where(e => Tasks.Contains(e.TaskName)).Select(e => new object[] { e.ToString() });

    static readonly HashSet<string> Tasks = Spark.Environments.ScienceWorld.Tasks.TaskCatalog.All.Select(t => t.Name).ToHashSet();

    static LoggedEpisode Find(string id) => SwiftSageLogs.All().First(e => e.ToString() == id);

    [Theory]
    [MemberData(nameof(Episodes))]
    public void Observations_match_the_logged_gold_path(string id)
    {
        var episode = Find(id);
        var env = Suite.CreateVariation(episode.TaskName, episode.Variation);
        Assert.Equal(episode.Description, env.TaskDescription);
        var first = env.Reset();
        var mismatches = new List<string>();
        Compare(0, "look around (reset)", episode.Steps[0].Observation, first.Observation, mismatches);
        var pots = new Dictionary<string, string>();
        for (int i = 1; i < episode.Steps.Count; i++)
        {
            var step = episode.Steps[i];
            var result = env.Step(RenumberPots(step.Action, pots));
            Compare(i, step.Action, step.Observation, result.Observation, mismatches);
            if (pots.Count == 0) MatchPots(step.Observation, result.Observation, pots);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    [Theory]
    [MemberData(nameof(Episodes))]
    public void Scores_match_the_logged_gold_path(string id)
    {
        var episode = Find(id);
        var env = Suite.CreateVariation(episode.TaskName, episode.Variation);
        env.Reset();
        var scores = new List<string>();
        var pots = new Dictionary<string, string>();
        bool differ = Math.Round(100 * episode.Steps[0].Score) != env.Score;
        for (int i = 1; i < episode.Steps.Count; i++)
        {
            var result = env.Step(RenumberPots(episode.Steps[i].Action, pots));
            if (pots.Count == 0) MatchPots(episode.Steps[i].Observation, result.Observation, pots);
            int expected = (int)Math.Round(100 * episode.Steps[i].Score, MidpointRounding.ToEven);
            scores.Add($"{episode.Steps[i].Action}: {expected} vs {env.Score}");
            // These logs predate ScienceWorld 1.1, which ticks objects in id order: the part to power is ticked
            // before the wires, so it lights up one tick after the last connection. Some logs show that, some
            // (hash-ordered ticks) show it on the connection itself; both are accepted, only there.
            bool poweredLater = episode.TaskName == "power-component" && expected == 100 && i + 1 < episode.Steps.Count
                                && episode.Steps[i].Action.StartsWith("connect", StringComparison.Ordinal);
            differ |= expected != env.Score && !poweredLater;
        }
        Assert.False(differ, string.Join("\n", scores));
    }

    static readonly System.Text.RegularExpressions.Regex PotLine = new(@"self watering flower pot (\d) \(containing ([^,]*)");

    /// <summary>The original numbers flower pots with a draw that cannot be reproduced; pots are matched by
    /// the plant they hold in the first observation that lists them.</summary>
    static void MatchPots(string logged, string actual, Dictionary<string, string> pots)
    {
        var ours = PotLine.Matches(actual).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        foreach (System.Text.RegularExpressions.Match m in PotLine.Matches(logged))
            if (ours.TryGetValue(m.Groups[2].Value, out var number)) pots[m.Groups[1].Value] = number;
    }

    static string RenumberPots(string action, Dictionary<string, string> pots) =>
        System.Text.RegularExpressions.Regex.Replace(action, @"flower pot (\d)", m => "flower pot " + pots.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value));

    static void Compare(int index, string action, string expected, string actual, List<string> mismatches)
    {
        if (SwiftSageLogs.Items(expected).SequenceEqual(SwiftSageLogs.Items(actual))) return;
        mismatches.Add($"step {index} '{action}':\n  expected: {expected.Replace("\n", "\\n")}\n  actual:   {actual.Replace("\n", "\\n")}");
    }
}
