using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spark.Core.Environments;
using Spark.Serving.Http;
using Spark.Serving.Registry;

namespace Spark.Serving.Api;

/// <summary>
/// AgentGym's SciWorld server (agentenv-sciworld): ids under "id", errors as 200 <c>{"error"}</c>,
/// <c>data_idx</c> as the task index, integer reward (change of score) and score (0–100, negative on
/// failure). The task description travels in its own field: AgentGym's client shows
/// <c>task_description + "\n" + observation</c>. Adds <c>GET /available_actions</c> (the admissible actions).
/// </summary>
public sealed class SciWorldApi(ServerContext server) : AgentGymApi(server)
{
    public override string Hello => "This is environment ScienceWorld.";
    protected override string IdField => "id";
    protected override int ErrorStatus => StatusCodes.Status200OK;

    protected override void MapRoutes(IEndpointRouteBuilder app)
    {
        Post(app, "/create", (_, ctx) => Task.FromResult(CreateEnvironment(ctx, e => Results.Json(new { id = e.Id }))));

        Post(app, "/reset", async (body, ctx) =>
        {
            long id = RequestReader.Long(body, "id");
            int dataIdx = RequestReader.Int(body, "data_idx");
            return await OnEnvironment("/reset", id, ctx, e =>
            {
                var r = ResetTo(e, dataIdx);
                var task = e.Env!.Task;
                string look = WithoutGoal(r.Observation, task);
                return Results.Json(new
                {
                    task_name = task.TaskType, var_num = task.Index, task_description = task.Goal, observation = look,
                    reward = Points(r.Reward), score = Points(r.Score * 100), deleted = false, done = r.Done,
                    spark = Extension(e, look),
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
                    observation = r.Observation, reward = Points(r.Reward), score = Points(r.Score * 100), done = r.Done,
                    spark = Extension(e, r.Observation),
                });
            }, refuseWhenDone: true);
        });

        Get(app, "/observation", e => Results.Json(e.Last!.Observation));
        Get(app, "/task_description", e => Results.Json(new { task_description = e.Env!.Task.Goal }));
        Get(app, "/available_actions", e => Results.Json(e.Env!.AdmissibleActions));
        Get(app, "/detail", e => Results.Json(new
        {
            task_name = e.Env!.Task.TaskType, var_num = e.Env.Task.Index, task_description = e.Env.Task.Goal,
            observation = e.Last!.Observation, reward = Points(e.Last.Reward), score = Points(e.Last.Score * 100),
            deleted = false, done = e.Last.Done,
        }));
        MapClose(app, () => true);
    }

    /// <summary>ScienceWorld's scores are whole points on a 0–100 scale.</summary>
    static int Points(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>The reset observation without a leading task description, which AgentGym sends separately.</summary>
    static string WithoutGoal(string observation, TaskInfo task) =>
        task.Goal.Length > 0 && observation.StartsWith(task.Goal + "\n", StringComparison.Ordinal)
            ? observation[(task.Goal.Length + 1)..]
            : observation;
}
