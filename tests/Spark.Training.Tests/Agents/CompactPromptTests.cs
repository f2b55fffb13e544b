using System.Text.Json;
using Spark.Core.Environments;
using Spark.Tests.Shared;
using Spark.Training.Agents;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Tests.Agents;

/// <summary>
/// The compact prompt and its memory line on the same known states as the paper's golden files. The golden
/// compact texts are ours (reviewed by eye); set SPARK_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
/// </summary>
public class CompactPromptTests
{
    sealed record State(string Env, string Goal, string[] Observations, string[] Actions);

    static AgentContext Seventh(string env)
    {
        string dir = Path.Combine(RepoPaths.RepoRoot, "tests", "Spark.Training.Tests", "Agents", "Golden");
        var s = JsonSerializer.Deserialize<State>(File.ReadAllText(Path.Combine(dir, $"{env}.state.json")),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
        var context = new AgentContext(EnvironmentPrompts.For(env), new TaskInfo(env, "train", 0, "t", s.Goal), s.Observations[0]);
        for (int i = 0; i < s.Actions.Length; i++) context.Record(s.Actions[i], s.Observations[i + 1]);
        return context;
    }

    static void AssertGolden(string name, string actual)
    {
        string path = Path.Combine(RepoPaths.RepoRoot, "tests", "Spark.Training.Tests", "Agents", "Golden", name);
        if (Environment.GetEnvironmentVariable("SPARK_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Theory]
    [InlineData("alfworld")]
    [InlineData("scienceworld")]
    [InlineData("webshop")]
    public void Compact_window_and_episode_turn_on_the_known_state(string env)
    {
        var context = Seventh(env);
        AssertGolden($"{env}.compact.step7.txt", CompactPrompt.Window(context, PromptOptions.CompactHistoryLength, memoryLine: true));
        AssertGolden($"{env}.compact-episode.step7.txt", CompactPrompt.EpisodeTurn(context, memoryLine: true));
    }

    [Theory]
    [InlineData("alfworld", "visited countertop 1 [apple 1, bread 1, knife 1], countertop 2 [spatula 1], sinkbasin 1 [nothing], coffeemachine 1 [nothing]; holding mug 2 (cleaned)")]
    [InlineData("scienceworld", "rooms hallway, kitchen; inventory: nothing")]
    [InlineData("webshop", "searched \"long clip-in hair extension natural\"; viewed b09c337k8s (Hair Extensions Clip In, 24…); chose black, 24 inch")]
    public void Memory_lines_on_the_known_state(string env, string expected) =>
        Assert.Equal(expected, Seventh(env).Memory.Render());

    [Fact]
    public void A_result_repeated_by_the_next_step_is_shown_once()
    {
        var context = Seventh("webshop");
        string page = context.Observation;
        context.Record("click[brown]", page);
        string prompt = CompactPrompt.Window(context, 2, memoryLine: false);
        Assert.Contains("> click[< prev]\n(same as below)\n> click[brown]\n", prompt);
        Assert.Single(prompt.Split('\n'), l => l.Contains("Buy Now"));
    }

    [Fact]
    public void Compact_is_far_shorter_than_the_paper_prompt()
    {
        foreach (var env in new[] { "alfworld", "scienceworld", "webshop" })
        {
            var context = Seventh(env);
            int compact = CompactPrompt.Window(context, PromptOptions.CompactHistoryLength, true).Length;
            int paper = PaperPrompt.Window(context, 5, null).Length;
            Assert.True(compact * 3 < paper, $"{env}: compact {compact} chars vs paper {paper}");
        }
    }

    [Fact]
    public void Alfworld_memory_tracks_put_objects_and_inventory()
    {
        var memory = AlfworldPrompts.Instance.CreateMemory();
        memory.Record("", "go to cabinet 1", "The cabinet 1 is closed.");
        memory.Record("", "open cabinet 1", "You open the cabinet 1. The cabinet 1 is open. In it, you see a soapbar 1, and a soapbar 2.");
        memory.Record("", "take soapbar 1 from cabinet 1", "You pick up the soapbar 1 from the cabinet 1.");
        memory.Record("", "go to toilet 1", "You arrive at toilet 1. On the toilet 1, you see nothing.");
        memory.Record("", "move soapbar 1 to toilet 1", "You move the soapbar 1 to the toilet 1.");
        memory.Record("", "go to bathtubbasin 1", "Nothing happens.");
        Assert.Equal("visited cabinet 1 [soapbar 2], toilet 1 [soapbar 1]; holding nothing; done: put soapbar 1 in toilet 1", memory.Render());

        var copy = memory.Clone();
        copy.Record("", "inventory", "You are carrying: a soapbar 2.");
        Assert.Contains("holding soapbar 2", copy.Render());
        Assert.Contains("holding nothing", memory.Render());
    }

    [Fact]
    public void ScienceWorld_memory_reads_inventory_and_focus()
    {
        var memory = ScienceWorldPrompts.Instance.CreateMemory();
        memory.Start("This room is called the kitchen. In it, you see: \n\tthe agent");
        memory.Record("", "teleport to greenhouse", "You teleport to the greenhouse.");
        memory.Record("", "inventory", "In your inventory, you see:\n\tan orange\n\ta thermometer, currently reading a temperature of 10 degrees celsius\n");
        memory.Record("", "focus on orange", "You focus on the orange.");
        Assert.Equal("rooms kitchen, greenhouse; inventory: an orange, a thermometer, currently reading a temperature of 10 degrees celsius; focused on: orange", memory.Render());
    }
}
