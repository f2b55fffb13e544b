namespace Spark.Bench;

/// <summary>One on-demand benchmark. It prints its figures and writes them to bench/results/{Name}.md.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }

    /// <summary>Runs and returns the Markdown report (machine, command, figures).</summary>
    string Run(string[] args);
}
