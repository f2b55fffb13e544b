namespace Spark.Core.Advantages;

/// <summary>Group-wise normalisation shared by the estimators.</summary>
internal static class GroupStatistics
{
    /// <summary>What a group of one gets.</summary>
    public enum Singleton
    {
        /// <summary>Its own value (the paper's code: mean 0, std 1).</summary>
        KeepValue,

        /// <summary>Zero (GiGPO's step groups: the mean is the value itself).</summary>
        Zero,
    }

    /// <summary>
    /// For each i: (values[i] − mean_g) / (std_g + ε) when <paramref name="divideByStd"/>, else values[i] − mean_g,
    /// where g = keys[i], the mean is over the group's values and std is the unbiased (n − 1) standard deviation.
    /// </summary>
    public static double[] Normalise<TKey>(IReadOnlyList<double> values, IReadOnlyList<TKey> keys, bool divideByStd,
        double epsilon, Singleton singleton) where TKey : notnull
    {
        var members = new Dictionary<TKey, List<int>>();
        for (int i = 0; i < values.Count; i++)
        {
            if (!members.TryGetValue(keys[i], out var list)) members[keys[i]] = list = [];
            list.Add(i);
        }
        var result = new double[values.Count];
        foreach (var group in members.Values)
        {
            if (group.Count == 1)
            {
                result[group[0]] = singleton == Singleton.KeepValue ? values[group[0]] : 0;
                continue;
            }
            double mean = 0;
            foreach (int i in group) mean += values[i];
            mean /= group.Count;
            double squares = 0;
            foreach (int i in group) squares += (values[i] - mean) * (values[i] - mean);
            double std = Math.Sqrt(squares / (group.Count - 1));
            foreach (int i in group)
                result[i] = divideByStd ? (values[i] - mean) / (std + epsilon) : values[i] - mean;
        }
        return result;
    }
}
