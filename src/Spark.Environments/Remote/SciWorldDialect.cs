using System.Text.Json.Nodes;
using Spark.Core.Environments;

namespace Spark.Environments.Remote;

/// <summary>AgentGym's SciWorld server: <c>{"id"}</c>, <c>data_idx</c>, integer reward (change of score) and score
/// (0–100, negative on failure). The first observation is the "look around" text, as the built-in environment's;
/// the task description comes separately (<see cref="TaskInfo.Goal"/>), where AgentGym's own client prepends it.</summary>
public sealed class SciWorldDialect : AgentGymDialect
{
    const string UnknownAction = "No known action matches that input.";

    public override string Env => "scienceworld";

    public override long Create(AgentGymHttp http) =>
        Read(http, "/create", http.Post("/create", [], retry: true)).Long("id");

    public override RemoteReply Reset(AgentGymHttp http, long id, int task)
    {
        var r = Read(http, "/reset", http.Post("/reset", new JsonObject { ["id"] = id, ["data_idx"] = task }, retry: true));
        string goal = r.String("task_description");
        string observation = r.String("observation");
        long score = r.Long("score");
        bool done = r.Bool("done");
        var spark = r.Spark();
        var result = spark?.ToResult(observation, done) ?? Infer(observation, r.Long("reward"), score, done);
        return new RemoteReply(result, null, spark?.TaskType ?? r.String("task_name"), spark?.Goal ?? goal);
    }

    public override RemoteReply Step(AgentGymHttp http, long id, string action)
    {
        var r = Read(http, "/step", http.Post("/step", new JsonObject { ["id"] = id, ["action"] = action }, retry: false));
        string observation = r.String("observation");
        long reward = r.Long("reward"), score = r.Long("score");
        bool done = r.Bool("done");
        return new RemoteReply(r.Spark()?.ToResult(observation, done) ?? Infer(observation, reward, score, done));
    }

    /// <summary>Spark's server lists the admissible actions; the original only offers templates and objects
    /// (<c>/action_hint</c>), so against it this returns the templates (e.g. "open OBJ").</summary>
    public override IReadOnlyList<string> Admissible(AgentGymHttp http, long id)
    {
        var listed = http.Get("/available_actions", $"id={id}", missingOk: true);
        return listed != null
            ? Read(http, "/available_actions", listed).AsStrings()
            : Read(http, "/action_hint", http.Get("/action_hint", $"id={id}")).Strings("possible_actions");
    }

    public override void Close(AgentGymHttp http, long id) =>
        http.Post("/close", new JsonObject { ["id"] = id }, retry: false, missingOk: true);

    static StepResult Infer(string observation, long reward, long score, bool done)
    {
        bool won = done && score >= 100;
        return new StepResult(observation, reward, done, won, score < 0 ? -1 : score / 100.0,
            !observation.StartsWith(UnknownAction, StringComparison.Ordinal), done && !won && score >= 0);
    }
}
