namespace Spark.Reporting.Analysis;

/// <summary>One of the paper's claims checked on a report's own numbers.</summary>
/// <param name="Claim">What the paper says, for this environment and split (or phase).</param>
/// <param name="Holds">Whether these numbers show it (on means; the evidence carries the spread).</param>
/// <param name="Evidence">The numbers the verdict rests on.</param>
public sealed record ClaimCheck(string Claim, bool Holds, string Evidence)
{
    /// <summary>"holds" or "does not hold", as the page and results.md write it.</summary>
    public string Verdict => Holds ? "holds" : "does not hold";
}

/// <summary>
/// The paper's headline claims — success ordered SFT &lt; GRPO &lt; SPARK on every split, and SPARK generating fewer
/// tokens than GRPO — checked against the report's results, so that a run where SPARK does not win says so on the
/// page itself rather than leaving the reader to spot it in a table.
/// </summary>
public static class PaperClaims
{
    static readonly string[] Order = ["SFT", "GRPO", "SPARK"];

    public static IReadOnlyList<ClaimCheck> Check(ResultsView results, TokensView tokens)
    {
        var checks = new List<ClaimCheck>();
        foreach (var env in results.Envs)
            foreach (var split in results.Splits(env))
            {
                var cells = Order.Select(m => results.Cell(m, env, split)).ToArray();
                if (cells.Any(c => c is null)) continue;
                var means = cells.Select(c => c!.Success.Mean).ToArray();
                bool holds = means[0] < means[1] && means[1] < means[2];
                string evidence = string.Join(", ", cells.Select(c => $"{c!.Method} {Format.Percent(c.Success)}"));
                checks.Add(new ClaimCheck($"{env} {split}: success SFT < GRPO < SPARK", holds, evidence));
            }
        if (tokens.Baseline == "GRPO")
            foreach (var (env, phase) in tokens.Groups)
                if (tokens.Cell("SPARK", env, phase)?.RelativeToBaseline is double relative)
                    checks.Add(new ClaimCheck($"{env} ({phase}): SPARK generates fewer tokens than GRPO", relative < 1,
                        $"SPARK {Format.Percent(relative)} % of GRPO"));
        return checks;
    }
}
