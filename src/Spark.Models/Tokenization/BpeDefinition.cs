namespace Spark.Models.Tokenization;

/// <summary>A token matched whole before BPE runs (tokenizer.json's <c>added_tokens</c>): chat markers, <c>&lt;action&gt;</c>, …</summary>
public sealed record AddedToken(int Id, string Content, bool Special = true);

/// <summary>One BPE merge: two vocabulary tokens whose concatenation is also a vocabulary token.</summary>
public readonly record struct BpeMerge(string Left, string Right);

/// <summary>
/// What a byte-level BPE tokenizer is made of, as tokenizer.json stores it: the vocabulary (in GPT-2's
/// byte-to-character form), the merges in priority order, the added tokens, the pre-tokenizer regex and
/// whether text is NFC-normalised first. Validated on construction, so a bad file fails here with a reason.
/// </summary>
public sealed class BpeDefinition
{
    public IReadOnlyDictionary<string, int> Vocab { get; }
    public IReadOnlyList<BpeMerge> Merges { get; }
    public IReadOnlyList<AddedToken> AddedTokens { get; }
    public string PreTokenizerPattern { get; }
    public bool NfcNormalization { get; }

    /// <summary>One more than the largest id in the vocabulary or among the added tokens.</summary>
    public int Size { get; }

    public BpeDefinition(IReadOnlyDictionary<string, int> vocab, IReadOnlyList<BpeMerge> merges,
        IReadOnlyList<AddedToken> addedTokens, string preTokenizerPattern, bool nfcNormalization)
    {
        Vocab = vocab;
        Merges = merges;
        AddedTokens = addedTokens;
        PreTokenizerPattern = preTokenizerPattern;
        NfcNormalization = nfcNormalization;
        Size = Validate();
    }

    int Validate()
    {
        if (Vocab.Count == 0) throw new InvalidDataException("model.vocab: the vocabulary is empty");
        foreach (byte b in ByteLevelAlphabet.Bytes)
        {
            string c = ByteLevelAlphabet.CharOf(b).ToString();
            if (!Vocab.ContainsKey(c))
                throw new InvalidDataException($"model.vocab: byte 0x{b:X2} ('{c}') is missing, so this is not a byte-level vocabulary");
        }
        var seen = new HashSet<int>();
        int max = -1;
        foreach (var (token, id) in Vocab)
        {
            if (id < 0) throw new InvalidDataException($"model.vocab: '{token}' has a negative id {id}");
            if (!seen.Add(id)) throw new InvalidDataException($"model.vocab: id {id} is used twice (again by '{token}')");
            max = Math.Max(max, id);
        }
        for (int i = 0; i < Merges.Count; i++)
        {
            var (left, right) = Merges[i];
            if (!Vocab.ContainsKey(left) || !Vocab.ContainsKey(right) || !Vocab.ContainsKey(left + right))
                throw new InvalidDataException($"model.merges[{i}]: '{left} {right}' needs '{left}', '{right}' and '{left + right}' in the vocabulary");
        }
        var contents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var added in AddedTokens)
        {
            if (string.IsNullOrEmpty(added.Content)) throw new InvalidDataException($"added_tokens: id {added.Id} has no content");
            if (!contents.Add(added.Content)) throw new InvalidDataException($"added_tokens: '{added.Content}' appears twice");
            bool inVocab = Vocab.TryGetValue(added.Content, out int vocabId);
            if (inVocab && vocabId != added.Id)
                throw new InvalidDataException($"added_tokens: '{added.Content}' has id {added.Id} but the vocabulary gives it {vocabId}");
            if (!inVocab && !seen.Add(added.Id))
                throw new InvalidDataException($"added_tokens: id {added.Id} ('{added.Content}') is already a vocabulary id");
            max = Math.Max(max, added.Id);
        }
        try
        {
            _ = new System.Text.RegularExpressions.Regex(PreTokenizerPattern);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"pre_tokenizer: the Split regex does not parse in .NET: {e.Message}");
        }
        return max + 1;
    }
}
