using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Spark.Core.Environments;
using Spark.Environments;
using Spark.Environments.ScienceWorld;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// A fidelity check for speed work on the built-in ScienceWorld, not a timing: one SHA-256 over everything the
/// environment says and holds along gold paths, random walks and probes of 316 tasks. A change that should alter no
/// behaviour must leave the digest as it was; run it before and after, on the same machine (the temperatures are
/// hashed bit for bit, and vectorized arithmetic may round differently on another CPU).
/// </summary>
public sealed class ScienceWorldDigestBenchmark : IBenchmark
{
    const int EvalStride = 7, Walks = 4, WalkSteps = 40, Waits = 12;

    static readonly string[] Rooms = ["kitchen", "hallway", "bathroom", "workshop", "greenhouse", "outside", "art studio", "living room", "bedroom", "foundry"];

    long _steps;

    public string Name => "scienceworld-digest";
    public string Description => "ScienceWorld behaviour digest (SHA-256 of observations, scores, lists, object records) to compare commits; --per-task lists each task's hash.";

    public string Run(string[] args)
    {
        var sw = Stopwatch.StartNew();
        _steps = 0;
        var tasks = Tasks();
        using var total = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var perTask = new StringBuilder();
        foreach (var (suite, split, index) in tasks)
        {
            byte[] hash = TaskDigest(suite, split, index);
            total.AppendData(hash);
            perTask.AppendLine($"{split}:{index} {Convert.ToHexString(hash)[..16]}");
        }
        string digest = Convert.ToHexString(total.GetHashAndReset());
        double seconds = sw.Elapsed.TotalSeconds;

        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine($"digest: `{digest}`");
        sb.AppendLine();
        sb.AppendLine($"- tasks: {tasks.Count}, steps: {_steps.ToString("N0", CultureInfo.InvariantCulture)}, run time: {seconds.ToString("F1", CultureInfo.InvariantCulture)} s");
        sb.AppendLine();
        sb.AppendLine($"Tasks: {ScienceWorldBenchmark.TasksPerType} train variations of each task type (the `scienceworld` benchmark's gold paths) and every " +
                      $"{EvalStride}th task of L0, L1 and L2 built with `eval_per_type=all`. Per task: the reset, the expert's path twice " +
                      "(without and with the admissible list read before each step), every `look`/`inventory`/`teleport` of the " +
                      $"admissible list at a third and two thirds of the path (on clones), {Waits} `wait`s from there each followed by " +
                      $"`look around` and `inventory`, and {Walks} random walks of {WalkSteps} steps (one reading the lists, one with typed-in " +
                      "`teleport`, `open`/`close door` and `go to`). After every step: the observation, reward, done, won, score, acceptance, " +
                      "truncation and every object's full record (temperature bits included) and the world's counters. Equal digests " +
                      "mean byte-identical behaviour; compare commits on one machine.");
        if (args.Contains("--per-task"))
        {
            sb.AppendLine();
            sb.AppendLine("Per task (first 16 hex digits), to find where two commits part:");
            sb.AppendLine();
            sb.AppendLine("```");
            sb.Append(perTask);
            sb.AppendLine("```");
        }
        return sb.ToString();
    }

    static List<(ScienceWorldSuite Suite, string Split, int Index)> Tasks()
    {
        var train = new ScienceWorldSuite(new SuiteOptions());
        var all = new ScienceWorldSuite(new SuiteOptions(Extra: new Dictionary<string, string> { ["eval_per_type"] = "all" }));
        var tasks = new List<(ScienceWorldSuite, string, int)>();
        foreach (int index in ScienceWorldBenchmark.GoldPathTasks(train)) tasks.Add((train, "train", index));
        foreach (string split in new[] { "L0", "L1", "L2" })
            for (int i = 0; i < all.Count(split); i += EvalStride) tasks.Add((all, split, i));
        return tasks;
    }

    byte[] TaskDigest(ScienceWorldSuite suite, string split, int index)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var env = suite.CreateEnvironment(split, index);
        var start = env.Reset();
        Result(h, start);
        string[] gold;
        // The expert may fail on an evaluation task; what it throws is part of the behaviour being fixed.
        try { gold = suite.Expert!.Solve(env, start, new Random(index)).Steps.Select(s => s.Action).ToArray(); }
        catch (Exception e) { Text(h, e.GetType().Name); gold = []; }

        foreach (bool lists in new[] { false, true })
        {
            Result(h, env.Reset());
            World(h, env.CurrentEpisode.World);
            for (int k = 0; k < gold.Length; k++)
            {
                Step(h, env, gold[k], lists);
                if (!lists && (k == gold.Length / 3 || k == 2 * gold.Length / 3)) Probes(h, env);
            }
        }

        for (int seed = 0; seed < Walks; seed++)
        {
            var random = new Random(1000 * index + seed);
            Result(h, env.Reset());
            for (int k = 0; k < WalkSteps; k++)
            {
                string action;
                // The last walk types room moves itself, so closed doors and unknown rooms are met too.
                if (seed == Walks - 1 && k % 3 == 1)
                {
                    string room = Rooms[random.Next(Rooms.Length)];
                    action = random.Next(4) switch
                    {
                        0 => "teleport to " + room,
                        1 => "open door to " + room,
                        2 => "close door to " + room,
                        _ => "go to " + room,
                    };
                }
                else
                {
                    var admissible = env.AdmissibleActions;
                    action = admissible[random.Next(admissible.Count)];
                }
                Step(h, env, action, seed == 0);
            }
        }
        return h.GetHashAndReset();
    }

    /// <summary>The look/inventory/teleport actions on clones, then waits each followed by looks: the paths that read cached state.</summary>
    void Probes(IncrementalHash h, ScienceWorldEnvironment env)
    {
        foreach (string action in env.AdmissibleActions.Where(a => a.StartsWith("look") || a.StartsWith("inventory") || a.StartsWith("teleport")).ToList())
            Step(h, (ScienceWorldEnvironment)env.Clone(), action, false);
        var waiter = (ScienceWorldEnvironment)env.Clone();
        for (int i = 0; i < Waits; i++)
        {
            Step(h, waiter, "wait", false);
            foreach (string action in new[] { "look around", "inventory" })
                Step(h, (ScienceWorldEnvironment)waiter.Clone(), action, false);
        }
    }

    void Step(IncrementalHash h, ScienceWorldEnvironment env, string action, bool lists)
    {
        if (lists) foreach (string a in env.AdmissibleActions) Text(h, a);
        Text(h, action);
        Result(h, env.Step(action));
        _steps++;
        Text(h, env.Score.ToString());
        World(h, env.CurrentEpisode.World);
    }

    static void Result(IncrementalHash h, StepResult r) =>
        Text(h, $"{r.Observation}|{r.Reward}|{r.Done}|{r.Won}|{r.Score}|{r.ActionAccepted}|{r.Truncated}");

    static void Text(IncrementalHash h, string s)
    {
        h.AppendData(Encoding.UTF8.GetBytes(s));
        h.AppendData([0]);
    }

    /// <summary>Every object's whole record and the world's counters, as 8-byte integers (doubles by their bits).</summary>
    static void World(IncrementalHash h, SimWorld w)
    {
        var buffer = new byte[8];
        void Add(long x)
        {
            BitConverter.TryWriteBytes(buffer, x);
            h.AppendData(buffer);
        }
        foreach (long x in new[] { w.Count, w.Universe, w.Agent, w.Inventory, w.Ticks, w.WaitCounter, w.Focus, (long)w.BeeRandom })
            Add(x);
        for (int id = 0; id < w.Count; id++)
        {
            ref var o = ref w[id];
            Add(BitConverter.DoubleToInt64Bits(o.Temperature)); Add(o.Parent); Add(o.FirstChild); Add(o.Next); Add(o.Owner);
            Add(o.Link); Add((long)o.Flags);
            h.AppendData(Encoding.UTF8.GetBytes(o.Name));
            Add(o.Counter); Add(o.TickStamp); Add(o.Data); Add(o.Material); Add(o.CombustionTicks); Add(o.StageTicks);
            Add(o.NoWaterTicks); Add((long)o.Kind); Add((long)o.State); Add(o.Stage); Add(o.NoSoilTicks);
            Add(o.OutOfTemperatureTicks); Add(o.Voltage);
        }
    }
}
