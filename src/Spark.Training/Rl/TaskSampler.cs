using Spark.Core.Environments;
using Spark.Core.Randomness;

namespace Spark.Training.Rl;

/// <summary>
/// Which training tasks an iteration rolls out: a seeded draw without replacement within an iteration, fixed by
/// (run seed, iteration), so a resumed run sees the same tasks as an uninterrupted one.
/// </summary>
public static class TaskSampler
{
    public static IReadOnlyList<TaskInfo> Sample(IEnvironmentSuite suite, string split, int count, ulong seed, int iteration, double fraction = 1.0)
    {
        int pool = Math.Max(1, (int)Math.Ceiling(suite.Count(split) * Math.Clamp(fraction, 0, 1)));
        var random = Seeds.Random(seed, iteration, 0x7A5C);
        var chosen = new HashSet<int>();
        var tasks = new List<TaskInfo>(count);
        while (tasks.Count < count)
        {
            int index = random.Next(pool);
            if (chosen.Count < pool && !chosen.Add(index)) continue;
            tasks.Add(suite.Describe(split, index));
        }
        return tasks;
    }
}
