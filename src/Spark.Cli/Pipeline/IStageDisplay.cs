namespace Spark.Cli.Pipeline;

/// <summary>How a multi-stage command shows its work: a progress display per long stage, and plain log lines.</summary>
public interface IStageDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports (step, total or null, text) and logs lines.</summary>
    T Run<T>(string label, Func<Action<int, int?, string>, Action<string>, T> work);

    void Log(string line);
}
