namespace Spark.Reporting.Analysis;

/// <summary>Mean and sample standard deviation (n − 1) over seeds; <see cref="Std"/> is 0 for a single value.</summary>
public readonly record struct MeanStd(double Mean, double Std, int N)
{
    public static MeanStd Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0) return new MeanStd(double.NaN, 0, 0);
        double mean = v.Average();
        double std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return new MeanStd(mean, std, v.Length);
    }

    /// <summary>Null when there is no value at all (the field was never reported).</summary>
    public static MeanStd? OfOptional(IEnumerable<double?> values)
    {
        var present = values.Where(x => x.HasValue).Select(x => x!.Value).ToArray();
        return present.Length == 0 ? null : Of(present);
    }
}
