namespace Spark.Core.Metrics;

/// <summary>One evaluation of one model: its outcome on every task of a fixed task list (1/0 for won/lost, or a score).</summary>
/// <param name="Model">What was evaluated (a checkpoint); evaluations of one model with different seeds share it.</param>
/// <param name="Source">Where the evaluation came from (a file), for error messages.</param>
/// <param name="Seed">The sampling seed; evaluations with the same seed share random numbers. Null: unknown, counted as
/// a seed of its own.</param>
public sealed record TaskOutcomes(string Model, string Source, IReadOnlyDictionary<string, double> ByTask, string? Seed = null);

/// <summary>A model's mean outcome over the tasks, averaged over its evaluations.</summary>
public sealed record ModelMean(string Model, int Evaluations, double Mean);

/// <summary>One side of a comparison: the mean outcome of its models and the standard error of that mean.</summary>
/// <param name="StdErr">NaN when the side has a single evaluation (nothing to measure the noise with).</param>
/// <param name="ErrorFrom">How <paramref name="StdErr"/> was measured, in words.</param>
public sealed record SideEstimate(IReadOnlyList<ModelMean> Models, int Evaluations, double Mean, double StdErr, string ErrorFrom);

/// <summary>Candidate minus base, with its standard error (the two sides' errors combined as independent).</summary>
public sealed record GainEstimate(SideEstimate Base, SideEstimate Candidate, int Tasks, double Gain, double StdErr)
{
    /// <summary>Gain in standard errors.</summary>
    public double Z => Gain / StdErr;
}

/// <summary>
/// Compares two groups of evaluations of the same tasks — say an SFT model over many sampling seeds and several RL models
/// trained from it — as an estimate of how much the candidate side raises the mean outcome on that task list.
/// <para>
/// The tasks are the population (a split is a fixed list), so task difficulty cancels: what varies is the sampler
/// (evaluation seeds) and, with several models on a side, the training run. A side's mean is the mean of its models'
/// means, each model averaged over its own evaluations. Its variance has two parts:
/// </para>
/// <list type="bullet">
/// <item>sampling: each task's spread across the side's seeds, the outcomes of one seed first averaged over the models
/// evaluated with it, √(Σ_t s_t² / G) / T for G seeds. Evaluations with the same seed share random numbers and are
/// correlated, so models evaluated with the same seeds do not average this part away;</item>
/// <item>training (two or more models): the variance of the models' means over k. It holds the models' own sampling
/// noise as well, which the first part already counts, so the sum errs on the large side.</item>
/// </list>
/// <para>
/// The sides' errors are combined as if independent. Evaluations with the same seed on both sides are, if anything,
/// positively correlated, which would make the true error of the difference smaller: the figure is conservative.
/// </para>
/// </summary>
public static class PairedComparison
{
    public static GainEstimate Compare(IReadOnlyList<TaskOutcomes> baseline, IReadOnlyList<TaskOutcomes> candidate)
    {
        if (baseline.Count == 0) throw new ArgumentException("the base side has no evaluations", nameof(baseline));
        if (candidate.Count == 0) throw new ArgumentException("the candidate side has no evaluations", nameof(candidate));
        var tasks = baseline[0].ByTask.Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (var e in baseline.Concat(candidate)) RequireSameTasks(e, tasks, baseline[0].Source);
        var b = Estimate(baseline, tasks);
        var c = Estimate(candidate, tasks);
        return new GainEstimate(b, c, tasks.Length, c.Mean - b.Mean, Math.Sqrt(b.StdErr * b.StdErr + c.StdErr * c.StdErr));
    }

    /// <summary>The mean outcome of a side over <paramref name="tasks"/> and its standard error (see the class).</summary>
    public static SideEstimate Estimate(IReadOnlyList<TaskOutcomes> evaluations, IReadOnlyList<string> tasks)
    {
        var byModel = evaluations.GroupBy(e => e.Model).ToArray();
        var models = byModel.Select(g => new ModelMean(g.Key, g.Count(), tasks.Average(t => g.Average(e => e.ByTask[t])))).ToArray();
        double mean = models.Average(m => m.Mean);

        var bySeed = evaluations.GroupBy(e => e.Seed ?? e.Source).ToArray();
        if (bySeed.Length < 2)
            return new SideEstimate(models, evaluations.Count, mean, double.NaN, "one seed: no error estimate");
        double sampling = SamplingVariance(bySeed, tasks);
        string from = $"sampling: each task's spread across {bySeed.Length} seeds";
        double training = 0;
        if (models.Length >= 2)
        {
            training = SampleVariance(models.Select(m => m.Mean).ToArray()) / models.Length;
            from += $"; training: spread of the {models.Length} models' means";
        }
        return new SideEstimate(models, evaluations.Count, mean, Math.Sqrt(sampling + training), from);
    }

    /// <summary>Variance of the mean over tasks and seeds: Σ_t s_t² / G / T², each seed's outcomes averaged first.</summary>
    static double SamplingVariance(IGrouping<string, TaskOutcomes>[] seeds, IReadOnlyList<string> tasks)
    {
        double sum = tasks.Sum(t => SampleVariance(seeds.Select(g => g.Average(e => e.ByTask[t])).ToArray()));
        return sum / seeds.Length / ((double)tasks.Count * tasks.Count);
    }

    static double SampleVariance(double[] xs)
    {
        double m = xs.Average();
        return xs.Sum(x => (x - m) * (x - m)) / (xs.Length - 1);
    }

    static void RequireSameTasks(TaskOutcomes e, string[] tasks, string reference)
    {
        var missing = tasks.FirstOrDefault(t => !e.ByTask.ContainsKey(t));
        if (missing is not null)
            throw new ArgumentException($"{e.Source} has no outcome for task '{missing}', which {reference} has: compare evaluations of the same tasks");
        if (e.ByTask.Count != tasks.Length)
        {
            var extra = e.ByTask.Keys.First(t => Array.BinarySearch(tasks, t, StringComparer.Ordinal) < 0);
            throw new ArgumentException($"{e.Source} has task '{extra}', which {reference} has not: compare evaluations of the same tasks");
        }
    }
}
