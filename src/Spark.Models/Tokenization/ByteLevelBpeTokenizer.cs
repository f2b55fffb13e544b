using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;
using Spark.Core.Text;

namespace Spark.Models.Tokenization;

/// <summary>
/// A byte-level BPE tokenizer (Qwen2/2.5/3, GPT-2 style, and our own trained vocabularies) on
/// Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>, built as docs/tokenizers.md explains so that its ids
/// equal Hugging Face's. Thread-safe for encoding and decoding.
/// </summary>
public sealed class ByteLevelBpeTokenizer : ITokenizer
{
    readonly BpeTokenizer _bpe;
    readonly string?[] _tokensById;
    readonly byte[]?[] _bytesById;
    readonly Dictionary<string, int> _addedIds;
    readonly ChatMLFormat? _chat;

    public ByteLevelBpeTokenizer(BpeDefinition definition, TokenizerSettings settings, ChatOptions? chat = null)
    {
        Definition = definition;
        Settings = settings;
        _addedIds = definition.AddedTokens.ToDictionary(t => t.Content, t => t.Id, StringComparer.Ordinal);
        _bpe = BpeTokenizer.Create(new BpeOptions(definition.Vocab)
        {
            Merges = definition.Merges.Select(m => m.Left + " " + m.Right),
            SpecialTokens = _addedIds,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(
                new Regex(definition.PreTokenizerPattern, RegexOptions.Compiled | RegexOptions.CultureInvariant), _addedIds),
            Normalizer = definition.NfcNormalization ? NfcNormalizer.Instance : null,
        });
        _tokensById = new string?[definition.Size];
        foreach (var (token, id) in definition.Vocab) _tokensById[id] = token;
        foreach (var added in definition.AddedTokens) _tokensById[added.Id] = added.Content;
        _bytesById = new byte[]?[definition.Size];
        foreach (var (token, id) in definition.Vocab) _bytesById[id] = ByteLevelAlphabet.Decode(token);
        foreach (var added in definition.AddedTokens) _bytesById[added.Id] = Encoding.UTF8.GetBytes(added.Content);

        EndOfResponseId = ResolveEndOfResponse();
        PadId = ResolvePad();
        StopIds = new[] { EndOfResponseId }.Concat(settings.GenerationEosIds)
            .Concat(Known(settings.EosToken) is int eos ? [eos] : []).Distinct().ToArray();
        var chatOptions = chat ?? ChatOptions.FromTemplate(settings.ChatTemplate);
        _chat = TokenToId(ChatMLFormat.ImStart) != null && TokenToId(ChatMLFormat.ImEnd) != null
            ? new ChatMLFormat(Encode, chatOptions)
            : null;
    }

    public BpeDefinition Definition { get; }
    public TokenizerSettings Settings { get; }

    /// <summary>One more than the largest token id (a model's embedding may be larger, as Qwen's is).</summary>
    public int VocabSize => Definition.Size;

    /// <summary><c>&lt;|im_end|&gt;</c> when the vocabulary has it (a ChatML turn ends with it, whatever the
    /// base model's eos is), else tokenizer_config's <c>eos_token</c>, else generation_config's first eos id.</summary>
    public int EndOfResponseId { get; }

    /// <summary>tokenizer_config's <c>pad_token</c>, else <c>&lt;|endoftext|&gt;</c>, else generation_config's
    /// <c>pad_token_id</c>, else <see cref="EndOfResponseId"/>.</summary>
    public int PadId { get; }

    /// <summary>Every id that should stop generation: <see cref="EndOfResponseId"/>, the eos token and
    /// generation_config's <c>eos_token_id</c> list (Qwen2.5-Instruct: <c>&lt;|im_end|&gt;</c>, <c>&lt;|endoftext|&gt;</c>).</summary>
    public IReadOnlyList<int> StopIds { get; }

    public IChatFormat Chat => _chat ?? throw new NotSupportedException(
        $"this tokenizer has no {ChatMLFormat.ImStart}/{ChatMLFormat.ImEnd} tokens, so it has no chat format");

    /// <summary>The ChatML format, or null when the vocabulary has no chat markers.</summary>
    public ChatMLFormat? ChatML => _chat;

    public int[] Encode(string text) => [.. _bpe.EncodeToIds(text)];

    /// <summary>Text of the ids, added tokens included; ids outside the vocabulary are left out. Bytes that do
    /// not form whole UTF-8 characters become U+FFFD, as Hugging Face's errors="replace".</summary>
    /// <remarks>Our own ByteLevel decoder: Microsoft.ML.Tokenizers' Decode(ids, considerSpecialTokens: true)
    /// costs about 9 ms per call on Qwen's vocabulary, whatever the length.</remarks>
    public string Decode(ReadOnlySpan<int> ids) => Encoding.UTF8.GetString(DecodeBytes(ids));

    /// <summary>The UTF-8 bytes the ids stand for (a response cut mid-character keeps its partial bytes).</summary>
    public byte[] DecodeBytes(ReadOnlySpan<int> ids)
    {
        int length = 0;
        foreach (int id in ids) length += TokenBytes(id).Length;
        var bytes = new byte[length];
        int at = 0;
        foreach (int id in ids)
        {
            var piece = TokenBytes(id);
            piece.CopyTo(bytes.AsSpan(at));
            at += piece.Length;
        }
        return bytes;
    }

    ReadOnlySpan<byte> TokenBytes(int id) => id >= 0 && id < _bytesById.Length ? _bytesById[id] : default;

    /// <summary>The id of an added token (<c>&lt;action&gt;</c>) or of the BPE token whose text is exactly
    /// <paramref name="token"/> (" the", not the vocabulary spelling "Ġthe"); null when no single token is that text.</summary>
    public int? TokenToId(string token)
    {
        if (_addedIds.TryGetValue(token, out int added)) return added;
        return Definition.Vocab.TryGetValue(ByteLevelAlphabet.Encode(Encoding.UTF8.GetBytes(token)), out int id) ? id : null;
    }

    /// <summary>The token as the vocabulary spells it (byte-level form: "Ġthe" for " the"), or null for an unused id.</summary>
    public string? IdToToken(int id) => id >= 0 && id < _tokensById.Length ? _tokensById[id] : null;

    /// <summary>Whether the id is an added token (chat marker, <c>&lt;action&gt;</c>, …) rather than a BPE token.</summary>
    public bool IsAddedToken(int id) => IdToToken(id) is { } token && _addedIds.ContainsKey(token);

    int? Known(string? token) => token == null ? null : TokenToId(token);

    int ResolveEndOfResponse()
    {
        if (TokenToId(ChatMLFormat.ImEnd) is int imEnd) return imEnd;
        if (Known(Settings.EosToken) is int eos) return eos;
        if (Settings.GenerationEosIds.Count > 0) return Settings.GenerationEosIds[0];
        throw new InvalidDataException($"tokenizer_config.json: no eos_token, no {ChatMLFormat.ImEnd} and no generation_config eos_token_id, so responses cannot end");
    }

    int ResolvePad()
    {
        if (Settings.PadToken != null)
            return Known(Settings.PadToken)
                   ?? throw new InvalidDataException($"tokenizer_config.json: pad_token '{Settings.PadToken}' is not a token of this vocabulary");
        return TokenToId(BuiltInTokens.EndOfText) ?? Settings.GenerationPadId ?? EndOfResponseId;
    }
}
