namespace Spark.Models.Tokenization;

/// <summary>
/// GPT-2's byte-to-character map used by every byte-level BPE vocabulary: each of the 256 byte values is
/// shown as one printable character (printable Latin-1 bytes as themselves, the rest as U+0100 onwards,
/// so a space is 'Ġ' and a line feed 'Ċ'). <see cref="Bytes"/> lists the bytes in the order GPT-2 and
/// Qwen give them ids 0..255.
/// </summary>
public static class ByteLevelAlphabet
{
    /// <summary>Byte values in vocabulary order: id i is byte <c>Bytes[i]</c>.</summary>
    public static IReadOnlyList<byte> Bytes { get; }

    static readonly char[] ByteToChar = new char[256];
    static readonly Dictionary<char, byte> CharToByte = [];

    static ByteLevelAlphabet()
    {
        var order = new List<byte>(256);
        for (int b = 0; b < 256; b++)
            if (IsPrintable(b)) order.Add((byte)b);
        int next = 256;
        foreach (byte b in order) ByteToChar[b] = (char)b;
        for (int b = 0; b < 256; b++)
        {
            if (IsPrintable(b)) continue;
            order.Add((byte)b);
            ByteToChar[b] = (char)next++;
        }
        Bytes = order;
        for (int b = 0; b < 256; b++) CharToByte[ByteToChar[b]] = (byte)b;
    }

    static bool IsPrintable(int b) => b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;

    public static char CharOf(byte b) => ByteToChar[b];

    /// <summary>The vocabulary form of some UTF-8 bytes ("Ġthe" for " the").</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++) span[i] = ByteToChar[source[i]];
        });
    }

    /// <summary>The bytes a vocabulary token stands for. A character outside the alphabet (not produced by
    /// byte-level BPE) stands for its own UTF-8, as in Hugging Face's ByteLevel decoder.</summary>
    public static byte[] Decode(string token)
    {
        var bytes = new List<byte>(token.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in token.EnumerateRunes())
        {
            if (rune.IsBmp && CharToByte.TryGetValue((char)rune.Value, out byte b)) bytes.Add(b);
            else bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
        }
        return [.. bytes];
    }
}
