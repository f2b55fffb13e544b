using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Qwen2;

/// <summary>
/// Preallocated keys and values of a batch, per layer [B, Hkv, Capacity, hd]. A forward with the cache writes
/// its T new positions at columns [Length, Length+T) of every row and attends over columns [0, Length+T);
/// the model advances <see cref="Length"/> afterwards. Rows may hold sequences of different lengths (left
/// padding); the caller's attention mask hides each row's unused columns.
/// </summary>
public sealed class KvCache : IDisposable
{
    Tensor[] _keys, _values;

    public KvCache(int layers, long batch, int kvHeads, long capacity, int headDim, ScalarType dtype, Device device)
    {
        _keys = new Tensor[layers];
        _values = new Tensor[layers];
        for (int i = 0; i < layers; i++)
        {
            _keys[i] = zeros([batch, kvHeads, capacity, headDim], dtype, device).DetachFromDisposeScope();
            _values[i] = zeros([batch, kvHeads, capacity, headDim], dtype, device).DetachFromDisposeScope();
        }
    }

    public static KvCache For(Qwen2ForCausalLM model, long batch, long capacity) =>
        new(model.Config.NumHiddenLayers, batch, model.Config.NumKeyValueHeads, capacity, model.Config.HeadDim,
            model.DType, model.Device);

    public long Length { get; private set; }
    public long Capacity => _keys[0].shape[2];
    public long Batch => _keys[0].shape[0];
    public int Layers => _keys.Length;

    /// <summary>
    /// When set ([B, 1, T, 1] bool), only the marked new positions are written; the others keep what the column
    /// held (a cached prefix that a shorter, left-padded row already placed there). Cleared by <see cref="Advance"/>.
    /// </summary>
    public Tensor? WriteMask { get; set; }

    public Tensor Keys(int layer) => _keys[layer];
    public Tensor Values(int layer) => _values[layer];

    internal (Tensor Keys, Tensor Values) Append(int layer, Tensor k, Tensor v)
    {
        long t = k.shape[2];
        if (Length + t > Capacity)
            throw new InvalidOperationException($"KV cache full: {Length} + {t} > capacity {Capacity}");
        Write(_keys[layer].narrow(2, Length, t), k);
        Write(_values[layer].narrow(2, Length, t), v);
        return (_keys[layer].narrow(2, 0, Length + t), _values[layer].narrow(2, 0, Length + t));
    }

    void Write(Tensor destination, Tensor source)
    {
        if (WriteMask is null) destination.copy_(source);
        else destination.copy_(where(WriteMask, source, destination));
    }

    /// <summary>Called by the model after all layers have appended <paramref name="t"/> positions.</summary>
    internal void Advance(long t)
    {
        Length += t;
        WriteMask = null;
    }

    /// <summary>Sets the filled length directly (after the caller copied cached prefixes into the columns).</summary>
    public void SetLength(long length)
    {
        if (length < 0 || length > Capacity) throw new ArgumentOutOfRangeException(nameof(length));
        Length = length;
    }

    /// <summary>A cache over rows [start, start+count) of this one: writes land in this cache's tensors.</summary>
    public KvCache RowsView(long start, long count) => new(
        _keys.Select(k => k.narrow(0, start, count).DetachFromDisposeScope()).ToArray(),
        _values.Select(v => v.narrow(0, start, count).DetachFromDisposeScope()).ToArray());

    KvCache(Tensor[] keys, Tensor[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>K/V of one row's columns [offset, offset+length) as [2·layers, Hkv, length, hd] (a copy).</summary>
    public Tensor ExtractRow(long row, long offset, long length)
    {
        var parts = new List<Tensor>(2 * _keys.Length);
        for (int l = 0; l < _keys.Length; l++)
        {
            parts.Add(_keys[l][row].narrow(1, offset, length));
            parts.Add(_values[l][row].narrow(1, offset, length));
        }
        return stack(parts);
    }

    /// <summary>Copies the first <paramref name="length"/> positions of an extracted [2·layers, Hkv, L, hd] block into a row at <paramref name="offset"/>.</summary>
    public void WriteRow(long row, long offset, Tensor kv, long length)
    {
        for (int l = 0; l < _keys.Length; l++)
        {
            _keys[l][row].narrow(1, offset, length).copy_(kv[2 * l].narrow(1, 0, length));
            _values[l][row].narrow(1, offset, length).copy_(kv[2 * l + 1].narrow(1, 0, length));
        }
    }

    /// <summary>Keeps only the given rows (finished sequences leave the batch).</summary>
    public void SelectRows(Tensor rows)
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            var k = _keys[i].index_select(0, rows);
            var v = _values[i].index_select(0, rows);
            _keys[i].Dispose();
            _values[i].Dispose();
            _keys[i] = k.DetachFromDisposeScope();
            _values[i] = v.DetachFromDisposeScope();
        }
    }

    public void Dispose()
    {
        foreach (var t in _keys) t.Dispose();
        foreach (var t in _values) t.Dispose();
        _keys = [];
        _values = [];
    }
}
