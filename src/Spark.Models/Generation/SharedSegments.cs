namespace Spark.Models.Generation;

/// <summary>
/// Finds leading segments that several distinct prompts of one call share beyond what the prefix cache already
/// holds (e.g. the same task preamble in window mode). Each is prefilled once and cached before the prompts themselves.
/// One level only: a segment nested in a longer shared one is computed inside both.
/// </summary>
internal static class SharedSegments
{
    public static List<int[]> Find(IReadOnlyList<int[]> prompts, PrefixCache cache, int minSaving)
    {
        var segments = new HashSet<int[]>(TokenSequenceComparer.Instance);
        if (prompts.Count < 2) return [];
        var order = Enumerable.Range(0, prompts.Count).OrderBy(i => prompts[i], TokenSequenceComparer.Instance).ToArray();
        for (int k = 0; k < order.Length; k++)
        {
            var prompt = prompts[order[k]];
            int shared = 0;
            if (k > 0) shared = prompt.AsSpan().CommonPrefixLength(prompts[order[k - 1]]);
            if (k + 1 < order.Length) shared = Math.Max(shared, prompt.AsSpan().CommonPrefixLength(prompts[order[k + 1]]));
            shared = Math.Min(shared, prompt.Length - 1);
            if (shared < minSaving) continue;
            int cached = cache.Longest(prompt, shared).Length;
            if (shared - cached >= minSaving) segments.Add(prompt[..shared]);
        }
        return [.. segments];
    }
}
