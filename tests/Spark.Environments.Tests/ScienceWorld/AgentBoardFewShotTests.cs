using System.Text.Json;
using Spark.Environments.ScienceWorld;
using Spark.Tests.Shared;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>
/// Plays the AgentBoard few-shot episode (boil water, starting in the hallway) on the built-in simulator:
/// every observation must match, object lists as multisets, including the thermometer readings of the water
/// heating on the stove.
/// </summary>
public class AgentBoardFewShotTests
{
    /// <summary>The one step whose text changed since the prompt was recorded: the current original refuses to
    /// pick up what is already in the inventory (the pot was picked up two steps earlier).</summary>
    const string AlreadyInInventory = "That object already appears to be in the inventory.";

    static List<(string Action, string Observation)> Steps()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("scienceworld", "agentboard_scienceworld_base.json")));
        string examples = doc.RootElement.GetProperty("examples").GetString()!;
        var steps = new List<(string, string)>();
        foreach (var block in examples.Split("ACTION: ").Skip(1))
        {
            var parts = block.Split("\nOBSERVATION: ", 2);
            // The room was renamed from "green house" to "greenhouse" after the prompt was recorded.
            if (parts.Length == 2) steps.Add((parts[0].Trim(), parts[1].Trim().Replace("green house", "greenhouse")));
        }
        return steps;
    }

    [Fact]
    public void The_boil_water_episode_reads_as_in_the_prompt()
    {
        var steps = Steps();
        Assert.True(steps.Count > 30, "the prompt's episode was not parsed");
        var env = new ScienceWorldSuite(new SuiteOptions(MaxSteps: 100)).CreateVariation("boil", 0);
        Assert.Equal(
            "Your task is to boil water. For compounds without a boiling point, combusting the substance is also acceptable. " +
            "First, focus on the substance. Then, take actions that will cause it to change its state of matter.",
            env.TaskDescription);
        Assert.Equal(SwiftSageLogs.Items(steps[0].Observation), SwiftSageLogs.Items(env.Reset().Observation));

        var mismatches = new List<string>();
        foreach (var (action, expected) in steps.Skip(1))
        {
            var result = env.Step(action);
            if (SwiftSageLogs.Items(expected).SequenceEqual(SwiftSageLogs.Items(result.Observation))) continue;
            if (action == "pick up metal pot" && result.Observation == AlreadyInInventory) continue;
            var want = SwiftSageLogs.Items(expected);
            var got = SwiftSageLogs.Items(result.Observation);
            mismatches.Add($"'{action}': missing [{string.Join("; ", want.Except(got))}], unexpected [{string.Join("; ", got.Except(want))}]");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Refusals_are_reported_as_not_accepted()
    {
        var env = new ScienceWorldSuite(new SuiteOptions()).CreateVariation("boil", 0);
        env.Reset();
        var open = env.Step("open door to kitchen");
        Assert.Equal("The door is already open.", open.Observation);
        var unknown = env.Step("fly to the moon");
        Assert.Equal("No known action matches that input.", unknown.Observation);
        Assert.False(unknown.ActionAccepted);
        Assert.Equal(0, unknown.Reward);
        Assert.True(env.Step("go to kitchen").ActionAccepted);
    }
}
