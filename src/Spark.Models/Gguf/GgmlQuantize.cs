namespace Spark.Models.Gguf;

/// <summary>Encodings of float32 data in ggml's formats.</summary>
public static class GgmlQuantize
{
    public const int Q8Block = 32;

    public static byte[] F32(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values).CopyTo(bytes);
        return bytes;
    }

    /// <summary>
    /// Q8_0: blocks of 32 values, each an fp16 scale d = max|x| / 127 followed by 32 int8 round(x / d)
    /// (ggml's reference quantize_row_q8_0). The length must be a multiple of 32.
    /// </summary>
    public static byte[] Q8_0(ReadOnlySpan<float> values)
    {
        if (values.Length % Q8Block != 0) throw new ArgumentException($"Q8_0 needs a multiple of {Q8Block} values, got {values.Length}");
        var bytes = new byte[values.Length / Q8Block * (2 + Q8Block)];
        for (int b = 0, o = 0; b < values.Length; b += Q8Block)
        {
            var block = values.Slice(b, Q8Block);
            float amax = 0;
            foreach (float x in block) amax = Math.Max(amax, Math.Abs(x));
            float d = amax / 127f, inverse = d != 0 ? 1f / d : 0f;
            ushort half = BitConverter.HalfToUInt16Bits((Half)d);
            bytes[o++] = (byte)half;
            bytes[o++] = (byte)(half >> 8);
            foreach (float x in block) bytes[o++] = (byte)(sbyte)MathF.Round(x * inverse, MidpointRounding.AwayFromZero);
        }
        return bytes;
    }
}
