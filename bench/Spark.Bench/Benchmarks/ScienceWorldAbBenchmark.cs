using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// Side-by-side timing of two builds of the built-in ScienceWorld in one process. Separate benchmark processes of one
/// binary differ by up to 2.4× on this machine, even quiet (placement, frequency, the other jobs), far more than the changes
/// a speed pass makes; within one process, bursts of the same workload alternated between the two builds see the
/// same conditions. Each build is loaded into its own (non-collectible) <see cref="AssemblyLoadContext"/> that resolves
/// assemblies from its build directory; the workload comes from the entry point
/// <see cref="ScienceWorldBenchmark.PrepareAbWorkload"/> found by name in that build's <c>Spark.Bench.dll</c>. A build
/// older than the entry point gets this build's <c>Spark.Bench.dll</c> loaded into its context instead, so that the
/// same workload code runs against its libraries (the report says so). Bursts are timed in the calling thread's CPU
/// time (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), so time spent waiting for a core is not counted.
/// </summary>
public sealed class ScienceWorldAbBenchmark : IBenchmark
{
    const string EntryType = "Spark.Bench.Benchmarks.ScienceWorldBenchmark", EntryMethod = "PrepareAbWorkload";
    const int WarmupPasses = 30;
    const double BurstSeconds = 0.03;

    public string Name => "scienceworld-ab";
    public string Description => "ScienceWorld A/B of two builds in one process: --old DIR --new DIR (Spark.Bench build outputs) [--bursts N] [--workload gold|wait|walk] [--passes P].";

    public string Run(string[] args)
    {
        string? oldDir = BenchArgs.Text(args, "--old"), newDir = BenchArgs.Text(args, "--new");
        if (oldDir == null || newDir == null)
            throw new ArgumentException("usage: scienceworld-ab --old DIR --new DIR [--bursts N] [--workload gold|wait|walk] [--passes P per burst; default about 30 ms]");
        int bursts = Math.Max(2, BenchArgs.Int(args, "--bursts", 400));
        int passesArg = BenchArgs.Int(args, "--passes", 0);
        string workload = BenchArgs.Text(args, "--workload") ?? "gold";
        string loadBefore = LoadAverage();

        var (runOld, oldNote) = Load(oldDir, "old", workload);
        var (runNew, newNote) = Load(newDir, "new", workload);
        for (int i = 0; i < WarmupPasses; i++)
        {
            runOld(1);
            runNew(1);
        }
        // A burst of about BurstSeconds of CPU unless --passes says otherwise: long enough that a timer tick or a
        // preemption is a small part of it, short enough that both builds see the same phase of the other jobs.
        int passes = passesArg > 0 ? passesArg : Math.Max(1, (int)Math.Round(BurstSeconds / Math.Min(Time(runOld, 1).Seconds, Time(runNew, 1).Seconds)));

        // Bursts alternate in pairs, old first in even pairs and new first in odd ones, so neither build always
        // follows the other (caches, the GC's state and the other jobs' phases then fall on both alike).
        var tOld = new double[bursts];
        var tNew = new double[bursts];
        long stepsOld = 0, stepsNew = 0;
        for (int i = 0; i < bursts; i++)
        {
            if ((i & 1) == 0)
            {
                (tOld[i], stepsOld) = Time(runOld, passes);
                (tNew[i], stepsNew) = Time(runNew, passes);
            }
            else
            {
                (tNew[i], stepsNew) = Time(runNew, passes);
                (tOld[i], stepsOld) = Time(runOld, passes);
            }
        }
        string loadAfter = LoadAverage();

        // Speed ratio of each pair: new steps/s over old steps/s (above 1: the new build is faster).
        var ratios = new double[bursts];
        for (int i = 0; i < bursts; i++) ratios[i] = (tOld[i] / stepsOld) / (tNew[i] / stepsNew);
        double medOld = Median(tOld), medNew = Median(tNew);
        double firstHalf = Median(ratios.AsSpan(0, bursts / 2)), secondHalf = Median(ratios.AsSpan(bursts / 2));

        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        if (Loaded(loadBefore) || Loaded(loadAfter))
            sb.AppendLine("**Measured under load** (other processes were running): the steps/s below are not the machine's; " +
                          "only the new/old ratio is meaningful.").AppendLine();
        sb.AppendLine($"- load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}. " +
                      "On a loaded machine only the ratio means something; the steps/s are per thread CPU second.");
        sb.AppendLine($"- old: `{Path.GetFullPath(oldDir)}`{oldNote}");
        sb.AppendLine($"- new: `{Path.GetFullPath(newDir)}`{newNote}");
        sb.AppendLine($"- workload `{workload}`: {stepsOld:N0} steps per burst ({passes} pass{(passes == 1 ? "" : "es")}); {bursts} bursts per build " +
                      $"after {WarmupPasses} warm-up passes each, alternated in pairs (old first, then new first).");
        sb.AppendLine();
        sb.AppendLine("| measure | value |");
        sb.AppendLine("|---|---|");
        sb.AppendLine($"| old: median steps/s (thread CPU) | {Rate(stepsOld, medOld)} |");
        sb.AppendLine($"| new: median steps/s (thread CPU) | {Rate(stepsNew, medNew)} |");
        sb.AppendLine($"| new/old speed, median of pair ratios | {F(Median(ratios))} |");
        var (low, high) = MedianInterval(ratios);
        sb.AppendLine($"| 95% interval of that median (order statistics) | {F(low)} – {F(high)} |");
        sb.AppendLine($"| pair ratios p10 / p25 / p75 / p90 | {F(Quantile(ratios, 0.10))} / {F(Quantile(ratios, 0.25))} / {F(Quantile(ratios, 0.75))} / {F(Quantile(ratios, 0.90))} |");
        sb.AppendLine($"| new/old speed, ratio of the medians | {F(medOld / stepsOld / (medNew / stepsNew))} |");
        sb.AppendLine($"| new/old speed, median of first / second half of the bursts | {F(firstHalf)} / {F(secondHalf)} |");
        sb.AppendLine();
        sb.AppendLine("Above 1 the new build is faster. The halves show drift during the run; an A/A run (the same directory twice) " +
                      "shows the resolution. Both builds share the process's GC heap and JIT, not their statics.");
        return sb.ToString();
    }

    /// <summary>Loads the build in <paramref name="dir"/> into its own context and prepares the workload there.</summary>
    static (Func<int, long> Run, string Note) Load(string dir, string label, string workload)
    {
        dir = Path.GetFullPath(dir);
        string bench = Path.Combine(dir, "Spark.Bench.dll");
        if (!File.Exists(Path.Combine(dir, "Spark.Environments.dll")))
            throw new ArgumentException($"{dir} holds no Spark.Environments.dll: give a Spark.Bench build output directory");
        string note = "";
        if (!File.Exists(bench) || !DefinesEntryPoint(bench))
        {
            bench = typeof(ScienceWorldAbBenchmark).Assembly.Location;
            note = $" (its Spark.Bench has no `{EntryMethod}`: this build's workload code runs against its libraries)";
        }
        var context = new BuildContext(dir, label);
        var type = context.LoadFromAssemblyPath(bench).GetType(EntryType, throwOnError: true)!;
        var method = type.GetMethod(EntryMethod, BindingFlags.Public | BindingFlags.Static, [typeof(string)])
                     ?? throw new MissingMethodException(EntryType, EntryMethod);
        var run = (Func<int, long>)method.Invoke(null, [workload])!;
        return (run, note);
    }

    /// <summary>True when the assembly defines the entry point's method, read from its metadata without loading it.</summary>
    static bool DefinesEntryPoint(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        foreach (var handle in md.TypeDefinitions)
        {
            var t = md.GetTypeDefinition(handle);
            if (md.GetString(t.Name) != "ScienceWorldBenchmark" || md.GetString(t.Namespace) != "Spark.Bench.Benchmarks") continue;
            foreach (var m in t.GetMethods())
                if (md.GetString(md.GetMethodDefinition(m).Name) == EntryMethod) return true;
        }
        return false;
    }

    /// <summary>Resolves every assembly its build directory holds from there; the framework's from the default context.</summary>
    sealed class BuildContext(string dir, string label) : AssemblyLoadContext("scienceworld-ab " + label, isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            string path = Path.Combine(dir, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    static (double Seconds, long Steps) Time(Func<int, long> run, int passes)
    {
        double t0 = ThreadCpuSeconds();
        long steps = run(passes);
        return (ThreadCpuSeconds() - t0, steps);
    }

    [StructLayout(LayoutKind.Sequential)]
    struct Timespec
    {
        public long Seconds, Nanoseconds;
    }

    const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    [DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out Timespec time);

    static double ThreadCpuSeconds()
    {
        if (ClockGetTime(ClockThreadCpuTime, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return t.Seconds + t.Nanoseconds * 1e-9;
    }

    static string LoadAverage()
    {
        try { return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    /// <summary>A distribution-free 95% confidence interval of the median: the order statistics n/2 ∓ 0.98·√n.</summary>
    static (double Low, double High) MedianInterval(double[] values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length, half = (int)Math.Ceiling(0.98 * Math.Sqrt(n));
        return (sorted[Math.Max(0, n / 2 - half)], sorted[Math.Min(n - 1, n / 2 + half)]);
    }

    /// <summary>True when the one-minute load average exceeds what this run alone puts on the machine (about 1).</summary>
    static bool Loaded(string loadAverage) =>
        double.TryParse(loadAverage.Split(',')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double load) && load > 1.5;

    static double Median(ReadOnlySpan<double> values) => Quantile(values, 0.5);

    static double Quantile(ReadOnlySpan<double> values, double q)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }

    static string Rate(long steps, double seconds) => (steps / seconds).ToString("N0", CultureInfo.InvariantCulture);
    static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
