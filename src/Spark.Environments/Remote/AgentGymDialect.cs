using System.Text.Json.Nodes;
using Spark.Core.Configuration;
using Spark.Core.Environments;

namespace Spark.Environments.Remote;

/// <summary>What a reset or step answered, in Spark's terms.</summary>
/// <param name="Admissible">The admissible actions when the answer carries them (ALFWorld); null: ask when needed.</param>
/// <param name="TaskType">The task family, when the answer tells it.</param>
/// <param name="Goal">The task description, when the answer tells it.</param>
public sealed record RemoteReply(StepResult Result, IReadOnlyList<string>? Admissible = null, string? TaskType = null, string? Goal = null);

/// <summary>
/// One AgentGym environment server's routes, field names and answer shapes, as a client speaks them.
/// The three servers differ in small ways (id field, answer shapes, error codes, what a reset returns),
/// so each has its own dialect rather than one schema with switches. Each works against the original
/// AgentGym server and against Spark's (which adds exact values under <c>"spark"</c>).
/// </summary>
public abstract class AgentGymDialect
{
    /// <summary>"alfworld", "scienceworld" or "webshop".</summary>
    public abstract string Env { get; }

    /// <summary>Asks for a new environment; returns its id. Retried: a lost answer leaks one environment,
    /// which a Spark server evicts when idle.</summary>
    public abstract long Create(AgentGymHttp http);

    /// <summary>Loads AgentGym task <paramref name="task"/> (game, data_idx, session_id) and returns the first observation.</summary>
    public abstract RemoteReply Reset(AgentGymHttp http, long id, int task);

    /// <summary>Sends one action, once (never retried: it may have been applied).</summary>
    public abstract RemoteReply Step(AgentGymHttp http, long id, string action);

    /// <summary>Whether the server accepts steps after the episode ended (WebShop does; ALFWorld and SciWorld answer
    /// "has finished").</summary>
    public virtual bool StepsAfterDone => false;

    public abstract IReadOnlyList<string> Admissible(AgentGymHttp http, long id);

    /// <summary>Frees the environment, once (callers treat it as best effort); a 404 (no such route on the original ALFWorld and WebShop servers, or an id
    /// already gone) counts as closed.</summary>
    public abstract void Close(AgentGymHttp http, long id);

    public static AgentGymDialect For(string env) => env.ToLowerInvariant() switch
    {
        "alfworld" => new AlfWorldDialect(),
        "scienceworld" or "sciworld" => new SciWorldDialect(),
        "webshop" => new WebShopDialect(),
        _ => throw new ConfigException("env", $"no AgentGym client for '{env}'; known: alfworld, scienceworld, webshop"),
    };

    private protected static ReplyReader Read(AgentGymHttp http, string route, JsonNode? node) => new(http.BaseAddress, route, node);
}
