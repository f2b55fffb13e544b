using Spark.Bench;

// Each benchmark is one class in Benchmarks/; register it here.
IBenchmark[] benchmarks =
[
    new Spark.Bench.Benchmarks.TokenizerBenchmark(),
    new Spark.Bench.Benchmarks.RolloutEngineBenchmark(),
    new Spark.Bench.Benchmarks.ScienceWorldBenchmark(),
    new Spark.Bench.Benchmarks.ScienceWorldDigestBenchmark(),
    new Spark.Bench.Benchmarks.ScienceWorldAbBenchmark(),
    new Spark.Bench.Benchmarks.ServingBenchmark(),
    new Spark.Bench.Benchmarks.WebShopBenchmark(),
    new Spark.Bench.Benchmarks.HarnessBenchmark(),
    new Spark.Bench.Benchmarks.AlfworldBenchmark(),
    new Spark.Bench.Benchmarks.ModelTrainingBenchmark(),
    new Spark.Bench.Benchmarks.DecodingBenchmark(),
    new Spark.Bench.Benchmarks.SftBenchmark(),
    new Spark.Bench.Benchmarks.RolloutStrategiesBenchmark(),
];

if (args.Length == 0 || benchmarks.All(b => b.Name != args[0]))
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Spark.Bench -- <benchmark> [options]");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-24} {b.Description}");
    return args.Length == 0 ? 0 : 1;
}
var bench = benchmarks.First(b => b.Name == args[0]);
string report = bench.Run(args[1..]);
BenchReport.Save(bench.Name, report);
Console.WriteLine(report);
Console.WriteLine($"written to {BenchReport.ResultsPath(bench.Name)}");
return 0;
