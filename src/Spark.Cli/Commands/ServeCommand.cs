using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spark.Core.Configuration;
using Spark.Environments;
using Spark.Serving;

namespace Spark.Cli.Commands;

/// <summary><c>spark serve --env E --port P</c>: a built-in environment behind AgentGym's HTTP API.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var env = new Option<string>("--env") { Description = "Environment: alfworld, scienceworld or webshop.", Required = true };
        var port = new Option<int>("--port") { Description = "TCP port (AgentGym's READMEs use 36001).", DefaultValueFactory = _ => 36001 };
        var host = new Option<string>("--host") { Description = "Address to listen on; 0.0.0.0 accepts other machines.", DefaultValueFactory = _ => "127.0.0.1" };
        var maxEnvs = new Option<int>("--max-envs") { Description = "Live environments at most; beyond, idle ones are evicted, then creates get 503.", DefaultValueFactory = _ => 1024 };
        var idle = new Option<double>("--idle-minutes") { Description = "Evict an environment unused this long.", DefaultValueFactory = _ => 30 };
        var split = new Option<string?>("--split") { Description = "Serve one split: task index i is its task i. Default: all splits end to end." };
        var order = new Option<string?>("--split-order") { Description = "Comma-separated split order for the task index (default: the suite's)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated worlds and splits, and of random WebShop sessions.", DefaultValueFactory = _ => 1 };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Step limit per episode (default: the paper's)." };
        var data = new Option<string?>("--data") { Description = "Folder with the original environment's data files (WebShop)." };
        var set = new Option<string[]>("--set") { Description = "Suite-specific setting NAME=VALUE (repeatable).", AllowMultipleArgumentsPerToken = true };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Trace logs every step, Debug every create/reset/close.", DefaultValueFactory = _ => LogLevel.Information };
        var jsonLogs = new Option<bool>("--json-logs") { Description = "One JSON object per log line." };

        var c = new Command("serve", "Serve a built-in environment over AgentGym's HTTP API (ALFWorld, SciWorld or WebShop routes), until Ctrl+C.");
        foreach (var o in new Option[] { env, port, host, maxEnvs, idle, split, order, seed, maxSteps, data, set, logLevel, jsonLogs }) c.Options.Add(o);
        c.SetAction(r =>
        {
            var extra = new Dictionary<string, string>();
            foreach (var kv in r.GetValue(set) ?? [])
            {
                int eq = kv.IndexOf('=');
                if (eq <= 0) throw new ConfigException("--set", $"expected NAME=VALUE, got '{kv}'");
                extra[kv[..eq]] = kv[(eq + 1)..];
            }
            ConfigException.Require(r.GetValue(idle) > 0, "--idle-minutes", "must be positive");
            var suite = EnvironmentRegistry.Create(r.GetValue(env)!,
                new SuiteOptions(r.GetValue(seed), r.GetValue(maxSteps), r.GetValue(data), extra));
            var options = new ServeOptions(
                Host: r.GetValue(host)!, Port: r.GetValue(port), MaxEnvironments: r.GetValue(maxEnvs),
                IdleTimeout: TimeSpan.FromMinutes(r.GetValue(idle)), Split: r.GetValue(split),
                SplitOrder: r.GetValue(order)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Seed: r.GetValue(seed), LogLevel: r.GetValue(logLevel), JsonLogs: r.GetValue(jsonLogs));
            var server = AgentGymServer.StartAsync(suite, options).GetAwaiter().GetResult();
            server.WaitForShutdownAsync().GetAwaiter().GetResult();
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 0;
        });
        return c;
    }
}
