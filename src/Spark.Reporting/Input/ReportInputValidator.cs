using System.Globalization;
using Spark.Core.Configuration;

namespace Spark.Reporting.Input;

/// <summary>Checks a <see cref="ReportInput"/>; the first problem throws a <see cref="ConfigException"/> naming the field, e.g. <c>results[3].successRate</c>.</summary>
public static class ReportInputValidator
{
    public static void Validate(ReportInput input)
    {
        Require(input.Schema == ReportInputJson.Schema, "schema", $"expected \"{ReportInputJson.Schema}\", got \"{input.Schema}\"");
        Require(!string.IsNullOrWhiteSpace(input.Title), "title", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(input.Baseline), "baseline", "must name a method");
        Require(input.Trees == null || input.Trees.Length > 0, "trees", "must be a file path or absent");

        var seen = new HashSet<(string, string, string, int)>();
        for (int i = 0; i < input.Results.Count; i++)
        {
            var r = input.Results[i];
            string at = $"results[{i}]";
            Names(at, r.Method, r.Env);
            Require(r.Split.Length > 0, $"{at}.split", "must not be empty");
            Require(r.Episodes >= 0, $"{at}.episodes", "must be >= 0");
            Fraction(r.SuccessRate, $"{at}.successRate");
            if (r.Score is double s) Finite(s, $"{at}.score");
            if (r.GeneratedTokens is long t) Require(t >= 0, $"{at}.generatedTokens", "must be >= 0");
            if (r.MeanSteps is double m) Require(double.IsFinite(m) && m >= 0, $"{at}.meanSteps", "must be a number >= 0");
            if (r.RepetitiveActionRatio is double rep) Fraction(rep, $"{at}.repetitiveActionRatio");
            if (r.ExploreRatio is double ex) Fraction(ex, $"{at}.exploreRatio");
            Require(seen.Add((r.Method, r.Env, r.Split, r.Seed)), at,
                $"a second result for method {r.Method}, env {r.Env}, split {r.Split}, seed {r.Seed}");
        }

        var runs = new HashSet<(string, string, int)>();
        for (int i = 0; i < input.Training.Count; i++)
        {
            var run = input.Training[i];
            string at = $"training[{i}]";
            Names(at, run.Method, run.Env);
            Require(run.Iterations != null, $"{at}.iterations", "is required");
            Require(runs.Add((run.Method, run.Env, run.Seed)), at, $"a second run for method {run.Method}, env {run.Env}, seed {run.Seed}");
        }

        for (int i = 0; i < input.Tokens.Count; i++)
        {
            var t = input.Tokens[i];
            string at = $"tokens[{i}]";
            Names(at, t.Method, t.Env);
            Require(t.GeneratedTokens >= 0, $"{at}.generatedTokens", "must be >= 0");
            Require(t.Phase.Length > 0, $"{at}.phase", "must not be empty");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < input.Ablations.Count; i++)
        {
            var a = input.Ablations[i];
            string at = $"ablations[{i}]";
            Require(a.Id.Length > 0 && ids.Add(a.Id), $"{at}.id", $"must be non-empty and unique, got \"{a.Id}\"");
            Require(a.Points.Count > 0, $"{at}.points", "must hold at least one point");
            for (int j = 0; j < a.Points.Count; j++)
            {
                var p = a.Points[j];
                Require(p.Series.Length > 0, $"{at}.points[{j}].series", "must not be empty");
                Finite(p.Value, $"{at}.points[{j}].value");
                if (a.Kind == AblationKind.Line)
                    Require(double.TryParse(p.X, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{at}.points[{j}].x",
                        $"a line ablation needs numeric x, got \"{p.X}\"");
            }
        }

        for (int i = 0; i < input.Paper.Count; i++)
        {
            Names($"paper[{i}]", input.Paper[i].Method, input.Paper[i].Env);
            Finite(input.Paper[i].Value, $"paper[{i}].value");
        }
    }

    static void Names(string at, string method, string env)
    {
        Require(!string.IsNullOrWhiteSpace(method), $"{at}.method", "must not be empty");
        Require(!string.IsNullOrWhiteSpace(env), $"{at}.env", "must not be empty");
    }

    static void Fraction(double v, string field) =>
        Require(v is >= 0 and <= 1, field, $"must be a fraction in [0, 1], got {v.ToString(CultureInfo.InvariantCulture)}");

    static void Finite(double v, string field) => Require(double.IsFinite(v), field, "must be a finite number");

    static void Require(bool condition, string field, string problem) => ConfigException.Require(condition, field, problem);
}
