using static Spark.Core.Advantages.GroupStatistics;

namespace Spark.Core.Advantages;

/// <summary>
/// The outcome-only estimators: every sample is scored r = Reward − penalty × Invalid and compared with the
/// other samples of its task. Pure functions: rows in, one advantage per row out, in the same order.
/// </summary>
public static class GroupRelativeAdvantages
{
    /// <summary>
    /// <c>grpo</c>, the paper's default exactly as its code computes it (<c>compute_spark_outcome_advantage</c> with
    /// <c>mean_std_norm</c>): group = every step sample of one task, with shared-prefix steps repeated once per leaf;
    /// A = (r − mean) / (std + ε), std unbiased. A group of one sample gets A = r.
    /// </summary>
    public static double[] Grpo(IReadOnlyList<AdvantageRow> rows, AdvantageOptions options) =>
        Normalise(Scores(rows, options), Groups(rows), divideByStd: true, options.Epsilon, Singleton.KeepValue);

    /// <summary><c>drgrpo</c> (Dr. GRPO): like <see cref="Grpo"/> but A = r − mean, without dividing by the std.</summary>
    public static double[] DrGrpo(IReadOnlyList<AdvantageRow> rows, AdvantageOptions options) =>
        Normalise(Scores(rows, options), Groups(rows), divideByStd: false, options.Epsilon, Singleton.KeepValue);

    /// <summary>
    /// <c>grpo-traj</c>: classic trajectory-level GRPO, one row per trajectory. A trajectory scores
    /// s = Reward − penalty × (its invalid steps); the mean and std are taken over the task's trajectories, each
    /// counted once however long it is; every step of a trajectory gets its trajectory's advantage.
    /// </summary>
    public static double[] GrpoTrajectory(IReadOnlyList<AdvantageRow> rows, AdvantageOptions options)
    {
        var trajectories = new Dictionary<(int Group, int Trajectory), (double Reward, int Invalid)>();
        foreach (var r in rows)
        {
            var key = (r.Group, r.Trajectory);
            int invalid = r.Invalid ? 1 : 0;
            if (!trajectories.TryGetValue(key, out var t))
                trajectories[key] = (r.Reward, invalid);
            else if (t.Reward != r.Reward)
                throw new ArgumentException($"Trajectory {r.Trajectory} of group {r.Group} has rows with different rewards ({t.Reward} and {r.Reward}).");
            else
                trajectories[key] = (t.Reward, t.Invalid + invalid);
        }
        var keys = trajectories.Keys.ToArray();
        var scores = keys.Select(k => trajectories[k].Reward - options.InvalidPenalty * trajectories[k].Invalid).ToArray();
        var advantages = Normalise(scores, keys.Select(k => k.Group).ToArray(), divideByStd: true, options.Epsilon, Singleton.KeepValue);
        var byTrajectory = new Dictionary<(int, int), double>();
        for (int i = 0; i < keys.Length; i++) byTrajectory[keys[i]] = advantages[i];
        return rows.Select(r => byTrajectory[(r.Group, r.Trajectory)]).ToArray();
    }

    /// <summary>
    /// <c>tree-node</c>: rows are tree nodes (each shared step once), Reward = the mean reward of the leaves below the
    /// node; normalised within the task as in <see cref="Grpo"/>. This is the paper code's <c>env.unique=True</c> mode.
    /// </summary>
    public static double[] TreeNode(IReadOnlyList<AdvantageRow> rows, AdvantageOptions options) => Grpo(rows, options);

    /// <summary>r = Reward − penalty × Invalid.</summary>
    internal static double[] Scores(IReadOnlyList<AdvantageRow> rows, AdvantageOptions options) =>
        rows.Select(r => r.Reward - (r.Invalid ? options.InvalidPenalty : 0)).ToArray();

    internal static int[] Groups(IReadOnlyList<AdvantageRow> rows) => rows.Select(r => r.Group).ToArray();
}
