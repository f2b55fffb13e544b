namespace Spark.Environments.Alfworld.Tasks;

/// <summary>
/// Which task type each index of a split has. Sizes are split across types in ALFWorld's proportions
/// (largest remainder), then the order is shuffled from the seed.
/// </summary>
internal sealed class SplitPlan
{
    // Per-type game counts of ALFWorld json_2.1.1, in TaskKind order (pick, look, clean, heat, cool, pick-two):
    // train 3,553, valid_seen 140, valid_unseen 134 (ALFWorld paper; valid_unseen confirmed by ETO's game list).
    static readonly int[] TrainMix = [790, 308, 650, 459, 533, 813];
    static readonly int[] SeenMix = [35, 13, 27, 16, 25, 24];
    static readonly int[] UnseenMix = [24, 18, 31, 23, 21, 17];
    static readonly int[] L2Mix = [0, 0, 0, 0, 21, 17];

    readonly TaskKind[] _kinds;

    SplitPlan(string name, bool seenScenes, TaskKind[] kinds)
    {
        Name = name;
        SeenScenes = seenScenes;
        _kinds = kinds;
    }

    public string Name { get; }

    /// <summary>Tasks come from the training scenes (train, L0) or the held-out ones (L1, L2).</summary>
    public bool SeenScenes { get; }

    public int Count => _kinds.Length;
    public TaskKind KindOf(int index) => _kinds[index];

    public static IReadOnlyList<SplitPlan> Build(AlfworldOptions o)
    {
        int[] Mix(int[] six) => o.L2Holdout ? [six[0], six[1], six[2], six[3], 0, 0] : six;
        return
        [
            Make(o.Seed, "train", true, o.TrainSize, Mix(TrainMix)),
            Make(o.Seed, "L0", true, o.L0Size, Mix(SeenMix)),
            Make(o.Seed, "L1", false, o.L1Size, Mix(UnseenMix)),
            Make(o.Seed, "L2", false, o.L2Size, L2Mix),
        ];
    }

    static SplitPlan Make(ulong seed, string name, bool seen, int size, int[] mix)
    {
        var counts = Apportion(size, mix);
        var kinds = new List<TaskKind>(size);
        for (int k = 0; k < counts.Length; k++) kinds.AddRange(Enumerable.Repeat((TaskKind)k, counts[k]));
        var array = kinds.ToArray();
        Rng.For(seed, "alfworld/split/" + name).Shuffle(array);
        return new SplitPlan(name, seen, array);
    }

    /// <summary>Largest-remainder apportionment of <paramref name="size"/> in proportion to <paramref name="weights"/>.</summary>
    internal static int[] Apportion(int size, int[] weights)
    {
        double total = weights.Sum();
        var quotas = weights.Select(w => size * w / total).ToArray();
        var counts = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        int left = size - counts.Sum();
        foreach (int k in Enumerable.Range(0, weights.Length).OrderByDescending(k => quotas[k] - counts[k]).ThenBy(k => k).Take(left))
            counts[k]++;
        return counts;
    }
}
