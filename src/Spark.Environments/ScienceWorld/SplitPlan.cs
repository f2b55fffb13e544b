using Spark.Core.Randomness;
using Spark.Environments.ScienceWorld.Tasks;

namespace Spark.Environments.ScienceWorld;

/// <summary>One task of a split: a task type and one of its variation indices.</summary>
internal readonly record struct SplitEntry(TaskType Type, int Variation);

/// <summary>
/// The L0/L1/L2 splits of the SPARK paper (from RLVMR). Variations are cut as the original's <c>getSets</c>
/// (train = first half, dev = third quarter, test = the rest); task types are seen or unseen.
/// train = train variations of seen types; L0 = dev variations of seen types (held-out variations from the
/// training distribution); L1 = test variations of seen types; L2 = test variations of unseen types.
/// Each (type, block) is subsampled to a per-type cap with a seeded shuffle.
/// </summary>
internal static class SplitPlan
{
    public static readonly string[] Names = ["train", "L0", "L1", "L2"];

    public static Dictionary<string, SplitEntry[]> Build(IEnumerable<TaskType> types, int seed, int trainPerType, int evalPerType)
    {
        var splits = Names.ToDictionary(n => n, _ => new List<SplitEntry>());
        foreach (var type in types)
        {
            var (train, dev, test) = Sets(type.VariationCount);
            bool unseen = TaskCatalog.Unseen.Contains(type.Name);
            if (unseen)
            {
                splits["L2"].AddRange(Sample(type, test, evalPerType, seed, 3));
                continue;
            }
            splits["train"].AddRange(Sample(type, train, trainPerType, seed, 0));
            splits["L0"].AddRange(Sample(type, dev, evalPerType, seed, 1));
            splits["L1"].AddRange(Sample(type, test, evalPerType, seed, 2));
        }
        return splits.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    /// <summary>The original's <c>getSets</c>: train/dev/test variation indices for a count of variations.</summary>
    public static (int[] Train, int[] Dev, int[] Test) Sets(int count)
    {
        switch (count)
        {
            case 0: return ([], [], []);
            case 1: return ([0], [], [0]);
            case 2: return ([0], [], [1]);
            case 3: return ([0], [1], [2]);
            case 4: return ([0, 1], [2], [3]);
        }
        int group = count / 4;
        var groups = Enumerable.Range(0, count).Chunk(group).ToArray();
        int[] test = groups.Length > 4 ? [.. groups[3], .. groups[4]] : groups[3];
        return ([.. groups[0], .. groups[1]], groups[2], test);
    }

    /// <summary>Up to <paramref name="cap"/> variations of a block, chosen by a seeded shuffle, in index order.</summary>
    static IEnumerable<SplitEntry> Sample(TaskType type, int[] block, int cap, int seed, int splitIndex)
    {
        if (cap >= block.Length) return block.Select(v => new SplitEntry(type, v));
        var rng = new Random((int)(Seeds.Derive((ulong)seed, type.Name, splitIndex) & 0x7FFFFFFF));
        return block.OrderBy(_ => rng.Next()).Take(cap).Order().Select(v => new SplitEntry(type, v));
    }
}
