using System.Text;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>
/// One reusable <see cref="StringBuilder"/> per thread for building observation texts. A nested
/// <see cref="Rent"/> while the cached builder is out gets a fresh one, so re-entrant use is safe.
/// </summary>
internal static class TextBuffer
{
    // Texts longer than this (a house-wide list, say) are not worth keeping the memory for.
    const int MaxCachedCapacity = 16 * 1024;

    [ThreadStatic] static StringBuilder? t_cached;

    public static StringBuilder Rent()
    {
        var sb = t_cached;
        if (sb == null) return new StringBuilder(1024);
        t_cached = null;
        return sb;
    }

    /// <summary>The builder's text (without trailing whitespace if <paramref name="trimEnd"/>: cut in the builder,
    /// the text is not copied again by a later Trim); the builder goes back to the cache.</summary>
    public static string ToStringAndReturn(StringBuilder sb, bool trimEnd = false)
    {
        if (trimEnd)
            while (sb.Length > 0 && char.IsWhiteSpace(sb[^1])) sb.Length--;
        string text = sb.ToString();
        if (sb.Capacity <= MaxCachedCapacity)
        {
            sb.Clear();
            t_cached = sb;
        }
        return text;
    }
}
