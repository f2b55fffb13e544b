using System.Diagnostics;
using System.Text;
using Spark.Environments.WebShop;

namespace Spark.Bench.Benchmarks;

/// <summary>
/// WebShop speed on one thread: catalog generation and index build, search latency over instruction queries,
/// environment steps per second (replaying expert episodes, searches included) and clone cost. CPU times
/// are reported beside wall times because a shared machine inflates the latter.
/// Options: --products N (default 100000), --queries N (default 2000), --episodes N (default 300).
/// </summary>
public sealed class WebShopBenchmark : IBenchmark
{
    public string Name => "webshop";
    public string Description => "WebShop: index build, search latency, env steps/s, clone cost on a generated catalog (default 100k products).";

    public string Run(string[] args)
    {
        int products = BenchArgs.Int(args, "--products", 100_000), queries = BenchArgs.Int(args, "--queries", 2000), episodes = BenchArgs.Int(args, "--episodes", 300);
        var sb = new StringBuilder(BenchReport.MachineHeader(Name, args));
        sb.AppendLine("Single thread. This machine is shared with other jobs, so absolute figures are noisy; compare on a quiet machine.");
        sb.AppendLine();

        var sw = Stopwatch.StartNew();
        var cpu0 = Cpu();
        var suite = new WebShopSuite(new CatalogGenerator(products, seed: 1));
        (double generate, double generateCpu) = (sw.Elapsed.TotalSeconds, Cpu() - cpu0);
        sw.Restart();
        cpu0 = Cpu();
        var searchIndex = suite.Site.Index;
        (double index, double indexCpu) = (sw.Elapsed.TotalSeconds, Cpu() - cpu0);
        var catalog = suite.Site.Catalog;

        var texts = catalog.Goals.Take(queries).Select(g => PageReader.Query(g.InstructionText)).ToList();
        // The index itself, not the site's memory of past searches, so every query is really searched.
        foreach (string q in texts.Take(100)) searchIndex.Search(q); // warm-up
        var times = new List<double>(texts.Count);
        int hits = 0;
        cpu0 = Cpu();
        foreach (string q in texts)
        {
            long t0 = Stopwatch.GetTimestamp();
            hits += searchIndex.Search(q).Count;
            times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        double searchCpuMs = (Cpu() - cpu0) * 1000 / texts.Count;
        times.Sort();

        int sample = Math.Min(1000, products), ownFirst = 0;
        for (int i = 0; i < sample; i++)
            if (searchIndex.Search(catalog.Products[i].Title.ToLowerInvariant()) is { Count: > 0 } top && top[0] == i) ownFirst++;

        // Expert episodes give realistic action sequences; replaying them on fresh environments times the env alone.
        var histories = new List<IReadOnlyList<string>>();
        int won = 0;
        for (int i = 0; i < Math.Min(episodes, suite.Count("test")); i++)
        {
            var env = suite.Create("test", i);
            if (suite.Expert!.Solve(env, env.Reset(), new Random(i)).Won) won++;
            histories.Add(env.ActionHistory.ToList());
        }
        // A fresh site over the same index: its first pass really searches, a second pass repeats the searches
        // as the rollouts of one task do, and is answered from the site's memory.
        var site = new WebShopSite(catalog, searchIndex);
        var fresh = Replay(suite, site, histories);
        var repeated = Replay(suite, site, histories);

        var probe = suite.Create("test", 0);
        probe.Reset();
        foreach (string a in histories[0].Take(2)) probe.Step(a);
        const int clones = 100_000;
        sw.Restart();
        for (int i = 0; i < clones; i++) probe.Clone();
        double cloneMicros = sw.Elapsed.TotalMilliseconds * 1000 / clones;

        sb.AppendLine($"| measure | {products:N0} products |");
        sb.AppendLine("|---|---|");
        sb.AppendLine($"| catalog generation | {generate:F2} s wall, {generateCpu:F2} s CPU ({catalog.Goals.Count:N0} goals) |");
        sb.AppendLine($"| index build (BM25, in memory) | {index:F2} s wall, {indexCpu:F2} s CPU |");
        sb.AppendLine($"| search latency, median (wall) | {times[times.Count / 2]:F2} ms |");
        sb.AppendLine($"| search CPU time, mean (process CPU / searches) | {searchCpuMs:F2} ms |");
        sb.AppendLine($"| search latency, p90 / p99 | {times[(int)(times.Count * 0.9)]:F2} / {times[(int)(times.Count * 0.99)]:F2} ms |");
        sb.AppendLine($"| searches timed | {times.Count:N0} instruction queries, {hits / (double)times.Count:F1} hits each |");
        sb.AppendLine($"| env steps/s, replayed expert episodes ({fresh.Steps:N0} steps, {histories.Count} episodes) | {fresh.Steps / fresh.Wall:N0} wall, {fresh.Steps / fresh.Cpu:N0} per CPU-second |");
        sb.AppendLine($"| same, searches repeated (answered from memory) | {repeated.Steps / repeated.Wall:N0} wall, {repeated.Steps / repeated.Cpu:N0} per CPU-second |");
        sb.AppendLine($"| env steps/s of the non-search steps | {(fresh.Steps - fresh.SearchSteps) / (fresh.Wall - fresh.SearchWall):N0} wall |");
        sb.AppendLine($"| own title ranks the product first | {ownFirst}/{sample} |");
        sb.AppendLine($"| clone | {cloneMicros:F2} µs |");
        sb.AppendLine($"| expert success on these test goals | {won}/{histories.Count} |");
        return sb.ToString();
    }

    static (int Steps, int SearchSteps, double Wall, double Cpu, double SearchWall) Replay(
        WebShopSuite suite, WebShopSite site, List<IReadOnlyList<string>> histories)
    {
        int steps = 0, searchSteps = 0;
        double searchWall = 0, cpu0 = Cpu();
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < histories.Count; i++)
        {
            var env = new WebShopEnvironment(site, suite.Describe("test", i), suite.GoalOf("test", i), WebShopSuite.DefaultMaxSteps);
            env.Reset();
            foreach (string a in histories[i])
            {
                long t0 = Stopwatch.GetTimestamp();
                env.Step(a);
                if (!a.StartsWith("search[", StringComparison.Ordinal)) continue;
                searchSteps++;
                searchWall += Stopwatch.GetElapsedTime(t0).TotalSeconds;
            }
            steps += histories[i].Count;
        }
        return (steps, searchSteps, sw.Elapsed.TotalSeconds, Cpu() - cpu0, searchWall);
    }

    static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
