using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Spark.Core.Environments;
using Spark.Environments;
using Spark.Environments.Remote;
using Spark.Serving;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// What serving an environment over AgentGym's HTTP API costs per step, against stepping it in process:
/// one client, then many clients on one loopback server, and the cost of moving an episode (reset + replay).
/// <c>--env NAME</c> serves a built-in suite; the default is a trivial world, so the figures are the protocol's own.
/// </summary>
public sealed class ServingBenchmark : IBenchmark
{
    public string Name => "serving";
    public string Description => "Steps per second in process vs over HTTP (1 and 16 clients), and episode-move cost. [--env NAME]";

    public string Run(string[] args)
    {
        string env = args.Length >= 2 && args[0] == "--env" ? args[1] : "trivial";
        IEnvironmentSuite Build() => env == "trivial" ? new TrivialSuite() : EnvironmentRegistry.Create(env, new SuiteOptions(Seed: 1));
        var local = Build();
        // The trivial world speaks ALFWorld's API (ids under "id", admissible actions in every answer).
        var server = AgentGymServer.StartAsync(Build(), new ServeOptions(Port: 0, LogLevel: LogLevel.Warning),
            api: env == "trivial" ? c => new Spark.Serving.Api.AlfWorldApi(c) : null).GetAwaiter().GetResult();
        try
        {
            var pool = new RemoteEnvironmentPool(AgentGymDialect.For(AgentGymDialectName(local)), [server.BaseAddress]);
            using var remote = RemoteEnvironmentSuite.Mirror(local, pool);
            string split = local.Splits[0];
            int tasks = Math.Min(32, local.Count(split));

            for (int i = 0; i < 3; i++) // warm-up: lets the JIT reach its optimised tier on both sides
            {
                Steps(local, split, tasks, 1);
                Steps(remote, split, tasks, 4);
            }
            var inProcess = Best(() => Steps(local, split, tasks, 1));
            var one = Best(() => Steps(remote, split, tasks, 1));
            var sixteen = Best(() => Steps(remote, split, tasks, 16));
            double move = MoveSeconds(remote, split, depth: 20);

            var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
            sb.AppendLine($"Environment: {(env == "trivial" ? "a trivial world (the protocol's own cost)" : env)}; a random admissible action per step, " +
                          $"{tasks} tasks of split '{split}' per client, each played to its end or 30 steps; one loopback server (Kestrel, same process); " +
                          "best of 3 runs after 3 warm-up passes. " +
                          "The machine is shared with other builds and tests, so times are noisy.");
            sb.AppendLine();
            sb.AppendLine("| how | clients | steps | steps/s | ms per step (per client) |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var (how, clients, r) in new[] { ("in process", 1, inProcess), ("HTTP", 1, one), ("HTTP", 16, sixteen) })
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {how} | {clients} | {r.Steps} | {r.Steps / r.Seconds:F0} | {r.Seconds * 1e3 * clients / r.Steps:F3} |"));
            sb.AppendLine();
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Moving an episode 20 steps deep to a fresh environment (create, reset, replay 20 steps with checks): {move * 1e3:F1} ms."));
            return sb.ToString();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The fastest of three runs (the machine is shared; slower runs measure the neighbours).</summary>
    static (int Steps, double Seconds) Best(Func<(int Steps, double Seconds)> run) =>
        Enumerable.Range(0, 3).Select(_ => run()).MinBy(r => r.Seconds / r.Steps);

    static string AgentGymDialectName(IEnvironmentSuite suite) => suite.Name == "trivial" ? "alfworld" : suite.Name;

    /// <summary>Plays the split's first tasks on <paramref name="clients"/> threads; returns steps and wall time.</summary>
    static (int Steps, double Seconds) Steps(IEnvironmentSuite suite, string split, int tasks, int clients)
    {
        int steps = 0, next = 0;
        var sw = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, clients).Select(c => new Thread(() =>
        {
            for (int task; (task = Interlocked.Increment(ref next) - 1) < tasks * clients;)
            {
                var env = suite.Create(split, task % tasks);
                var random = new Random(task);
                var result = env.Reset();
                for (int s = 0; s < 30 && !result.Done; s++)
                {
                    var options = env.AdmissibleActions;
                    result = env.Step(options.Count == 0 ? "look" : options[random.Next(options.Count)]);
                    Interlocked.Increment(ref steps);
                }
                (env as IDisposable)?.Dispose();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return (steps, sw.Elapsed.TotalSeconds);
    }

    /// <summary>The replay a recovery performs, timed on its own: a new environment brought to depth <paramref name="depth"/>.</summary>
    static double MoveSeconds(RemoteEnvironmentSuite remote, string split, int depth)
    {
        using var parent = remote.CreateRemote(split, 0);
        var result = parent.Reset();
        var random = new Random(5);
        while (parent.StepCount < depth && !result.Done)
            result = parent.Step(parent.AdmissibleActions[random.Next(parent.AdmissibleActions.Count)]);
        return BenchReport.MedianSeconds(5, () =>
        {
            using var child = remote.CreateRemote(split, 0);
            child.Reset();
            foreach (var a in parent.ActionHistory) child.Step(a);
        });
    }

    /// <summary>A world whose steps cost nothing: what is left is the HTTP round trip and the bookkeeping.</summary>
    sealed class TrivialSuite : IEnvironmentSuite
    {
        public string Name => "trivial";
        public IReadOnlyList<string> Splits => ["train"];
        public IExpert? Expert => null;
        public int Count(string split) => 64;
        public TaskInfo Describe(string split, int index) => new("trivial", split, index, "walk", $"walk {index % 7 + 20} steps");
        public IEnvironment Create(string split, int index) => new Walk(Describe(split, index), index % 7 + 20);
    }

    sealed class Walk(TaskInfo task, int length) : IEnvironment
    {
        readonly List<string> _history = [];
        public TaskInfo Task => task;
        public IReadOnlyList<string> AdmissibleActions => ["step forward", "look"];
        public int StepCount => _history.Count;
        public IReadOnlyList<string> ActionHistory => _history;
        public bool CanClone => false;
        public IEnvironment Clone() => throw new NotSupportedException();
        public StepResult Reset() { _history.Clear(); return new StepResult($"You stand at 0 of {length}.", 0, false, false, 0, true); }

        public StepResult Step(string action)
        {
            _history.Add(action);
            int at = _history.Count(a => a == "step forward");
            bool won = at >= length;
            return new StepResult($"You stand at {at} of {length} after {_history.Count} moves.", won ? 1 : 0, won, won, won ? 1 : 0, true);
        }
    }
}
