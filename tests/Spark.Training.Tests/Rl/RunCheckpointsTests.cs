using Spark.Training.Runs;

namespace Spark.Training.Tests.Rl;

public sealed class RunCheckpointsTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spark-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static void Fill(string dir, string text)
    {
        File.WriteAllText(Path.Combine(dir, "weights.bin"), text);
        Directory.CreateDirectory(Path.Combine(dir, "model"));
        File.WriteAllText(Path.Combine(dir, "model", "config.json"), "{}");
    }

    [Fact]
    public void Latest_checkpoint_round_trips_and_old_ones_are_pruned()
    {
        var ckpt = new RunCheckpoints(_dir, keep: 2);
        for (int step = 1; step <= 4; step++)
            ckpt.Save(step, "cfg", d => Fill(d, $"w{step}"), new Dictionary<string, string> { ["lr"] = "0.1" });

        var (dir, manifest) = ckpt.LoadLatest("cfg")!.Value;

        Assert.Equal(4, manifest.Step);
        Assert.Equal("w4", File.ReadAllText(Path.Combine(dir, "weights.bin")));
        Assert.Equal("0.1", manifest.Extra["lr"]);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(_dir, "checkpoints")).Length);
    }

    [Fact]
    public void No_checkpoint_means_a_fresh_start()
    {
        Assert.Null(new RunCheckpoints(_dir).LoadLatest("cfg"));
    }

    [Fact]
    public void A_corrupt_file_is_refused_naming_it()
    {
        var ckpt = new RunCheckpoints(_dir);
        string dir = ckpt.Save(3, "cfg", d => Fill(d, "good"));
        File.WriteAllText(Path.Combine(dir, "weights.bin"), "bad");

        var e = Assert.Throws<InvalidDataException>(() => ckpt.LoadLatest("cfg"));
        Assert.Contains("weights.bin", e.Message);
        Assert.Contains("corrupt", e.Message);
    }

    [Fact]
    public void Different_settings_are_refused()
    {
        var ckpt = new RunCheckpoints(_dir);
        ckpt.Save(1, RunCheckpoints.Fingerprint(new { lr = 0.1 }), d => Fill(d, "x"));

        var e = Assert.Throws<InvalidDataException>(() => ckpt.LoadLatest(RunCheckpoints.Fingerprint(new { lr = 0.2 })));
        Assert.Contains("different settings", e.Message);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var ckpt = new RunCheckpoints(_dir);
        string dir = ckpt.Save(1, "cfg", d => Fill(d, "x"));
        File.Delete(Path.Combine(dir, "model", "config.json"));

        var e = Assert.Throws<InvalidDataException>(() => ckpt.LoadLatest("cfg"));
        Assert.Contains("config.json", e.Message);
    }
}
