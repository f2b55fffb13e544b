using Spark.Reporting.Input;

namespace Spark.Reporting.Tests;

public sealed class MetricsJsonlTests
{
    [Fact]
    public void Keeps_every_numeric_field_and_non_finite_strings_and_drops_labels()
    {
        var rows = MetricsJsonl.ParseLines(
        [
            "{\"step\":1,\"rollout_success\":0.25,\"kl\":\"NaN\",\"phase\":\"rl\",\"ok\":true,\"nested\":{\"a\":1},\"my_metric\":3}",
            "",
            "{\"step\":2,\"rollout_success\":0.5,\"grad_norm\":\"Infinity\"}",
        ]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["step", "rollout_success", "kl", "my_metric"], rows[0].Keys);
        Assert.True(double.IsNaN(rows[0]["kl"]));
        Assert.Equal(3, rows[0]["my_metric"]);
        Assert.True(double.IsPositiveInfinity(rows[1]["grad_norm"]));
    }

    [Fact]
    public void A_torn_last_line_is_skipped_but_a_torn_middle_line_is_an_error()
    {
        var rows = MetricsJsonl.ParseLines(["{\"step\":1,\"kl\":0.1}", "{\"step\":2,\"kl\":0.", ""]);
        Assert.Single(rows);
        var e = Assert.Throws<InvalidDataException>(() => MetricsJsonl.ParseLines(["{\"step\":1", "{\"step\":2}"], "run/metrics.jsonl"));
        Assert.Contains("run/metrics.jsonl: line 1", e.Message);
    }

    [Fact]
    public void Reads_a_run_file_into_a_training_run()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["{\"step\":1,\"explore_ratio\":0.3}", "{\"step\":2,\"explore_ratio\":0.4}"]);
            var run = MetricsJsonl.ReadRun(path, "SPARK", "alfworld", 2);
            Assert.Equal(("SPARK", "alfworld", 2), (run.Method, run.Env, run.Seed));
            Assert.Equal(0.4, run.Iterations[1]["explore_ratio"]);
            Assert.Throws<FileNotFoundException>(() => MetricsJsonl.ReadRun(path + ".missing", "SPARK", "alfworld", 2));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
