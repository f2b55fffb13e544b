using static Spark.Core.Advantages.GroupStatistics;

namespace Spark.Core.Advantages;

/// <summary>
/// <c>gigpo</c> (Feng et al. 2025), as verl-agent's <c>gigpo/core_gigpo.py</c> computes it:
/// A = A_episode + w × A_step.
/// <list type="bullet">
/// <item>A_episode: <see cref="GroupRelativeAdvantages.Grpo"/> over the task's step samples (or mean-only).</item>
/// <item>Step return: per trajectory, G_t = StepReward_t + γ·G_{t+1}, then minus the invalid penalty of step t
/// (verl-agent subtracts it after discounting).</item>
/// <item>Step groups: within a task, the samples decided from exactly the same observation (<see cref="AdvantageRow.Anchor"/>).
/// A_step normalises G within its step group; a group of one gets 0.</item>
/// </list>
/// In a tree, a shared-prefix step repeated for k leaves lands in one step group k times with k different returns.
/// </summary>
public static class GigpoAdvantages
{
    public static double[] Gigpo(IReadOnlyList<AdvantageRow> rows, AdvantageOptions options)
    {
        var episode = options.GigpoDivideByStd
            ? GroupRelativeAdvantages.Grpo(rows, options)
            : GroupRelativeAdvantages.DrGrpo(rows, options);
        var returns = DiscountedReturns(rows, options.Gamma);
        for (int i = 0; i < rows.Count; i++)
            if (rows[i].Invalid) returns[i] -= options.InvalidPenalty;
        var anchors = rows.Select((r, i) => (r.Group, r.Anchor ?? throw new ArgumentException(
            $"gigpo needs the observation each step was decided from, but row {i} has no anchor."))).ToArray();
        var step = Normalise(returns, anchors, options.GigpoDivideByStd, options.Epsilon, Singleton.Zero);
        return episode.Select((a, i) => a + options.StepWeight * step[i]).ToArray();
    }

    /// <summary>G_t = StepReward_t + γ·G_{t+1} along each (group, trajectory), ordered by step.</summary>
    public static double[] DiscountedReturns(IReadOnlyList<AdvantageRow> rows, double gamma)
    {
        var returns = new double[rows.Count];
        var trajectories = Enumerable.Range(0, rows.Count).GroupBy(i => (rows[i].Group, rows[i].Trajectory));
        foreach (var trajectory in trajectories)
        {
            var ordered = trajectory.OrderBy(i => rows[i].Step).ToArray();
            double running = 0;
            for (int k = ordered.Length - 1; k >= 0; k--)
            {
                if (k > 0 && rows[ordered[k]].Step == rows[ordered[k - 1]].Step)
                    throw new ArgumentException($"Trajectory {trajectory.Key.Trajectory} of group {trajectory.Key.Group} has two rows for step {rows[ordered[k]].Step}.");
                running = rows[ordered[k]].StepReward + gamma * running;
                returns[ordered[k]] = running;
            }
        }
        return returns;
    }
}
