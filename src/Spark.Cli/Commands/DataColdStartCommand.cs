using System.CommandLine;
using Spark.Core.Configuration;
using Spark.Environments;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Teacher;

namespace Spark.Cli.Commands;

/// <summary>
/// <c>spark data cold-start --env alfworld --count 300 --seed 1 --out FILE</c>: cold-start SFT data with
/// <c>&lt;explore&gt;</c>/<c>&lt;think&gt;</c> reasons, as JSON lines (schema in docs/harness.md); prints statistics.
/// </summary>
public static class DataColdStartCommand
{
    public static Command Create()
    {
        var env = new Option<string>("--env") { Description = "Environment: alfworld, scienceworld or webshop.", Required = true };
        var count = new Option<int>("--count") { Description = "Trajectories to keep (the paper: 300).", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "Seed of the worlds, the task draw and the reason wording.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "JSON-lines file to write.", Required = true };
        var split = new Option<string?>("--split") { Description = "Split to draw tasks from (default: the training split)." };
        var maxSteps = new Option<int>("--max-steps") { Description = "Keep trajectories shorter than this (the paper: 30).", DefaultValueFactory = _ => 30 };
        var data = new Option<string?>("--data") { Description = "Folder with the original environment's data files (WebShop)." };
        var set = new Option<string[]>("--set") { Description = "Suite-specific setting NAME=VALUE (repeatable).", AllowMultipleArgumentsPerToken = true };
        var teacher = new Option<string>("--teacher") { Description = "Reasons from: none (the expert's), annotate (a teacher model rewrites them), play (a teacher model's own won episodes).", DefaultValueFactory = _ => "none" };
        var url = new Option<string?>("--teacher-url") { Description = $"OpenAI-compatible API base, e.g. http://127.0.0.1:8000/v1 (or {ChatEndpointOptions.UrlVariable})." };
        var model = new Option<string?>("--teacher-model") { Description = $"Teacher model name (or {ChatEndpointOptions.ModelVariable})." };
        var key = new Option<string?>("--teacher-key") { Description = $"API key (or {ChatEndpointOptions.KeyVariable})." };
        var parallel = new Option<int>("--teacher-parallel") { Description = "Concurrent teacher requests.", DefaultValueFactory = _ => 8 };

        var c = new Command("cold-start", "Make cold-start SFT data: expert trajectories with <explore>/<think> reasons, as JSON lines; prints statistics.");
        foreach (var o in new Option[] { env, count, seed, output, split, maxSteps, data, set, teacher, url, model, key, parallel }) c.Options.Add(o);
        c.SetAction(async (r, cancel) =>
        {
            var source = r.GetValue(teacher) switch
            {
                "none" => ReasonSource.Expert,
                "annotate" => ReasonSource.TeacherAnnotate,
                "play" => ReasonSource.TeacherPlay,
                var other => throw new ConfigException("--teacher", $"expected none, annotate or play, got '{other}'"),
            };
            var extra = new Dictionary<string, string>();
            foreach (var kv in r.GetValue(set) ?? [])
            {
                int eq = kv.IndexOf('=');
                if (eq <= 0) throw new ConfigException("--set", $"expected NAME=VALUE, got '{kv}'");
                extra[kv[..eq]] = kv[(eq + 1)..];
            }
            int s = r.GetValue(seed);
            var suite = EnvironmentRegistry.Create(r.GetValue(env)!, new SuiteOptions(s, null, r.GetValue(data), extra));
            var options = new ColdStartOptions(r.GetValue(count), (ulong)s, r.GetValue(split), r.GetValue(maxSteps));
            using var endpoint = source == ReasonSource.Expert ? null
                : new ChatEndpoint(ChatEndpointOptions.Resolve(r.GetValue(url), r.GetValue(model), r.GetValue(key)));

            var run = await ColdStartPipeline.RunAsync(suite, options, source, endpoint, r.GetValue(parallel), Console.Error.WriteLine, cancel);
            string path = r.GetValue(output)!;
            ColdStartFile.Write(path, run.Trajectories);
            Console.WriteLine(run.Summary);
            Console.WriteLine($"wrote {run.Trajectories.Count} trajectories to {path}");
            Console.WriteLine();
            Console.Write(ColdStartStats.Compute(run.Trajectories).Format());
            return run.Trajectories.Count == options.Count ? 0 : 1;
        });
        return c;
    }
}
