using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spark.Core.Environments;
using Spark.Serving.Http;
using Spark.Serving.Registry;

namespace Spark.Serving.Api;

/// <summary>
/// AgentGym's ALFWorld server (agentenv-alfworld): ids under "id", errors as 200 <c>{"error"}</c>, the
/// admissible actions in every reset and step answer, <c>game</c> as the task index. Adds <c>/close</c>,
/// which the original lacks although its client calls it.
/// </summary>
public sealed class AlfWorldApi(ServerContext server) : AgentGymApi(server)
{
    static readonly string[] WorldTypes = ["Text", "Embody", "Hybrid"];

    public override string Hello => "This is environment AlfWorld.";
    protected override string IdField => "id";
    protected override int ErrorStatus => StatusCodes.Status200OK;

    protected override void MapRoutes(IEndpointRouteBuilder app)
    {
        Post(app, "/create", (_, ctx) => Task.FromResult(CreateEnvironment(ctx, e => Results.Json(new { id = e.Id }))));

        Post(app, "/reset", async (body, ctx) =>
        {
            long id = RequestReader.Long(body, "id");
            int game = RequestReader.Int(body, "game");
            string worldType = RequestReader.String(body, "world_type");
            // Checked before the id, as the original does. Only the text world exists, whatever is asked.
            if (!WorldTypes.Contains(worldType)) return Error("world_type must be one of \"Text\", \"Embody\" and \"Hybrid\"");
            return await OnEnvironment("/reset", id, ctx, e =>
            {
                var r = ResetTo(e, game);
                e.Detail["world_type"] = worldType;
                e.Detail["game"] = game;
                return Results.Json(new
                {
                    id, observation = r.Observation, available_actions = e.Env!.AdmissibleActions,
                    task_type = TaskType(e.Env.Task), spark = Extension(e, r.Observation),
                });
            }, requireReset: false);
        });

        Post(app, "/step", async (body, ctx) =>
        {
            long id = RequestReader.Long(body, "id");
            string action = RequestReader.String(body, "action");
            return await OnEnvironment("/step", id, ctx, e =>
            {
                var r = StepOnce(e, action);
                return Results.Json(new
                {
                    observation = r.Observation, reward = r.Reward, available_actions = e.Env!.AdmissibleActions,
                    done = r.Done, spark = Extension(e, r.Observation),
                });
            }, refuseWhenDone: true);
        });

        Get(app, "/available_actions", e => Results.Json(e.Env!.AdmissibleActions));
        Get(app, "/observation", e => Results.Json(e.Last!.Observation));
        Get(app, "/detail", e => Results.Json(new
        {
            world_type = e.Detail["world_type"], game = e.Detail["game"], observation = e.Last!.Observation,
            available_actions = e.Env!.AdmissibleActions, done = e.Last.Done, reward = e.Last.Reward, deleted = false,
        }));
        MapClose(app, () => true);
    }

    /// <summary>The original answers "&lt;task-type dir&gt;/&lt;trial dir&gt;" from the game file's path; ours starts
    /// with the task type the same way and names the task by split and index.</summary>
    static string TaskType(TaskInfo task) => $"{task.TaskType}/{task.Split}_{task.Index}";
}
