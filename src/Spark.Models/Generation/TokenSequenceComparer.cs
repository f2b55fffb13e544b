namespace Spark.Models.Generation;

/// <summary>Equality and ordering of token sequences by content.</summary>
internal sealed class TokenSequenceComparer : IEqualityComparer<int[]>, IComparer<int[]>
{
    public static readonly TokenSequenceComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] tokens)
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tokens.AsSpan()));
        return hash.ToHashCode();
    }

    public int Compare(int[]? x, int[]? y) => x.AsSpan().SequenceCompareTo(y);
}
