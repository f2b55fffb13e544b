using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Runtime;

/// <summary>
/// Tensor-and-number arithmetic for the hot paths (every decode step runs these thousands of times). TorchSharp's
/// operators turn the number into a <see cref="Scalar"/> that nothing references once its native handle is read, so
/// a garbage collection during the native call can finalize it first; libtorch then reads freed memory and fails
/// with "Unknown scalar type" or an internal assert in Scalar.h (long runs died this way a few times an hour). Here
/// each Scalar is held, and disposed, until the call returns; ranges are built in C# so that no Scalar exists at all.
/// TorchSharp methods that make Scalars internally are avoided on these paths for the same reason: <c>square()</c> is
/// <c>pow(2)</c>, <c>arange(n)</c> makes three, and <c>add</c> — so also the <c>+</c> operator between tensors — passes
/// a fresh alpha of 1 (a decode step died in RmsNorm's <c>add</c> that way); use <see cref="Add(Tensor, Tensor)"/>.
/// </summary>
public static class ScalarOps
{
    /// <summary>The alpha every add here passes explicitly; a static root, so it is never finalized.</summary>
    static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b (TorchSharp's operator would make an unheld alpha Scalar).</summary>
    public static Tensor Add(Tensor a, Tensor b) => a.add(b, One);

    public static Tensor Add(Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.add(s, One);
    }

    public static Tensor Sub(Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.sub(s);
    }

    public static Tensor Mul(Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.mul(s);
    }

    public static Tensor Div(Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.div(s);
    }

    public static Tensor Clamp(Tensor t, double min, double max)
    {
        using var lo = min.ToScalar();
        using var hi = max.ToScalar();
        return t.clamp(lo, hi);
    }

    public static Tensor ClampMin(Tensor t, double min)
    {
        using var lo = min.ToScalar();
        return t.clamp_min(lo);
    }

    /// <summary>Boolean mask of the elements below <paramref name="value"/>.</summary>
    public static Tensor LessThan(Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.lt(s);
    }

    /// <summary><paramref name="t"/>.index_add(dim, index, source) with alpha 1.</summary>
    public static Tensor IndexAdd(Tensor t, long dim, Tensor index, Tensor source) => t.index_add(dim, index, source, One);

    /// <summary>int64 [start, start+count) as a tensor, without arange's implicit Scalars.</summary>
    public static Tensor Range(long start, long count, Device device)
    {
        var values = new long[count];
        for (long i = 0; i < count; i++) values[i] = start + i;
        return tensor(values, device: device);
    }
}
