using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Spark.Core.Environments;
using Spark.Environments.Remote;
using Spark.Serving.Http;
using Spark.Serving.Registry;

namespace Spark.Serving.Api;

/// <summary>What every route needs: the suite, the task-index map, the live environments, a log.</summary>
public sealed record ServerContext(IEnvironmentSuite Suite, AgentGymTaskIndex Tasks, LiveEnvironmentRegistry Registry, ILogger Log, int Seed);

/// <summary>
/// One AgentGym environment server's HTTP surface over any <see cref="IEnvironmentSuite"/>. Subclasses
/// spell out their routes, field names and response shapes; this class holds what they share: leases on
/// environment slots, the error convention, create/close, reset/step bookkeeping and the health route.
/// </summary>
public abstract class AgentGymApi(ServerContext server)
{
    protected ServerContext Server { get; } = server;

    /// <summary>The body of <c>GET /</c>, AgentGym's connectivity check.</summary>
    public abstract string Hello { get; }

    /// <summary>"id" (ALFWorld, SciWorld) or "env_idx" (WebShop).</summary>
    protected abstract string IdField { get; }

    /// <summary>ALFWorld and SciWorld answer errors with HTTP 200 and <c>{"error": …}</c>; WebShop's surface as 500.</summary>
    protected abstract int ErrorStatus { get; }

    protected abstract void MapRoutes(IEndpointRouteBuilder app);

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Json(Hello));
        app.MapGet("/health", () =>
        {
            var s = Server.Registry.Stats;
            return Results.Json(new
            {
                status = "ok", env = Server.Suite.Name, tasks = Server.Tasks.Count, layout = Server.Tasks.ToString(),
                live = s.Live, capacity = s.Capacity, high_water = s.HighWater, created = s.Created, closed = s.Closed,
                evicted = s.Evicted, idle_timeout_seconds = s.IdleTimeout.TotalSeconds,
            });
        });
        MapRoutes(app);
    }

    protected IResult Error(string message) => Results.Json(new { error = message }, statusCode: ErrorStatus);

    protected void Post(IEndpointRouteBuilder app, string route, Func<JsonElement, HttpContext, Task<IResult>> handler) =>
        app.MapPost(route, async (HttpContext ctx) =>
        {
            try { return await handler(await RequestReader.BodyAsync(ctx), ctx); }
            catch (UnprocessableRequestException e) { return e.ToResult(); }
        });

    /// <summary>A GET route on one environment, addressed by the query parameter <see cref="IdField"/>.</summary>
    protected void Get(IEndpointRouteBuilder app, string route, Func<LiveEnvironment, IResult> body) =>
        app.MapGet(route, async (HttpContext ctx) =>
        {
            try { return await OnEnvironment(route, RequestReader.QueryLong(ctx, IdField), ctx, body); }
            catch (UnprocessableRequestException e) { return e.ToResult(); }
        });

    /// <summary>Runs <paramref name="body"/> holding the environment's lease, so no other request uses it meanwhile.</summary>
    protected async Task<IResult> OnEnvironment(string route, long id, HttpContext ctx, Func<LiveEnvironment, IResult> body,
        bool requireReset = true, bool refuseWhenDone = false)
    {
        using var lease = await Server.Registry.AcquireAsync(id, ctx.RequestAborted);
        if (lease == null) return Refuse(route, id, $"The id {id} is not valid.");
        var entry = lease.Entry;
        if (requireReset && entry.Env == null) return Refuse(route, id, $"The environment {id} has not been reset.");
        if (refuseWhenDone && entry.Last?.Done == true) return Refuse(route, id, $"The task with environment {id} has finished.");
        try
        {
            return body(entry);
        }
        catch (Exception e) when (e is not OperationCanceledException and not UnprocessableRequestException)
        {
            ServingLog.Failed(Server.Log, route, id, e.Message, e);
            return Error(e.Message);
        }
    }

    /// <summary>A new empty slot, or 503 with Retry-After when the server is full (not an AgentGym answer:
    /// the originals have no limit and fall over instead).</summary>
    protected IResult CreateEnvironment(HttpContext ctx, Func<LiveEnvironment, IResult> answer)
    {
        LiveEnvironment entry;
        try { entry = Server.Registry.Create(); }
        catch (CapacityExceededException e)
        {
            ServingLog.Full(Server.Log, e.Capacity);
            ctx.Response.Headers.RetryAfter = "1";
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return answer(entry);
    }

    /// <summary><c>POST /close</c>: frees the slot. An unknown or already closed id answers 404 (clients treat it as closed).</summary>
    protected void MapClose(IEndpointRouteBuilder app, Func<object> closedAnswer) =>
        Post(app, "/close", async (body, ctx) =>
        {
            long id = RequestReader.Long(body, IdField);
            return await Server.Registry.CloseAsync(id, ctx.RequestAborted)
                ? Results.Json(closedAnswer())
                : Results.Json(new { error = $"The id {id} is not valid." }, statusCode: StatusCodes.Status404NotFound);
        });

    /// <summary>Loads AgentGym task <paramref name="taskIndex"/> into the slot (reusing the world when it
    /// already holds that task) and resets it.</summary>
    protected StepResult ResetTo(LiveEnvironment entry, int taskIndex)
    {
        if (taskIndex < 0 || taskIndex >= Server.Tasks.Count)
            throw new ArgumentOutOfRangeException(nameof(taskIndex), $"task index {taskIndex} is out of range [0, {Server.Tasks.Count})");
        var (split, index) = Server.Tasks.ToTask(taskIndex);
        if (entry.Env == null || entry.Env.Task.Split != split || entry.Env.Task.Index != index)
        {
            (entry.Env as IDisposable)?.Dispose();
            entry.Env = null;
            entry.Env = Server.Suite.Create(split, index);
        }
        var result = entry.Env.Reset();
        entry.TaskIndex = taskIndex;
        entry.Last = result;
        entry.Detail.Clear();
        ServingLog.Reset(Server.Log, entry.Id, taskIndex, entry.Env.Task.Id);
        return result;
    }

    protected StepResult StepOnce(LiveEnvironment entry, string action)
    {
        var result = entry.Env!.Step(action);
        entry.Last = result;
        ServingLog.Stepped(Server.Log, entry.Id, entry.Env.StepCount, action, result.Reward, result.Done);
        return result;
    }

    protected static SparkStepInfo Extension(LiveEnvironment entry, string nativeObservation) =>
        SparkStepInfo.From(entry.Last!, entry.Env!.Task, nativeObservation);

    IResult Refuse(string route, long id, string message)
    {
        ServingLog.Refused(Server.Log, route, id, message);
        return Error(message);
    }
}
