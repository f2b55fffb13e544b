using Spark.Training.Evaluation;

namespace Spark.Training.Tests.Evaluation;

public sealed class EvalFileTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spark-evalfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static EvalEpisode Episode(int task, bool won, double score) =>
        new($"alfworld/L0/{task}", "pick_and_place_simple", won, score, 7, !won, 100, 0, 1, 0, ["look"]);

    static EvalSummary Summary(params EvalEpisode[] episodes) =>
        new("alfworld", "L0", episodes.Length, 0.5, 0.35, 0.5, 7, 200, 0, 0.1, 0, 1.5, [], episodes);

    [Fact]
    public void Reads_back_what_EvalReport_wrote_with_its_labels()
    {
        string path = Path.Combine(_dir, "eval.jsonl");
        EvalReport.Write(path, Summary(Episode(0, true, 1), Episode(1, false, 0.25)),
            new Dictionary<string, string> { ["checkpoint"] = "/runs/sft", ["seed"] = "3" });

        var f = EvalFile.Read(path);

        Assert.Equal(("alfworld", "L0", "/runs/sft", "3"), (f.Env, f.Split, f.Checkpoint, f.Seed));
        var success = f.Outcomes(score: false, model: "sft");
        Assert.Equal(1, success.ByTask["alfworld/L0/0"]);
        Assert.Equal(0, success.ByTask["alfworld/L0/1"]);
        Assert.Equal(0.25, f.Outcomes(score: true, model: "sft").ByTask["alfworld/L0/1"]);
        Assert.Equal(("sft", "3"), (success.Model, success.Seed));
    }

    [Fact]
    public void A_file_cut_short_before_its_summary_is_refused()
    {
        string path = Path.Combine(_dir, "cut.jsonl");
        string whole = EvalReport.ToJsonLines(Summary(Episode(0, true, 1), Episode(1, false, 0)));
        File.WriteAllText(path, whole[..whole.LastIndexOf("{\"type\":\"summary\"", StringComparison.Ordinal)]);

        var e = Assert.Throws<InvalidDataException>(() => EvalFile.Read(path));
        Assert.Contains("no summary line", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_malformed_line_is_refused_naming_file_and_line()
    {
        string path = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(path, "{\"type\":\"episode\",\"task_id\":\"alfworld/L0/0\",\"won\":\"yes\",\"score\":1}\n");

        var e = Assert.Throws<InvalidDataException>(() => EvalFile.Read(path));
        Assert.Contains($"{path}:1", e.Message);
        Assert.Contains("'won'", e.Message);
    }
}
