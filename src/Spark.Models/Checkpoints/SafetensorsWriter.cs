using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Checkpoints;

/// <summary>
/// Writes the safetensors format as Python's <c>safetensors</c> writes it: an 8-byte little-endian header
/// length, a JSON header with <c>__metadata__ {"format":"pt"}</c> and the tensors sorted by name with
/// contiguous <c>data_offsets</c>, padded with spaces to a multiple of 8 bytes, then the raw little-endian data.
/// Our own because TorchSharp.PyBridge's writer emits neither the metadata nor the padding.
/// </summary>
public static class SafetensorsWriter
{
    public static void Write(Stream stream, IReadOnlyDictionary<string, Tensor> tensors)
    {
        var names = tensors.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        var header = new Dictionary<string, object> { ["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt" } };
        long offset = 0;
        foreach (var name in names)
        {
            var t = tensors[name];
            long size = t.numel() * t.ElementSize;
            header[name] = new Dictionary<string, object>
            {
                ["dtype"] = DTypeName(t.dtype),
                ["shape"] = t.shape,
                ["data_offsets"] = new[] { offset, offset + size },
            };
            offset += size;
        }
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header);
        int padded = (json.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[8];
        BitConverter.TryWriteBytes(length, (ulong)padded);
        if (!BitConverter.IsLittleEndian) length.Reverse();
        stream.Write(length);
        stream.Write(json);
        for (int i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
        foreach (var name in names)
        {
            using var cpu = tensors[name].detach().cpu().contiguous();
            stream.Write(cpu.bytes);
        }
    }

    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Write(stream, tensors);
        stream.Flush(flushToDisk: true);
    }

    public static string DTypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Float64 => "F64",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int16 => "I16",
        ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8",
        ScalarType.Bool => "BOOL",
        _ => throw new NotSupportedException($"safetensors has no dtype for {dtype}"),
    };

    /// <summary>Bytes the header takes (for sharding decisions and tests).</summary>
    public static long HeaderLength(ReadOnlySpan<byte> file) => (long)BitConverter.ToUInt64(file[..8]);

    /// <summary>The JSON header of a safetensors file.</summary>
    public static string ReadHeaderJson(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> length = stackalloc byte[8];
        stream.ReadExactly(length);
        var json = new byte[BitConverter.ToUInt64(length)];
        stream.ReadExactly(json);
        return Encoding.UTF8.GetString(json);
    }
}
