using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Spark.Serving.Tests.Fakes;

namespace Spark.Serving.Tests;

/// <summary>Each API answers with AgentGym's routes, field names and shapes (what AgentGym's Python clients read).</summary>
public sealed class ProtocolTests
{
    static async Task<(HttpStatusCode Status, JsonNode? Body)> Post(HttpClient http, string path, string? json)
    {
        using var content = json == null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    static async Task<(HttpStatusCode Status, JsonNode? Body)> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AlfWorld_routes_and_shapes()
    {
        await using var server = await TestServers.Start(new CounterSuite("alfworld"));
        using var http = TestServers.Http(server);

        Assert.Equal("This is environment AlfWorld.", (await Get(http, "/")).Body!.GetValue<string>());
        var (status, created) = await Post(http, "/create", null);
        Assert.Equal(HttpStatusCode.OK, status);
        long id = created!["id"]!.GetValue<long>();

        // Stepping before a reset, a bad world_type, an unknown id: HTTP 200 with "error", as the original.
        Assert.Contains("not been reset", (await Post(http, "/step", $"{{\"id\":{id},\"action\":\"look\"}}")).Body!["error"]!.GetValue<string>());
        Assert.Equal("world_type must be one of \"Text\", \"Embody\" and \"Hybrid\"",
            (await Post(http, "/reset", $"{{\"id\":{id},\"game\":0,\"world_type\":\"3D\"}}")).Body!["error"]!.GetValue<string>());
        var unknown = await Post(http, "/step", "{\"id\":999,\"action\":\"look\"}");
        Assert.Equal((HttpStatusCode.OK, "The id 999 is not valid."), (unknown.Status, unknown.Body!["error"]!.GetValue<string>()));

        // game 21 = L0 task 1: the splits lie end to end in the suite's order (train has 20 tasks).
        var reset = (await Post(http, "/reset", $"{{\"id\":{id},\"game\":21,\"world_type\":\"Text\"}}")).Body!.AsObject();
        Assert.Equal(["id", "observation", "available_actions", "task_type", "spark"], reset.Select(p => p.Key));
        Assert.Equal(id, reset["id"]!.GetValue<long>());
        Assert.StartsWith("bring the counter to", reset["observation"]!.GetValue<string>());
        Assert.Equal("count_down/L0_1", reset["task_type"]!.GetValue<string>());
        Assert.Equal(3, reset["available_actions"]!.AsArray().Count);

        var step = (await Post(http, "/step", $"{{\"id\":{id},\"action\":\"click[dec]\"}}")).Body!.AsObject();
        Assert.Equal(["observation", "reward", "available_actions", "done", "spark"], step.Select(p => p.Key));
        Assert.Equal("Step 1: the counter shows -1.", step["observation"]!.GetValue<string>());
        Assert.False(step["done"]!.GetValue<bool>());

        Assert.Equal("Step 1: the counter shows -1.", (await Get(http, $"/observation?id={id}")).Body!.GetValue<string>());
        Assert.Equal(3, (await Get(http, $"/available_actions?id={id}")).Body!.AsArray().Count);
        var detail = (await Get(http, $"/detail?id={id}")).Body!;
        Assert.Equal(("Text", 21), (detail["world_type"]!.GetValue<string>(), detail["game"]!.GetValue<int>()));

        // A missing field is a 422, as pydantic answers.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(http, "/step", $"{{\"id\":{id}}}")).Status);

        // /close exists here (the original lacks it); a second close is a 404, which clients treat as closed.
        Assert.True((await Post(http, "/close", $"{{\"id\":{id}}}")).Body!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await Post(http, "/close", $"{{\"id\":{id}}}")).Status);
        Assert.Equal(0, server.Registry.Live);
    }

    [Fact]
    public async Task SciWorld_routes_and_shapes()
    {
        await using var server = await TestServers.Start(new CounterSuite("scienceworld"));
        using var http = TestServers.Http(server);

        Assert.Equal("This is environment ScienceWorld.", (await Get(http, "/")).Body!.GetValue<string>());
        long id = (await Post(http, "/create", "")).Body!["id"]!.GetValue<long>();
        var reset = (await Post(http, "/reset", $"{{\"id\":{id},\"data_idx\":2}}")).Body!.AsObject();
        Assert.Equal(["task_name", "var_num", "task_description", "observation", "reward", "score", "deleted", "done", "spark"], reset.Select(p => p.Key));
        // The task description travels in its own field; AgentGym's client shows task_description + "\n" + observation.
        Assert.Equal("bring the counter to 3", reset["task_description"]!.GetValue<string>());
        Assert.Equal("The counter shows 0.", reset["observation"]!.GetValue<string>());
        Assert.Equal("count_up", reset["task_name"]!.GetValue<string>());

        var step = (await Post(http, "/step", $"{{\"id\":{id},\"action\":\"click[inc]\"}}")).Body!.AsObject();
        Assert.Equal(["observation", "reward", "score", "done", "spark"], step.Select(p => p.Key));
        Assert.Equal((33, 33), (step["reward"]!.GetValue<int>(), step["score"]!.GetValue<int>())); // whole points, 0–100
        Assert.Equal(3, (await Get(http, $"/available_actions?id={id}")).Body!.AsArray().Count);
        Assert.Equal("bring the counter to 3", (await Get(http, $"/task_description?id={id}")).Body!["task_description"]!.GetValue<string>());
        Assert.True((await Post(http, "/close", $"{{\"id\":{id}}}")).Body!.GetValue<bool>());
        Assert.Equal("The id " + id + " is not valid.", (await Post(http, "/step", $"{{\"id\":{id},\"action\":\"click[inc]\"}}")).Body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task WebShop_routes_and_shapes()
    {
        await using var server = await TestServers.Start(new CounterSuite("webshop"));
        using var http = TestServers.Http(server);

        Assert.Equal("ok", (await Get(http, "/")).Body!.GetValue<string>());
        var created = (await Post(http, "/create", null)).Body!;
        long id = created.GetValue<long>(); // a bare integer
        Assert.Equal([id], (await Get(http, "/list_envs")).Body!.AsArray().Select(n => n!.GetValue<long>()));
        // Like the original, a fresh environment already shows a (random) task.
        Assert.NotEmpty((await Get(http, $"/observation?env_idx={id}")).Body!.GetValue<string>());

        var reset = (await Post(http, "/reset", $"{{\"env_idx\":{id},\"session_id\":3}}")).Body!.AsArray();
        Assert.Equal(2, reset.Count);
        Assert.Equal("bring the counter to -4\nThe counter shows 0.", reset[0]!.GetValue<string>());
        Assert.Null(reset[1]);
        Assert.Equal("bring the counter to -4", (await Get(http, $"/instruction_text?env_idx={id}")).Body!.GetValue<string>());

        var step = (await Post(http, "/step", $"{{\"env_idx\":{id},\"action\":\"click[dec]\"}}")).Body!.AsObject();
        Assert.Equal(["state", "reward", "done", "info", "spark"], step.Select(p => p.Key));
        Assert.Null(step["info"]);
        var available = (await Get(http, $"/available_actions?env_idx={id}")).Body!;
        Assert.False(available["has_search_bar"]!.GetValue<bool>());
        Assert.Equal(["dec", "inc", "look"], available["clickables"]!.AsArray().Select(n => n!.GetValue<string>()));

        // Errors surface as HTTP 500, as the original's uncaught exceptions do.
        Assert.Equal(HttpStatusCode.InternalServerError, (await Post(http, "/step", "{\"env_idx\":12345,\"action\":\"click[inc]\"}")).Status);
        Assert.Equal(HttpStatusCode.InternalServerError, (await Post(http, "/reset", $"{{\"env_idx\":{id},\"session_id\":999}}")).Status);
        Assert.True((await Post(http, "/close", $"{{\"env_idx\":{id}}}")).Body!["closed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Health_reports_the_registry()
    {
        await using var server = await TestServers.Start(new CounterSuite("alfworld"), maxEnvironments: 7);
        using var http = TestServers.Http(server);
        await Post(http, "/create", null);
        var health = (await Get(http, "/health")).Body!;
        Assert.Equal(("ok", "alfworld", 30), (health["status"]!.GetValue<string>(), health["env"]!.GetValue<string>(), health["tasks"]!.GetValue<int>()));
        Assert.Equal((1, 7, 1), (health["live"]!.GetValue<int>(), health["capacity"]!.GetValue<int>(), health["created"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_full_server_answers_503_until_an_environment_is_closed()
    {
        await using var server = await TestServers.Start(new CounterSuite("alfworld"), maxEnvironments: 2);
        using var http = TestServers.Http(server);
        long first = (await Post(http, "/create", null)).Body!["id"]!.GetValue<long>();
        await Post(http, "/create", null);
        var refused = await Post(http, "/create", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Contains("capacity", refused.Body!["error"]!.GetValue<string>());
        await Post(http, "/close", $"{{\"id\":{first}}}");
        Assert.Equal(HttpStatusCode.OK, (await Post(http, "/create", null)).Status);
    }
}
