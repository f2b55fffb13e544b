using Spark.Reporting.Input;

namespace Spark.Reporting.Tests;

public sealed class ReportInputJsonTests
{
    [Fact]
    public void A_full_input_round_trips_through_json()
    {
        var input = SampleInputs.Create(seeds: 3);
        string json = ReportInputJson.Serialize(input);
        var back = ReportInputJson.Parse(json);
        Assert.Equal(json, ReportInputJson.Serialize(back));

        Assert.Equal(input.Results[5], back.Results[5]);
        Assert.Equal(input.Tokens[0], back.Tokens[0]);
        Assert.Equal(input.Paper.Count, back.Paper.Count);
        Assert.Equal(input.Paper[0], back.Paper[0]);
        Assert.Equal(input.Ablations[3].Kind, back.Ablations[3].Kind);
        Assert.Equal(input.Ablations[3].Points, back.Ablations[3].Points);
        Assert.Equal(input.Training[1].Iterations[3], back.Training[1].Iterations[3]);
        Assert.Equal(input.Created, back.Created);
        Assert.Contains("\"schema\": \"spark.report-input/1\"", json);
        Assert.Contains("\"kind\": \"line\"", json);
        Assert.Contains("\"metric\": \"success\"", json);
    }

    [Fact]
    public void Non_finite_training_values_survive_as_named_literals()
    {
        var input = new ReportInput
        {
            Title = "t",
            Training = [new TrainingRun { Method = "SPARK", Env = "alfworld", Seed = 1, Iterations = [new Dictionary<string, double> { ["step"] = 1, ["kl"] = double.NaN }] }],
        };
        var back = ReportInputJson.Parse(ReportInputJson.Serialize(input));
        Assert.True(double.IsNaN(back.Training[0].Iterations[0]["kl"]));
    }

    [Fact]
    public void The_hand_written_sample_reads()
    {
        var input = ReportInputJson.Read(SampleInputs.DataFile("sample-report-input.json"));
        Assert.Equal(6, input.Results.Count);
        Assert.Equal("sample-trees.json", input.Trees);
        Assert.Equal(1e-6, input.Training[0].Iterations[2]["lr"]);
        Assert.Equal(PaperMetric.Tokens, input.Paper[2].Metric);
        Assert.Equal("", input.Paper[2].Split);
    }

    [Theory]
    [InlineData("\"successRate\": 0.21875", "\"successRate\": 1.5", "results[0].successRate")]
    [InlineData("\"schema\": \"spark.report-input/1\"", "\"schema\": \"spark.report-input/2\"", "schema")]
    [InlineData("\"successRate\": 0.21875", "\"sucessRate\": 0.21875", "sucessRate")]
    [InlineData("\"kind\": \"line\"", "\"kind\": \"pie\"", "kind")]
    [InlineData("{ \"x\": \"20\", \"series\": \"GRPO\"", "{ \"x\": \"twenty\", \"series\": \"GRPO\"", "ablations[1].points[0].x")]
    [InlineData("\"title\": \"Sample", "\"titel\": \"Sample", "titel")]
    public void A_bad_field_is_named_in_the_error(string find, string replace, string field)
    {
        string json = File.ReadAllText(SampleInputs.DataFile("sample-report-input.json"));
        Assert.Contains(find, json);
        var e = Assert.Throws<InvalidDataException>(() => ReportInputJson.Parse(json.Replace(find, replace), "in.json"));
        Assert.Contains(field, e.Message);
        Assert.StartsWith("in.json", e.Message);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var e = Assert.Throws<InvalidDataException>(() => ReportInputJson.Parse("{ \"schema\": \"spark.report-input/1\" }"));
        Assert.Contains("title", e.Message);
        e = Assert.Throws<InvalidDataException>(() => ReportInputJson.Parse(
            "{ \"title\": \"t\", \"results\": [ { \"method\": \"SFT\", \"env\": \"alfworld\", \"split\": \"L0\", \"seed\": 1, \"episodes\": 4 } ] }"));
        Assert.Contains("successRate", e.Message);
    }

    [Fact]
    public void A_second_result_for_the_same_key_is_refused()
    {
        var input = SampleInputs.Create(seeds: 1);
        var twice = input with { Results = [.. input.Results, input.Results[0]] };
        var e = Assert.Throws<Spark.Core.Configuration.ConfigException>(() => ReportInputValidator.Validate(twice));
        Assert.Equal($"results[{input.Results.Count}]", e.Field);
    }
}
