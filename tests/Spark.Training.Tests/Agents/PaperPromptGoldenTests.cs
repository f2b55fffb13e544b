using System.Text.Json;
using Spark.Core.Environments;
using Spark.Tests.Shared;
using Spark.Training.Agents;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Prompts;
using Spark.Training.Agents.Teacher;

namespace Spark.Training.Tests.Agents;

/// <summary>
/// The paper's prompts on a known state per environment (Golden/{env}.state.json: six steps played, the
/// admissible actions at steps 1 and 7) against golden texts made by filling the original Python templates
/// with the original code's formatting (see docs/harness.md, "Golden files").
/// </summary>
public class PaperPromptGoldenTests
{
    sealed record State(string Env, string Goal, string[] Observations, string[] Actions, string[] AdmissibleFirst, string[] AdmissibleLast);

    static State Load(string env) =>
        JsonSerializer.Deserialize<State>(File.ReadAllText(GoldenPath($"{env}.state.json")),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;

    static string GoldenPath(string name) => Path.Combine(RepoPaths.RepoRoot, "tests", "Spark.Training.Tests", "Agents", "Golden", name);

    static string Golden(string name) => File.ReadAllText(GoldenPath(name));

    static (AgentContext First, AgentContext Seventh) Contexts(State s)
    {
        var task = new TaskInfo(s.Env, "train", 0, "test", s.Goal);
        var prompts = EnvironmentPrompts.For(s.Env);
        var first = new AgentContext(prompts, task, s.Observations[0]);
        var seventh = (AgentContext)first.Fork();
        for (int i = 0; i < s.Actions.Length; i++) seventh.Record(s.Actions[i], s.Observations[i + 1]);
        return (first, seventh);
    }

    [Theory]
    [InlineData("alfworld")]
    [InlineData("scienceworld")]
    [InlineData("webshop")]
    public void Rl_templates_match_the_originals(string env)
    {
        var s = Load(env);
        var (first, seventh) = Contexts(s);
        Assert.Equal(Golden($"{env}.rl.step1.txt"), PaperPrompt.Window(first, 5, s.AdmissibleFirst));
        Assert.Equal(Golden($"{env}.rl.step7.txt"), PaperPrompt.Window(seventh, 5, s.AdmissibleLast));
    }

    [Theory]
    [InlineData("alfworld")]
    [InlineData("scienceworld")]
    [InlineData("webshop")]
    public void Cold_start_templates_match_the_originals(string env)
    {
        var s = Load(env);
        var (first, seventh) = Contexts(s);
        Assert.Equal(Golden($"{env}.cs.step1.txt"), PaperPrompt.Window(first, 5, null));
        Assert.Equal(Golden($"{env}.cs.step7.txt"), PaperPrompt.Window(seventh, 5, null));
    }

    [Theory]
    [InlineData("alfworld")]
    [InlineData("scienceworld")]
    [InlineData("webshop")]
    public void Tagging_prompt_matches_the_original(string env)
    {
        var s = Load(env);
        var steps = s.Actions.Select((a, i) => ColdStartStep.Create(i + 1, s.Observations[i], a, false, "r")).ToList();
        var trajectory = ColdStartTrajectory.Create(new TaskInfo(env, "train", 0, "t", s.Goal), "expert", steps, s.Observations[^1]);
        Assert.Equal(Golden($"{env}.tagging.txt"), TeacherAnnotator.Prompt(trajectory));
    }

    [Fact]
    public void The_history_window_numbers_steps_from_the_episode_start()
    {
        var s = Load("alfworld");
        var (_, seventh) = Contexts(s);
        string lines = PaperPrompt.HistoryLines(seventh, 5);
        Assert.StartsWith("[Observation 2: 'On the countertop 1,", lines);
        Assert.Equal(5, lines.Split('\n').Length);
        Assert.Contains("Action 6: 'go to coffeemachine 1']", lines);
    }

    [Fact]
    public void ScienceWorld_prompts_fall_back_to_no_history_when_too_long()
    {
        var s = Load("scienceworld");
        var (_, seventh) = Contexts(s);
        var huge = Enumerable.Range(0, 2000).Select(i => $"look at thing {i}").ToArray();
        string prompt = PaperPrompt.Window(seventh, 5, huge);
        Assert.DoesNotContain("Prior to this step", prompt);
        Assert.Contains("Your current observation is: The sink is now deactivated.", prompt);
    }
}
