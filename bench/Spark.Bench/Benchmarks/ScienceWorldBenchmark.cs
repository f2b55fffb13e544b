using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spark.Core.Environments;
using Spark.Environments;
using Spark.Environments.ScienceWorld;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// Speed of the built-in ScienceWorld on one thread: steps per second replaying the expert's gold paths and
/// walking with random valid actions, the cost of the admissible-action list, Reset, and Clone. The issue's
/// targets are ≥ 100,000 steps/s and Clone &lt; 20 µs. Each figure is given as wall time and as process CPU
/// time: on a loaded machine the wall time mostly measures waiting for a core.
/// </summary>
public sealed class ScienceWorldBenchmark : IBenchmark
{
    internal const int TasksPerType = 6;
    const int RandomSteps = 30, Repeats = 7, WarmupPasses = 20;

    public string Name => "scienceworld";
    public string Description => "ScienceWorld steps/s (gold paths, random walks), admissible-action list, Reset and Clone cost.";

    public string Run(string[] args)
    {
        var suite = new ScienceWorldSuite(new SuiteOptions());
        var paths = GoldPaths(suite);
        int goldSteps = paths.Sum(p => p.Actions.Length);

        // The JIT needs many calls before the hot loops reach their optimised tier; warm up well past that.
        for (int i = 0; i < WarmupPasses; i++) Replay(paths);
        for (int i = 0; i < 3; i++) RandomWalk(paths, i);

        var replay = Measure(() => Replay(paths));
        var resets = Measure(() => { foreach (var p in paths) p.Env.Reset(); });
        var walks = RandomWalk(paths, 1);
        int walkSteps = walks.Sum(w => w.Length);
        var walk = Measure(() => RandomWalk(paths, 1));
        var walkStepsOnly = Measure(() => WalkStepsOnly(paths, walks));
        var lists = (Wall: walk.Wall - walkStepsOnly.Wall, Cpu: walk.Cpu - walkStepsOnly.Cpu);
        var (cloneWall, cloneCpu, clones) = CloneCost(paths);

        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine($"{paths.Count} tasks ({TasksPerType} train variations of each of {paths.Select(p => p.Env.Task.TaskType).Distinct().Count()} seen task types), " +
                      $"default options (simplifications \"easy\", 30-step limit). Median of {Repeats} runs after {WarmupPasses} warm-up passes, one thread. " +
                      "CPU time is the process's (GC included). The machine is shared with other builds, tests and training runs, so the " +
                      "figures are noisy (runs minutes apart differ by up to 2×, in both columns); compare versions back to back, and the " +
                      "lead re-runs them on a quiet machine.");
        sb.AppendLine();
        sb.AppendLine("| measure | wall | CPU |");
        sb.AppendLine("|---|---|---|");
        double goldStep = (replay.Wall - resets.Wall) / goldSteps, goldStepCpu = (replay.Cpu - resets.Cpu) / goldSteps;
        Row(sb, $"gold-path replay ({goldSteps} steps per pass): steps per second, Reset excluded", Rate(goldStep), Rate(goldStepCpu));
        Row(sb, "gold-path replay: µs per step", Micros(goldStep), Micros(goldStepCpu));
        Row(sb, "Reset: µs per call (copy of the state after the first `look around` into the episode's arrays)", Micros(resets.Wall / paths.Count), Micros(resets.Cpu / paths.Count));
        double walkStep = (walkStepsOnly.Wall - resets.Wall) / walkSteps, walkStepCpu = (walkStepsOnly.Cpu - resets.Cpu) / walkSteps;
        Row(sb, $"random walk ({walkSteps} steps per pass, actions drawn from AdmissibleActions): steps per second, Reset and lists excluded", Rate(walkStep), Rate(walkStepCpu));
        Row(sb, $"AdmissibleActions: µs per list (mean length {_meanAdmissible:F0})", Micros(lists.Wall / walkSteps), Micros(lists.Cpu / walkSteps));
        Row(sb, $"Clone: µs per call (mid-episode states, {clones:N0} clones)", Micros(cloneWall), Micros(cloneCpu));
        sb.AppendLine();
        sb.AppendLine("Targets from the issue: ≥ 100,000 steps/s and Clone < 20 µs. A step parses the input against every action pattern, " +
                      "applies the action, ticks the world once (eleven times for `wait`: every object's heat exchange, state of matter, " +
                      "life cycle and circuit) and evaluates the goal sequence before and after each tick. Gold paths average about 1.7 ticks per step. " +
                      "The admissible list enumerates every template × visible-object pair and checks each, as the original's `valid` info does, " +
                      "so it costs far more than a step; it is built lazily, only when read.");
        return sb.ToString();
    }

    double _meanAdmissible;

    sealed record GoldPath(ScienceWorldEnvironment Env, string[] Actions);

    /// <summary>The benchmark's tasks: the first <see cref="TasksPerType"/> train variations of each task type
    /// (the digest benchmark replays the same ones).</summary>
    internal static IEnumerable<int> GoldPathTasks(ScienceWorldSuite suite) =>
        Enumerable.Range(0, suite.Count("train")).GroupBy(i => suite.Describe("train", i).TaskType).SelectMany(g => g.Take(TasksPerType));

    static List<GoldPath> GoldPaths(ScienceWorldSuite suite)
    {
        var expert = suite.Expert!;
        var paths = new List<GoldPath>();
        foreach (int index in GoldPathTasks(suite))
        {
            var env = suite.CreateEnvironment("train", index);
            var trajectory = expert.Solve(env, env.Reset(), new Random(index));
            if (!trajectory.Won) throw new InvalidOperationException($"expert lost {env.Task.TaskType} {env.Task.Index}");
            paths.Add(new GoldPath(env, trajectory.Steps.Select(s => s.Action).ToArray()));
        }
        return paths;
    }

    /// <summary>
    /// The entry point of side-by-side timing (<see cref="ScienceWorldAbBenchmark"/>, <c>scienceworld-ab</c>), which
    /// finds it by name in each build it loads: keep its name, its class's full name and its signature. It prepares
    /// one workload over the benchmark's tasks and returns a delegate that runs it <c>passes</c> times and returns the
    /// number of steps taken. Only BCL types cross, so two builds loaded in one process share nothing else.
    /// Workloads: "gold", Reset and the gold path of each task (Reset included in the time); "wait", two <c>wait</c>s
    /// (11 ticks each) on a clone of each task's state half-way along its gold path (the clone included); "walk",
    /// Reset and a recorded random walk of up to 30 admissible actions per task (the lists not read while timed).
    /// </summary>
    public static Func<int, long> PrepareAbWorkload(string workload)
    {
        var suite = new ScienceWorldSuite(new SuiteOptions());
        var paths = GoldPaths(suite);
        switch (workload)
        {
            case "gold":
                return passes =>
                {
                    long steps = 0;
                    for (int i = 0; i < passes; i++)
                    {
                        Replay(paths);
                        foreach (var p in paths) steps += p.Actions.Length;
                    }
                    return steps;
                };
            case "wait":
            {
                const int waits = 2;
                var mid = paths.Select(p =>
                {
                    p.Env.Reset();
                    foreach (string a in p.Actions.Take(p.Actions.Length / 2)) p.Env.Step(a);
                    return (ScienceWorldEnvironment)p.Env.Clone();
                }).ToArray();
                return passes =>
                {
                    for (int i = 0; i < passes; i++)
                        foreach (var env in mid)
                        {
                            var clone = env.Clone();
                            for (int k = 0; k < waits; k++) clone.Step("wait");
                        }
                    return (long)passes * mid.Length * waits;
                };
            }
            case "walk":
            {
                var walks = new ScienceWorldBenchmark().RandomWalk(paths, 1);
                long stepsPerPass = walks.Sum(w => (long)w.Length);
                return passes =>
                {
                    for (int i = 0; i < passes; i++) WalkStepsOnly(paths, walks);
                    return passes * stepsPerPass;
                };
            }
            default:
                throw new ArgumentException($"unknown workload '{workload}' (gold, wait, walk)", nameof(workload));
        }
    }

    static void Replay(List<GoldPath> paths)
    {
        foreach (var p in paths)
        {
            p.Env.Reset();
            foreach (string action in p.Actions) p.Env.Step(action);
        }
    }

    /// <summary>Random walks of up to <see cref="RandomSteps"/> steps; returns the actions taken per task.</summary>
    string[][] RandomWalk(List<GoldPath> paths, int seed)
    {
        var random = new Random(seed);
        var walks = new string[paths.Count][];
        long total = 0, steps = 0;
        for (int t = 0; t < paths.Count; t++)
        {
            var env = paths[t].Env;
            var walk = new List<string>();
            env.Reset();
            for (int i = 0; i < RandomSteps; i++)
            {
                var actions = env.AdmissibleActions;
                total += actions.Count;
                steps++;
                walk.Add(actions[random.Next(actions.Count)]);
                if (env.Step(walk[^1]).Done) break;
            }
            walks[t] = [.. walk];
        }
        _meanAdmissible = (double)total / steps;
        return walks;
    }

    /// <summary>Replays the actions of <see cref="RandomWalk"/> (same seed) without reading the lists.</summary>
    static void WalkStepsOnly(List<GoldPath> paths, string[][] walks)
    {
        for (int i = 0; i < paths.Count; i++)
        {
            paths[i].Env.Reset();
            foreach (string action in walks[i]) paths[i].Env.Step(action);
        }
    }

    static (double Wall, double Cpu, int Count) CloneCost(List<GoldPath> paths)
    {
        var mid = paths.Select(p =>
        {
            p.Env.Reset();
            foreach (string a in p.Actions.Take(p.Actions.Length / 2)) p.Env.Step(a);
            return p.Env;
        }).ToArray();
        const int rounds = 2000;
        var (wall, cpu) = Measure(() =>
        {
            for (int i = 0; i < rounds; i++)
                foreach (var env in mid) _ = env.Clone();
        });
        int count = rounds * mid.Length;
        return (wall / count, cpu / count, count);
    }

    /// <summary>Median wall and process CPU seconds of <see cref="Repeats"/> runs.</summary>
    static (double Wall, double Cpu) Measure(Action action)
    {
        var walls = new List<double>();
        var cpus = new List<double>();
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < Repeats; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            action();
            walls.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            cpus.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        walls.Sort();
        cpus.Sort();
        return (walls[Repeats / 2], cpus[Repeats / 2]);
    }

    static string Rate(double secondsPerStep) => (1 / secondsPerStep).ToString("N0", CultureInfo.InvariantCulture);
    static string Micros(double seconds) => (seconds * 1e6).ToString("F2", CultureInfo.InvariantCulture);

    static void Row(StringBuilder sb, string name, string wall, string cpu) => sb.AppendLine($"| {name} | {wall} | {cpu} |");
}
