using System.Text.Json;
using System.Text.Json.Nodes;
using Spark.Core.Configuration;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Teacher;
using Spark.Training.Tests.Agents.TestDoubles;

namespace Spark.Training.Tests.Agents;

public class TeacherTests
{
    static readonly FakeAlfworldSuite Suite = new();

    static ColdStartTrajectory Expert(int count = 1, int skip = 0) =>
        ColdStartGenerator.FromExpert(Suite, new ColdStartOptions(count + skip, 3)).Trajectories[skip];

    static ChatEndpoint Endpoint(FakeChatServer server, string? key = "secret") =>
        new(new ChatEndpointOptions(server.Url, "teacher-model", key, Attempts: 3, RetryDelay: TimeSpan.FromMilliseconds(5), Timeout: TimeSpan.FromSeconds(20)));

    // The teacher's reply: one item per step, explore on the steps the expert explored, in a ```json fence.
    static string Reply(ColdStartTrajectory t, Func<int, string>? action = null, Func<int, string>? reason = null) =>
        "```json\n" + JsonSerializer.Serialize(t.Steps.Select((s, i) => new
        {
            reason = reason?.Invoke(i) ?? (s.Explore ? $"<explore>Teacher explores step {i + 1}.</explore>" : $"<think>Teacher thinks at step {i + 1}.</think>"),
            action = action?.Invoke(i) ?? s.Action,
        })) + "\n```";

    [Fact]
    public async Task Annotation_sends_the_tagging_prompt_and_keeps_accepted_reasons()
    {
        var t = Expert();
        using var server = new FakeChatServer(_ => (200, Reply(t)));
        using var endpoint = Endpoint(server);
        var outcome = await new TeacherAnnotator(endpoint).AnnotateAsync(t);

        Assert.Null(outcome.Rejection);
        var annotated = outcome.Annotated!;
        Assert.Equal(ColdStartTrajectory.TeacherAnnotatedSource, annotated.Source);
        Assert.Equal(t.Steps.Select(s => s.Mode), annotated.Steps.Select(s => s.Mode));
        Assert.Equal("Teacher thinks at step " + t.Steps.Count + ".", annotated.Steps[^1].Reason);
        Assert.Equal($"<think>Teacher thinks at step {t.Steps.Count}.</think>\n<action>{t.Steps[^1].Action}</action>", annotated.Steps[^1].Response);

        var (body, authorization, path) = server.Requests.Single();
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("Bearer secret", authorization);
        Assert.Equal("teacher-model", (string)body["model"]!);
        Assert.Equal(0.0, (double)body["temperature"]!);
        Assert.Equal(1024, (int)body["max_tokens"]!);
        Assert.Equal("user", (string)body["messages"]![0]!["role"]!);
        Assert.Equal(TeacherAnnotator.Prompt(t), (string)body["messages"]![0]!["content"]!);
    }

    [Fact]
    public async Task Replies_failing_the_papers_checks_are_rejected()
    {
        var t = Expert();
        var cases = new Dictionary<string, string>
        {
            ["length mismatch"] = Reply(t with { Steps = t.Steps.Skip(1).ToList() }),
            ["action mismatch"] = Reply(t, action: i => i == 1 ? "look" : t.Steps[i].Action),
            ["does not start with a tag"] = Reply(t, reason: i => "Because."),
        };
        foreach (var (expected, reply) in cases)
        {
            using var server = new FakeChatServer(_ => (200, reply));
            using var endpoint = Endpoint(server);
            var outcome = await new TeacherAnnotator(endpoint).AnnotateAsync(t);
            Assert.Null(outcome.Annotated);
            Assert.Contains(expected, outcome.Rejection);
            Assert.Single(server.Requests); // a well-formed list that fails a check is final, as in the paper
        }
    }

    [Fact]
    public async Task Unreadable_replies_and_server_errors_are_retried()
    {
        var t = Expert();
        int calls = 0;
        using var server = new FakeChatServer(_ => ++calls switch
        {
            1 => (500, "overloaded"),
            2 => (200, "Sure! Here is the list you asked for."),
            _ => (200, Reply(t)),
        });
        using var endpoint = Endpoint(server);
        var outcome = await new TeacherAnnotator(endpoint).AnnotateAsync(t);
        Assert.NotNull(outcome.Annotated);
        Assert.Equal(3, server.Requests.Count);

        using var down = new FakeChatServer(_ => (503, "down"));
        using var failing = Endpoint(down);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => failing.CompleteAsync([Spark.Core.Text.ChatMessage.User("hi")], 0, 10));
        Assert.Contains("503", error.Message);
        Assert.Equal(3, down.Requests.Count);
    }

    [Fact]
    public async Task Annotating_many_stops_at_the_target()
    {
        var data = ColdStartGenerator.FromExpert(Suite, new ColdStartOptions(6, 3)).Trajectories;
        using var server = new FakeChatServer(body =>
        {
            string prompt = (string)body["messages"]![0]!["content"]!;
            return (200, Reply(data.First(d => TeacherAnnotator.Prompt(d) == prompt)));
        });
        using var endpoint = Endpoint(server);
        var outcomes = await new TeacherAnnotator(endpoint).AnnotateManyAsync(data, target: 3, parallel: 1);
        Assert.Equal(3, outcomes.Count(o => o.Annotated != null));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Playing_keeps_won_well_formed_episodes_only()
    {
        var t = Expert();
        int step = 0;
        using var server = new FakeChatServer(_ => (200, t.Steps[step++ % t.Steps.Count].Response));
        using var endpoint = Endpoint(server, key: null);
        var played = await new TeacherPlayer(endpoint).PlayAsync(Suite.Create(t.Split, t.Index));
        Assert.NotNull(played);
        Assert.Equal(ColdStartTrajectory.TeacherPlayedSource, played!.Source);
        Assert.Equal(t.Steps.Select(s => s.Response), played.Steps.Select(s => s.Response));
        Assert.Null(server.Requests[0].Authorization);
        Assert.Equal(0.8, (double)server.Requests[0].Body["temperature"]!);
        Assert.Contains("Your admissible actions of the current situation are: ['go to cabinet 1'", (string)server.Requests[0].Body["messages"]![0]!["content"]!);

        using var sloppy = new FakeChatServer(_ => (200, "<action>look</action>"));
        using var sloppyEndpoint = Endpoint(sloppy);
        Assert.Null(await new TeacherPlayer(sloppyEndpoint).PlayAsync(Suite.Create(t.Split, t.Index)));
    }

    [Fact]
    public async Task The_pipeline_mixes_sources_as_asked()
    {
        var options = new ColdStartOptions(Count: 4, Seed: 3);
        var expert = await ColdStartPipeline.RunAsync(Suite, options, ReasonSource.Expert);
        Assert.Equal(4, expert.Trajectories.Count);
        Assert.StartsWith("expert: kept 4 of 4 tasks", expert.Summary);
        await Assert.ThrowsAsync<ConfigException>(() => ColdStartPipeline.RunAsync(Suite, options, ReasonSource.TeacherAnnotate));

        var pool = ColdStartGenerator.FromExpert(Suite, options with { Count = 8 }).Trajectories;
        int calls = 0;
        using var server = new FakeChatServer(body =>
        {
            // Identical tasks give identical prompts, so any match will do.
            var t = pool.First(d => TeacherAnnotator.Prompt(d) == (string)body["messages"]![0]!["content"]!);
            // Every other reply gets an action wrong and is rejected.
            return (200, Interlocked.Increment(ref calls) % 2 == 0 ? Reply(t, action: _ => "look") : Reply(t));
        });
        using var endpoint = Endpoint(server);
        var annotated = await ColdStartPipeline.RunAsync(Suite, options, ReasonSource.TeacherAnnotate, endpoint, parallel: 1);
        Assert.Equal(4, annotated.Trajectories.Count);
        Assert.All(annotated.Trajectories, t => Assert.Equal(ColdStartTrajectory.TeacherAnnotatedSource, t.Source));
        Assert.Contains("rejected: 3 action mismatch at step 1", annotated.Summary);
    }

    [Fact]
    public void Endpoint_settings_come_from_options_or_the_environment()
    {
        Assert.Equal("teacher.url", Assert.Throws<ConfigException>(() => ChatEndpointOptions.Resolve("", "m", null)).Field);
        Assert.Equal("teacher.url", Assert.Throws<ConfigException>(() => ChatEndpointOptions.Resolve("ftp://x", "m", null)).Field);
        Assert.Equal("teacher.model", Assert.Throws<ConfigException>(() => ChatEndpointOptions.Resolve("http://127.0.0.1:1/v1", "", null)).Field);
        var options = ChatEndpointOptions.Resolve("http://127.0.0.1:1/v1", "m", "k");
        Assert.Equal(("http://127.0.0.1:1/v1", "m", "k"), (options.Url, options.Model, options.ApiKey));
    }
}
