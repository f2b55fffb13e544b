using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spark.Core.Randomness;
using Spark.Serving.Http;
using Spark.Serving.Registry;

namespace Spark.Serving.Api;

/// <summary>
/// AgentGym's WebShop server (agentenv-webshop): ids under "env_idx", <c>/create</c> answers a bare
/// integer, <c>/reset</c> answers <c>[observation, null]</c>, <c>session_id</c> is the task index (null:
/// a random one), errors surface as HTTP 500. Adds <c>/close</c> (as AgentGym PR #74 does) and, in
/// <c>/available_actions</c>, the admissible actions as Spark writes them.
/// </summary>
public sealed class WebShopApi(ServerContext server) : AgentGymApi(server)
{
    readonly Random _sessions = Seeds.Random((ulong)server.Seed, 0x5E55);
    readonly Lock _sessionsLock = new();

    public override string Hello => "ok";
    protected override string IdField => "env_idx";
    protected override int ErrorStatus => StatusCodes.Status500InternalServerError;

    protected override void MapRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/list_envs", () => Results.Json(Server.Registry.Ids));

        // Like the original, a new environment already shows a random task (clients reset it anyway).
        Post(app, "/create", async (_, ctx) =>
        {
            LiveEnvironment? created = null;
            var refused = CreateEnvironment(ctx, e => { created = e; return Results.Empty; });
            if (created == null) return refused;
            return await OnEnvironment("/create", created.Id, ctx, e =>
            {
                ResetTo(e, RandomSession());
                return Results.Json(e.Id);
            }, requireReset: false);
        });

        Post(app, "/reset", async (body, ctx) =>
        {
            long id = RequestReader.Long(body, "env_idx");
            long? session = RequestReader.OptionalLong(body, "session_id");
            return await OnEnvironment("/reset", id, ctx, e =>
            {
                var r = ResetTo(e, session is long s ? checked((int)s) : RandomSession());
                return Results.Json(new object?[] { r.Observation, null });
            }, requireReset: false);
        });

        Post(app, "/step", async (body, ctx) =>
        {
            long id = RequestReader.Long(body, "env_idx");
            string action = RequestReader.String(body, "action");
            return await OnEnvironment("/step", id, ctx, e =>
            {
                var r = StepOnce(e, action);
                return Results.Json(new { state = r.Observation, reward = r.Reward, done = r.Done, info = (object?)null, spark = Extension(e, r.Observation) });
            }); // the original lets a finished session take further steps
        });

        Get(app, "/available_actions", e =>
        {
            var actions = e.Env!.AdmissibleActions;
            return Results.Json(new
            {
                has_search_bar = actions.Any(a => a.StartsWith("search[", StringComparison.Ordinal)),
                clickables = actions.Where(a => a.StartsWith("click[", StringComparison.Ordinal) && a.EndsWith(']'))
                    .Select(a => a["click[".Length..^1]).ToList(),
                actions,
            });
        });
        Get(app, "/instruction_text", e => Results.Json(e.Env!.Task.Goal));
        Get(app, "/observation", e => Results.Json(e.Last!.Observation));
        MapClose(app, () => new { closed = true });
    }

    int RandomSession()
    {
        lock (_sessionsLock) return _sessions.Next(Server.Tasks.Count);
    }
}
