using System.Globalization;
using System.Text;

namespace Spark.Training.Agents.ColdStart;

/// <summary>Steps in a range of step numbers and how many of them are <c>&lt;explore&gt;</c> steps.</summary>
public sealed record IntervalShare(int From, int To, int Steps, int ExploreSteps)
{
    public double Share => Steps == 0 ? 0 : (double)ExploreSteps / Steps;
    public string Label => To == int.MaxValue ? $"{From}+" : $"{From}–{To}";
}

/// <summary>Trajectories of one task type.</summary>
public sealed record TaskTypeStats(string TaskType, int Trajectories, double MeanLength, double ExploreShare);

/// <summary>
/// Statistics of cold-start data, including the share of <c>&lt;explore&gt;</c> steps by step interval as in
/// the paper's Table 9 (taken here as: of the steps numbered 1–5, 6–10, …, the fraction that are explore steps).
/// </summary>
public sealed record ColdStartStats(
    int Trajectories,
    int Steps,
    double MeanLength,
    int MaxLength,
    double ExploreShare,
    IReadOnlyList<IntervalShare> ByInterval,
    IReadOnlyList<TaskTypeStats> ByTaskType)
{
    public const int IntervalWidth = 5;

    public static ColdStartStats Compute(IReadOnlyList<ColdStartTrajectory> data)
    {
        var steps = data.SelectMany(t => t.Steps).ToList();
        int maxLength = data.Count == 0 ? 0 : data.Max(t => t.Steps.Count);
        // Six intervals up to step 30 as in the paper, and one more for anything longer.
        var intervals = new List<IntervalShare>();
        for (int from = 1; from <= 26; from += IntervalWidth)
            intervals.Add(Interval(steps, from, from + IntervalWidth - 1));
        if (maxLength > 30) intervals.Add(Interval(steps, 31, int.MaxValue));

        var byType = data.GroupBy(t => t.TaskType).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TaskTypeStats(g.Key, g.Count(), g.Average(t => t.Steps.Count),
                Share(g.SelectMany(t => t.Steps)))).ToList();

        return new ColdStartStats(data.Count, steps.Count, data.Count == 0 ? 0 : (double)steps.Count / data.Count,
            maxLength, Share(steps), intervals, byType);
    }

    /// <summary>A plain-text report (Markdown tables).</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"{Trajectories} trajectories, {Steps} steps, mean length {MeanLength:0.00}, max {MaxLength}, explore share {Pct(ExploreShare)}");
        sb.AppendLine();
        sb.AppendLine("| Steps | " + string.Join(" | ", ByInterval.Select(i => i.Label)) + " |");
        sb.AppendLine("|---|" + string.Concat(ByInterval.Select(_ => "---|")));
        sb.AppendLine("| Share | " + string.Join(" | ", ByInterval.Select(i => Pct(i.Share))) + " |");
        sb.AppendLine("| explore / steps | " + string.Join(" | ", ByInterval.Select(i => $"{i.ExploreSteps}/{i.Steps}")) + " |");
        sb.AppendLine();
        sb.AppendLine("| Task type | trajectories | mean length | explore share |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var t in ByTaskType)
            sb.AppendLine(c, $"| {t.TaskType} | {t.Trajectories} | {t.MeanLength:0.00} | {Pct(t.ExploreShare)} |");
        return sb.ToString();
    }

    static string Pct(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    static IntervalShare Interval(List<ColdStartStep> steps, int from, int to)
    {
        var inside = steps.Where(s => s.Step >= from && s.Step <= to).ToList();
        return new IntervalShare(from, to, inside.Count, inside.Count(s => s.Explore));
    }

    static double Share(IEnumerable<ColdStartStep> steps)
    {
        int n = 0, explore = 0;
        foreach (var s in steps)
        {
            n++;
            if (s.Explore) explore++;
        }
        return n == 0 ? 0 : (double)explore / n;
    }
}
