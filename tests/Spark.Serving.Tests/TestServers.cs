using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Spark.Core.Environments;
using Spark.Environments.Remote;

namespace Spark.Serving.Tests;

/// <summary>Starts in-process servers on free loopback ports and builds clients with test-sized patience.</summary>
static class TestServers
{
    public static Task<AgentGymServer> Start(IEnvironmentSuite suite, int maxEnvironments = 512, TimeSpan? idleTimeout = null,
        Action<IApplicationBuilder>? pipeline = null, TimeProvider? time = null) =>
        AgentGymServer.StartAsync(suite,
            new ServeOptions(Port: 0, MaxEnvironments: maxEnvironments, IdleTimeout: idleTimeout, LogLevel: LogLevel.Warning, IdBase: 0),
            configurePipeline: pipeline, time: time);

    /// <summary>Short timeouts and back-offs, so fault tests take milliseconds.</summary>
    public static RemoteOptions FastOptions(TimeSpan? timeout = null) => new()
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        MaxRetries = 3,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(40),
        ServerCooldown = TimeSpan.FromMinutes(5),
    };

    public static RemoteEnvironmentSuite Client(IEnvironmentSuite local, RemoteOptions? options = null, params AgentGymServer[] servers) =>
        RemoteEnvironmentSuite.Mirror(local,
            new RemoteEnvironmentPool(AgentGymDialect.For(local.Name), servers.Select(s => s.BaseAddress), options ?? FastOptions()));

    public static HttpClient Http(AgentGymServer server) => new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
}

/// <summary>One episode as the agent saw it: every result and the admissible actions before each step.</summary>
sealed record Episode(string TaskId, IReadOnlyList<StepResult> Results, IReadOnlyList<string> Actions, IReadOnlyList<string> Admissible)
{
    /// <summary>Plays a seeded random policy: mostly admissible actions, sometimes an invalid one.</summary>
    public static Episode Play(IEnvironment env, int seed, int maxSteps = 40, Action<StepResult>? afterStep = null)
    {
        var random = new Random(seed);
        var results = new List<StepResult> { env.Reset() };
        var actions = new List<string>();
        var admissible = new List<string>();
        while (!results[^1].Done && actions.Count < maxSteps)
        {
            var options = env.AdmissibleActions;
            admissible.Add(string.Join("|", options));
            string action = random.Next(10) == 0 ? "dance wildly" : options[random.Next(options.Count)];
            actions.Add(action);
            results.Add(env.Step(action));
            afterStep?.Invoke(results[^1]);
        }
        return new Episode(env.Task.Id, results, actions, admissible);
    }

    public void AssertSameAs(Episode expected)
    {
        Assert.Equal(expected.TaskId, TaskId);
        Assert.Equal(expected.Actions, Actions);
        Assert.Equal(expected.Admissible, Admissible);
        Assert.Equal(expected.Results, Results);
    }
}
