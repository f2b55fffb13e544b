using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spark.Core.Environments;
using Spark.Environments;
using Spark.Environments.ScienceWorld;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// Speed of the built-in ScienceWorld on one core: steps per second replaying the expert's gold paths and
/// walking with random valid actions, the cost of the admissible-action list, Reset, and Clone. The issue's
/// targets are ≥ 100,000 steps/s and Clone &lt; 20 µs.
/// </summary>
public sealed class ScienceWorldBenchmark : IBenchmark
{
    const int TasksPerType = 6, RandomSteps = 30, Repeats = 7;

    public string Name => "scienceworld";
    public string Description => "ScienceWorld steps/s (gold paths, random walks), admissible-action list, Reset and Clone cost.";

    public string Run(string[] args)
    {
        var suite = new ScienceWorldSuite(new SuiteOptions());
        var paths = GoldPaths(suite);
        int goldSteps = paths.Sum(p => p.Actions.Length);

        // Warm-up pass so the JIT reaches its optimised tier before anything is timed.
        Replay(paths);
        RandomWalks(paths, 1);

        double replay = BenchReport.MedianSeconds(Repeats, () => Replay(paths));
        double resets = BenchReport.MedianSeconds(Repeats, () => { foreach (var p in paths) p.Env.Reset(); });
        int walkSteps = 0;
        double listSeconds = 0;
        double walk = BenchReport.MedianSeconds(Repeats, () => (walkSteps, listSeconds) = RandomWalks(paths, 1));
        var (cloneMicros, clones) = CloneCost(paths);

        double stepMicros = (replay - resets) * 1e6 / goldSteps;
        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine($"{paths.Count} tasks ({TasksPerType} train variations of each of {paths.Select(p => p.Env.Task.TaskType).Distinct().Count()} task types), " +
                      $"default options (simplifications \"easy\"). Median of {Repeats} runs after a warm-up pass, one thread. " +
                      "The machine is shared with other builds and tests, so the figures are noisy; the lead re-runs them on a quiet machine.");
        sb.AppendLine();
        sb.AppendLine("| measure | value |");
        sb.AppendLine("|---|---|");
        Row(sb, "gold-path replay: steps per second (Step only, Reset excluded)", Invariant($"{1e6 / stepMicros:N0}"));
        Row(sb, "gold-path replay: µs per step", Invariant($"{stepMicros:F2}"));
        Row(sb, "gold-path steps per pass", Invariant($"{goldSteps}"));
        Row(sb, "Reset: µs per call (clone of the initial world + `look around`)", Invariant($"{resets * 1e6 / paths.Count:F2}"));
        Row(sb, $"random walk (≤ {RandomSteps} steps, each action drawn from AdmissibleActions): steps per second, list excluded",
            Invariant($"{walkSteps / (walk - listSeconds):N0}"));
        Row(sb, "AdmissibleActions: µs per list (the original's `valid` info)", Invariant($"{listSeconds * 1e6 / walkSteps:F1}"));
        Row(sb, "AdmissibleActions: mean list length", Invariant($"{_meanAdmissible:F0}"));
        Row(sb, Invariant($"Clone: µs per call (mid-episode, {clones:N0} clones)"), Invariant($"{cloneMicros:F2}"));
        sb.AppendLine();
        sb.AppendLine("Targets from the issue: ≥ 100,000 steps/s and Clone < 20 µs. A step parses the input, applies the action, " +
                      "ticks the world (every object's physics, life cycles, circuits) and evaluates the goal sequence. " +
                      "The admissible list enumerates every template × visible-object combination and checks each, as the original's " +
                      "`valid` info does, so it costs far more than a step; it is computed lazily, only when read.");
        return sb.ToString();
    }

    double _meanAdmissible;

    sealed record GoldPath(ScienceWorldEnvironment Env, string[] Actions);

    static List<GoldPath> GoldPaths(ScienceWorldSuite suite)
    {
        var expert = suite.Expert!;
        var byType = Enumerable.Range(0, suite.Count("train")).GroupBy(i => suite.Describe("train", i).TaskType);
        var paths = new List<GoldPath>();
        foreach (var group in byType)
            foreach (int index in group.Take(TasksPerType))
            {
                var env = suite.CreateEnvironment("train", index);
                var trajectory = expert.Solve(env, env.Reset(), new Random(index));
                if (!trajectory.Won) throw new InvalidOperationException($"expert lost {env.Task.TaskType} {env.Task.Index}");
                paths.Add(new GoldPath(env, trajectory.Steps.Select(s => s.Action).ToArray()));
            }
        return paths;
    }

    static void Replay(List<GoldPath> paths)
    {
        foreach (var p in paths)
        {
            p.Env.Reset();
            foreach (string action in p.Actions) p.Env.Step(action);
        }
    }

    /// <summary>Random walks of up to <see cref="RandomSteps"/> steps; returns the steps taken and the
    /// time spent building admissible lists.</summary>
    (int Steps, double AdmissibleSeconds) RandomWalks(List<GoldPath> paths, int seed)
    {
        var random = new Random(seed);
        int steps = 0, calls = 0;
        long total = 0;
        var listTime = new Stopwatch();
        foreach (var p in paths)
        {
            p.Env.Reset();
            for (int i = 0; i < RandomSteps; i++)
            {
                listTime.Start();
                var actions = p.Env.AdmissibleActions;
                listTime.Stop();
                calls++;
                total += actions.Count;
                steps++;
                if (p.Env.Step(actions[random.Next(actions.Count)]).Done) break;
            }
        }
        _meanAdmissible = (double)total / calls;
        return (steps, listTime.Elapsed.TotalSeconds);
    }

    static (double Micros, int Count) CloneCost(List<GoldPath> paths)
    {
        var mid = paths.Select(p =>
        {
            p.Env.Reset();
            foreach (string a in p.Actions.Take(p.Actions.Length / 2)) p.Env.Step(a);
            return p.Env;
        }).ToArray();
        const int rounds = 2000;
        var times = new List<double>();
        for (int r = 0; r < Repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < rounds; i++)
                foreach (var env in mid) _ = env.Clone();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        return (times[times.Count / 2] * 1e6 / (rounds * mid.Length), rounds * mid.Length);
    }

    static void Row(StringBuilder sb, string name, string value) => sb.AppendLine($"| {name} | {value} |");

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
