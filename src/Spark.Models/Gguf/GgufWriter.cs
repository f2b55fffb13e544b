using System.Text;

namespace Spark.Models.Gguf;

/// <summary>GGML tensor types this writer emits.</summary>
public enum GgmlType : uint
{
    F32 = 0,
    F16 = 1,
    Q8_0 = 8,
}

/// <summary>
/// GGUF version 3 (ggml's docs/gguf.md): header, typed key/value metadata, tensor infos with ggml dimension order
/// (fastest first, so a PyTorch [out, in] matrix is ne = {in, out}), then the 32-byte-aligned data section.
/// </summary>
public sealed class GgufWriter
{
    const int Alignment = 32;
    enum ValueType : uint { UInt32 = 4, Int32 = 5, Float32 = 6, Bool = 7, String = 8, Array = 9 }

    readonly List<(string Key, Action<BinaryWriter> Write)> _metadata = [];
    readonly List<(string Name, long[] Shape, GgmlType Type, byte[] Data)> _tensors = [];

    public void Add(string key, string value) => _metadata.Add((key, w => { w.Write((uint)ValueType.String); WriteString(w, value); }));
    public void Add(string key, uint value) => _metadata.Add((key, w => { w.Write((uint)ValueType.UInt32); w.Write(value); }));
    public void Add(string key, float value) => _metadata.Add((key, w => { w.Write((uint)ValueType.Float32); w.Write(value); }));
    public void Add(string key, bool value) => _metadata.Add((key, w => { w.Write((uint)ValueType.Bool); w.Write(value); }));

    public void Add(string key, IReadOnlyList<string> values) => _metadata.Add((key, w =>
    {
        w.Write((uint)ValueType.Array);
        w.Write((uint)ValueType.String);
        w.Write((ulong)values.Count);
        foreach (var v in values) WriteString(w, v);
    }));

    public void Add(string key, IReadOnlyList<int> values) => _metadata.Add((key, w =>
    {
        w.Write((uint)ValueType.Array);
        w.Write((uint)ValueType.Int32);
        w.Write((ulong)values.Count);
        foreach (var v in values) w.Write(v);
    }));

    /// <param name="shape">PyTorch order (slowest first); written reversed as ggml's ne.</param>
    public void AddTensor(string name, long[] shape, GgmlType type, byte[] data) => _tensors.Add((name, shape, type, data));

    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count);
        foreach (var (key, write) in _metadata)
        {
            WriteString(w, key);
            write(w);
        }
        ulong offset = 0;
        foreach (var (name, shape, type, data) in _tensors)
        {
            WriteString(w, name);
            w.Write((uint)shape.Length);
            for (int i = shape.Length - 1; i >= 0; i--) w.Write((ulong)shape[i]);
            w.Write((uint)type);
            w.Write(offset);
            offset += Padded((ulong)data.Length);
        }
        Pad(w, stream.Position);
        foreach (var (_, _, _, data) in _tensors)
        {
            w.Write(data);
            Pad(w, data.Length);
        }
    }

    static ulong Padded(ulong n) => (n + Alignment - 1) / Alignment * Alignment;

    static void Pad(BinaryWriter w, long written)
    {
        long pad = (long)Padded((ulong)written) - written;
        for (long i = 0; i < pad; i++) w.Write((byte)0);
    }

    static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }
}
