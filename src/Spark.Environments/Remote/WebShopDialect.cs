using System.Text.Json.Nodes;
using Spark.Core.Environments;

namespace Spark.Environments.Remote;

/// <summary>AgentGym's WebShop server: <c>env_idx</c>, a bare-integer <c>/create</c>, <c>[observation, null]</c> from
/// <c>/reset</c>, <c>session_id</c> as the task index, reward in [0, 1] only on "buy now", errors as HTTP 500.</summary>
public sealed class WebShopDialect : AgentGymDialect
{
    public override string Env => "webshop";
    public override bool StepsAfterDone => true;

    public override long Create(AgentGymHttp http) =>
        Read(http, "/create", http.Post("/create", [], retry: true)).AsLong();

    public override RemoteReply Reset(AgentGymHttp http, long id, int task)
    {
        var answer = Read(http, "/reset", http.Post("/reset", new JsonObject { ["env_idx"] = id, ["session_id"] = task }, retry: true)).Array;
        string observation = Read(http, "/reset", answer.Count == 2 ? answer[0] : null).AsString();
        string goal = Read(http, "/instruction_text", http.Get("/instruction_text", $"env_idx={id}")).AsString();
        return new RemoteReply(new StepResult(observation, 0, false, false, 0, true), null, null, goal);
    }

    public override RemoteReply Step(AgentGymHttp http, long id, string action)
    {
        var r = Read(http, "/step", http.Post("/step", new JsonObject { ["env_idx"] = id, ["action"] = action }, retry: false));
        string state = r.String("state");
        double reward = r.Double("reward");
        bool done = r.Bool("done");
        // Success in SPARK/verl-agent terms is a perfect purchase (reward 1).
        return new RemoteReply(r.Spark()?.ToResult(state, done) ?? new StepResult(state, reward, done, reward >= 1, reward, true));
    }

    /// <summary>Spark's server lists the actions exactly (<c>"actions"</c>); from the original's
    /// <c>{has_search_bar, clickables}</c> they are rebuilt as <c>search[…]</c> and <c>click[…]</c>.</summary>
    public override IReadOnlyList<string> Admissible(AgentGymHttp http, long id)
    {
        var r = Read(http, "/available_actions", http.Get("/available_actions", $"env_idx={id}"));
        if (r.Object.ContainsKey("actions")) return r.Strings("actions");
        var actions = new List<string>();
        if (r.Bool("has_search_bar")) actions.Add("search[<your query>]");
        actions.AddRange(r.Strings("clickables").Select(c => $"click[{c}]"));
        return actions;
    }

    public override void Close(AgentGymHttp http, long id) =>
        http.Post("/close", new JsonObject { ["env_idx"] = id }, retry: false, missingOk: true);
}
