namespace Spark.Core.Metrics;

/// <summary>One evaluation of one model: its outcome on every task of a fixed task list (1/0 for won/lost, or a score).</summary>
/// <param name="Model">What was evaluated (a checkpoint); evaluations of one model with different seeds share it.</param>
/// <param name="Source">Where the evaluation came from (a file), for error messages.</param>
public sealed record TaskOutcomes(string Model, string Source, IReadOnlyDictionary<string, double> ByTask);

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
/// (evaluation seeds) and, with several models on a side, the training run. A side's mean is the mean over tasks of
/// each task's outcome averaged over the side's models, each model first averaged over its own evaluations.
/// Its standard error comes from the spread of the models' means when the side has two or more models (that spread
/// holds both sampling noise and run-to-run variation); with one model, from each task's spread across the
/// evaluations: √(Σ_t s_t² / n) / T.
/// </para>
/// <para>
/// The sides' errors are combined as if independent. Evaluations with the same seed share random numbers and are, if
/// anything, positively correlated, which would make the true error of the difference smaller: the figure is
/// conservative.
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
        // perTask[m][t]: model m's outcome on task t averaged over its evaluations.
        var perTask = byModel.Select(g => tasks.Select(t => g.Average(e => e.ByTask[t])).ToArray()).ToArray();
        var models = byModel.Select((g, m) => new ModelMean(g.Key, g.Count(), perTask[m].Average())).ToArray();
        double mean = models.Average(m => m.Mean);

        if (models.Length >= 2)
        {
            double spread = SampleVariance(models.Select(m => m.Mean).ToArray());
            return new SideEstimate(models, evaluations.Count, mean, Math.Sqrt(spread / models.Length),
                $"spread of the {models.Length} models' means");
        }
        int n = evaluations.Count;
        if (n < 2) return new SideEstimate(models, n, mean, double.NaN, "one evaluation: no error estimate");
        double sum = tasks.Sum(t => SampleVariance(evaluations.Select(e => e.ByTask[t]).ToArray()) / n);
        return new SideEstimate(models, n, mean, Math.Sqrt(sum) / tasks.Count, $"each task's spread across the {n} evaluations");
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
