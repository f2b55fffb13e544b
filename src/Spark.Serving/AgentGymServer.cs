using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spark.Core.Configuration;
using Spark.Core.Environments;
using Spark.Core.Randomness;
using Spark.Environments.Remote;
using Spark.Serving.Api;
using Spark.Serving.Registry;

namespace Spark.Serving;

/// <summary>
/// A built-in environment suite behind AgentGym's HTTP API, on Kestrel. <see cref="StartAsync"/> returns
/// once the server listens; <see cref="BaseAddress"/> tells where (useful with port 0).
/// </summary>
public sealed class AgentGymServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ITimer _sweeper;

    AgentGymServer(WebApplication app, LiveEnvironmentRegistry registry, AgentGymTaskIndex tasks, ITimer sweeper)
    {
        _app = app;
        Registry = registry;
        Tasks = tasks;
        _sweeper = sweeper;
    }

    public LiveEnvironmentRegistry Registry { get; }
    public AgentGymTaskIndex Tasks { get; }
    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>The API class for an environment name, or a <see cref="ConfigException"/> naming the choices.</summary>
    public static AgentGymApi ApiFor(ServerContext context) => context.Suite.Name.ToLowerInvariant() switch
    {
        "alfworld" => new AlfWorldApi(context),
        "scienceworld" or "sciworld" => new SciWorldApi(context),
        "webshop" => new WebShopApi(context),
        var other => throw new ConfigException("env", $"no AgentGym API for '{other}'; known: alfworld, scienceworld, webshop"),
    };

    /// <param name="api">Which API to speak; null picks it from the suite's name (<see cref="ApiFor"/>).</param>
    /// <param name="configurePipeline">Middleware to put in front of the routes (tests inject faults here).</param>
    /// <param name="time">The clock idle eviction reads (tests pass a manual one).</param>
    public static async Task<AgentGymServer> StartAsync(IEnvironmentSuite suite, ServeOptions options,
        Func<ServerContext, AgentGymApi>? api = null, Action<IApplicationBuilder>? configurePipeline = null,
        TimeProvider? time = null, CancellationToken cancel = default)
    {
        options.Validate();
        var tasks = AgentGymTaskIndex.For(suite, options.Split, options.SplitOrder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':') ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        ConfigureLogging(builder.Logging, options);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = null;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping; // text as Python's json writes it
        });
        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Spark.Serving");
        time ??= TimeProvider.System;
        long idBase = options.IdBase ?? (long)(Seeds.Mix((ulong)DateTime.UtcNow.Ticks) % (1UL << 30));
        var registry = new LiveEnvironmentRegistry(options.MaxEnvironments, options.EffectiveIdleTimeout, time, log, idBase);
        var context = new ServerContext(suite, tasks, registry, log, options.Seed);
        configurePipeline?.Invoke(app);
        (api ?? ApiFor)(context).Map(app);

        var sweepEvery = TimeSpan.FromTicks(Math.Clamp(options.EffectiveIdleTimeout.Ticks / 2,
            TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(30).Ticks));
        var sweeper = TimeProvider.System.CreateTimer(_ => registry.Sweep(), null, sweepEvery, sweepEvery);
        try
        {
            await app.StartAsync(cancel);
        }
        catch
        {
            await sweeper.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }
        ServingLog.Started(log, suite.Name, string.Join(" ", app.Urls), tasks.Count, tasks.ToString(),
            options.MaxEnvironments, options.EffectiveIdleTimeout);
        return new AgentGymServer(app, registry, tasks, sweeper);
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancel = default) => _app.WaitForShutdownAsync(cancel);

    /// <summary>Stops listening (requests in flight finish first) and frees every environment.</summary>
    public async Task StopAsync()
    {
        await _sweeper.DisposeAsync();
        await _app.StopAsync();
        Registry.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    static void ConfigureLogging(ILoggingBuilder logging, ServeOptions options)
    {
        logging.ClearProviders();
        if (options.JsonLogs) logging.AddJsonConsole(o => o.TimestampFormat = "O");
        else logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        logging.SetMinimumLevel(options.LogLevel);
        logging.AddFilter("Microsoft", LogLevel.Warning); // no per-request lines from the framework
        logging.AddFilter("System", LogLevel.Warning);
    }
}
