using System.Text.Json.Nodes;
using Spark.Core.Environments;

namespace Spark.Environments.Remote;

/// <summary>AgentGym's ALFWorld server: <c>{"id"}</c>, <c>game</c>, admissible actions in every answer, reward = won.</summary>
public sealed class AlfWorldDialect : AgentGymDialect
{
    public override string Env => "alfworld";

    public override long Create(AgentGymHttp http) =>
        Read(http, "/create", http.Post("/create", [], retry: true)).Long("id");

    public override RemoteReply Reset(AgentGymHttp http, long id, int task)
    {
        var r = Read(http, "/reset", http.Post("/reset", new JsonObject { ["id"] = id, ["game"] = task, ["world_type"] = "Text" }, retry: true));
        string observation = r.String("observation");
        var actions = r.Strings("available_actions");
        string taskType = r.String("task_type");
        var spark = r.Spark();
        var result = spark?.ToResult(observation, done: false) ?? new StepResult(observation, 0, false, false, 0, true);
        // The original names the game directory, "<task_type>-<object>-…-<scene>/<trial>".
        return new RemoteReply(result, actions, spark?.TaskType ?? taskType.Split('/', '-')[0], spark?.Goal ?? GoalOf(observation));
    }

    public override RemoteReply Step(AgentGymHttp http, long id, string action)
    {
        var r = Read(http, "/step", http.Post("/step", new JsonObject { ["id"] = id, ["action"] = action }, retry: false));
        string observation = r.String("observation");
        double reward = r.Double("reward");
        bool done = r.Bool("done");
        var actions = r.Strings("available_actions");
        bool won = reward > 0; // the original's reward is float(info["won"])
        var result = r.Spark()?.ToResult(observation, done)
            ?? new StepResult(observation, reward, done, won, won ? 1 : 0, observation != "Nothing happens.", done && !won);
        return new RemoteReply(result, actions);
    }

    public override IReadOnlyList<string> Admissible(AgentGymHttp http, long id) =>
        Read(http, "/available_actions", http.Get("/available_actions", $"id={id}")).AsStrings();

    public override void Close(AgentGymHttp http, long id) =>
        http.Post("/close", new JsonObject { ["id"] = id }, retry: false, missingOk: true);

    static string? GoalOf(string observation)
    {
        const string prefix = "Your task is to: ";
        int at = observation.LastIndexOf(prefix, StringComparison.Ordinal);
        return at < 0 ? null : observation[(at + prefix.Length)..].Split('\n')[0].TrimEnd('.');
    }
}
