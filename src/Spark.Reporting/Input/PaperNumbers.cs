namespace Spark.Reporting.Input;

/// <summary>
/// The SPARK paper's numbers for its 1.5B model (arXiv 2601.20209 v2; Tables 1, 2 and 6), as fractions, keyed
/// by the built-in environment names, for the optional "paper" column. Closed models and other baselines are
/// left out: the report compares SFT, GRPO and SPARK.
/// </summary>
public static class PaperNumbers
{
    const string Table1 = "Table 1, 1.5B";

    /// <param name="webshopSplit">The split name our WebShop results use for the paper's test goals.</param>
    public static IReadOnlyList<PaperValue> Qwen15B(string webshopSplit = "test")
    {
        var values = new List<PaperValue>();
        // Success %, Table 1: ALFWorld L0 L1 L2, ScienceWorld L0 L1 L2, WebShop score, WebShop success.
        foreach (var (method, row) in new (string, double[])[]
                 {
                     ("SFT", [43.0, 38.7, 17.6, 20.3, 18.0, 12.5, 65.8, 39.1]),
                     ("GRPO", [76.6, 71.1, 29.7, 21.1, 13.7, 10.9, 75.8, 56.8]),
                     ("SPARK", [96.9, 93.8, 80.5, 69.5, 68.0, 49.2, 88.8, 75.8]),
                 })
        {
            for (int s = 0; s < 3; s++)
            {
                values.Add(Value(method, "alfworld", $"L{s}", PaperMetric.Success, row[s], Table1));
                values.Add(Value(method, "scienceworld", $"L{s}", PaperMetric.Success, row[3 + s], Table1));
            }
            values.Add(Value(method, "webshop", webshopSplit, PaperMetric.Score, row[6], Table1));
            values.Add(Value(method, "webshop", webshopSplit, PaperMetric.Success, row[7], Table1));
        }

        // Generated tokens relative to GRPO = 100, Table 2.
        foreach (var (env, spark) in new[] { ("alfworld", 93.1), ("scienceworld", 53.0), ("webshop", 88.8) })
        {
            values.Add(Value("GRPO", env, "", PaperMetric.Tokens, 100.0, "Table 2, 1.5B"));
            values.Add(Value("SPARK", env, "", PaperMetric.Tokens, spark, "Table 2, 1.5B"));
        }

        // Repetitive action ratio on ALFWorld, Table 6 (lower is better).
        foreach (var (method, row) in new (string, double[])[] { ("SFT", [10.7, 20.2, 21.4]), ("GRPO", [18.4, 17.6, 27.1]), ("SPARK", [10.1, 7.0, 15.4]) })
            for (int s = 0; s < 3; s++)
                values.Add(Value(method, "alfworld", $"L{s}", PaperMetric.Repetitive, row[s], "Table 6, 1.5B"));
        return values;
    }

    static PaperValue Value(string method, string env, string split, PaperMetric metric, double percent, string source) =>
        new() { Method = method, Env = env, Split = split, Metric = metric, Value = percent / 100.0, Source = source };
}
