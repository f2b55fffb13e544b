using System.Text;
using System.Text.RegularExpressions;
using Spark.Core.Text;

namespace Spark.Training.Tests.Agents.TestDoubles;

/// <summary>
/// A small exact-round-trip tokenizer for tests: special tokens, runs of letters or digits, and single other
/// characters, each piece given an id the first time it is seen. ChatML formatting like Qwen's.
/// </summary>
public sealed partial class TestTokenizer : ITokenizer, IChatFormat
{
    public const string ImStart = "<|im_start|>", ImEnd = "<|im_end|>", Pad = "<|endoftext|>";

    readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    readonly List<string> _pieces = [];
    readonly object _lock = new();

    public TestTokenizer()
    {
        Id(Pad);
        Id(ImStart);
        Id(ImEnd);
    }

    public int VocabSize => _pieces.Count;
    public int EndOfResponseId => _ids[ImEnd];
    public int PadId => _ids[Pad];
    public IChatFormat Chat => this;

    public int[] Encode(string text) => [.. PiecePattern().Matches(text).Select(m => Id(m.Value))];

    public string Decode(ReadOnlySpan<int> ids)
    {
        var sb = new StringBuilder();
        foreach (int id in ids) sb.Append(_pieces[id]);
        return sb.ToString();
    }

    public int? TokenToId(string token) => _ids.TryGetValue(token, out int id) ? id : null;

    public int[] Prompt(IReadOnlyList<ChatMessage> messages) =>
        Encode(string.Concat(messages.Select(m => $"{ImStart}{m.Role}\n{m.Content}{ImEnd}\n")) + $"{ImStart}assistant\n");

    public int[] ContinueWithUser(string userText) => Encode($"\n{ImStart}user\n{userText}{ImEnd}\n{ImStart}assistant\n");

    int Id(string piece)
    {
        lock (_lock)
        {
            if (_ids.TryGetValue(piece, out int id)) return id;
            _ids[piece] = _pieces.Count;
            _pieces.Add(piece);
            return _pieces.Count - 1;
        }
    }

    [GeneratedRegex(@"<\|im_start\|>|<\|im_end\|>|<\|endoftext\|>|[\p{L}\p{N}]+|.", RegexOptions.Singleline)]
    private static partial Regex PiecePattern();
}
