using System.Globalization;

namespace Spark.Reporting.Analysis;

/// <summary>How numbers are written in the page and the Markdown summary (invariant culture).</summary>
public static class Format
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A fraction as a percentage with one decimal: "42.3", or "42.3 ± 3.1" over several seeds.</summary>
    public static string Percent(MeanStd v) => v.N == 0 ? "–" : v.N > 1
        ? $"{(v.Mean * 100).ToString("0.0", Inv)} ± {(v.Std * 100).ToString("0.0", Inv)}"
        : (v.Mean * 100).ToString("0.0", Inv);

    public static string Percent(MeanStd? v) => v is MeanStd m ? Percent(m) : "–";

    public static string Percent(double? fraction) => fraction is double f ? (f * 100).ToString("0.0", Inv) : "–";

    /// <summary>A plain quantity: the precision follows the mean's size, and the std is written to the same precision.</summary>
    public static string Number(MeanStd? v)
    {
        if (v is not MeanStd m || m.N == 0) return "–";
        string pattern = PatternFor(m.Mean);
        return m.N > 1 ? $"{m.Mean.ToString(pattern, Inv)} ± {m.Std.ToString(pattern, Inv)}" : m.Mean.ToString(pattern, Inv);
    }

    public static string Number(double v) => double.IsFinite(v) ? v.ToString(PatternFor(v), Inv) : v.ToString(Inv);

    static string PatternFor(double v) => Math.Abs(v) switch
    {
        >= 100 => "#,0",
        >= 10 => "0.0",
        >= 1 => "0.00",
        _ => "0.###",
    };
}
