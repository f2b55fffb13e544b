using System.Text;
using Spark.Models.Scoring;

namespace Spark.Models.Generation;

/// <summary>
/// Constrained action decoding for one step. Inside <c>&lt;action&gt;…&lt;/action&gt;</c> the text must stay a prefix
/// of some <c>admissible + "&lt;/action&gt;"</c>, so <c>&lt;/action&gt;</c> can only follow a complete admissible
/// action; outside it the text is free, except that a token may not open the action with a tail that no action
/// starts with (possible when the markers are several tokens, as in a real Qwen vocabulary), and that an open
/// reasoning tag may only be closed by its own closer (<see cref="ReasoningTagPairing"/>).
/// The mask depends only on the response text so far (the concatenated <see cref="TokenTexts"/>), and the sampler and
/// the trainer both compute it here: <see cref="MaskFor"/> step by step, <see cref="Masks"/> for a whole response.
/// </summary>
public sealed class ActionConstraint
{
    public const string Open = "<action>";
    public const string Close = "</action>";

    readonly TokenTexts _texts;
    readonly CharTrie _targets = new();

    public ActionConstraint(TokenTexts texts, IReadOnlyList<string> admissibleActions)
    {
        if (admissibleActions.Count == 0) throw new ArgumentException("no admissible actions", nameof(admissibleActions));
        _texts = texts;
        for (int i = 0; i < admissibleActions.Count; i++) _targets.Add(admissibleActions[i] + Close, i);
    }

    /// <summary>The mask for the next token after <paramref name="responseText"/>; null when every token is allowed.</summary>
    public TokenMask? MaskFor(string responseText)
    {
        int open = responseText.LastIndexOf(Open, StringComparison.Ordinal);
        if (open >= 0)
        {
            var state = Follow(responseText.AsSpan(open + Open.Length));
            if (state >= 0) return TokenMask.Allow(_texts.Trie.Compatible(_targets, state));
        }
        return FreeTextBans(responseText);
    }

    /// <summary>The mask of every position of a response (index j: the mask under which token j was drawn).</summary>
    public TokenMask?[] Masks(IReadOnlyList<int> responseIds)
    {
        var masks = new TokenMask?[responseIds.Count];
        var text = new StringBuilder();
        for (int j = 0; j < responseIds.Count; j++)
        {
            masks[j] = MaskFor(text.ToString());
            text.Append(_texts[responseIds[j]]);
        }
        return masks;
    }

    /// <summary>Target-trie node reached by an open action body, or -1 when the body is complete (free text follows) or off every action.</summary>
    int Follow(ReadOnlySpan<char> body)
    {
        int node = CharTrie.Root;
        foreach (char c in body)
        {
            if (node != CharTrie.Root && _targets.IsEnd(node)) return -1; // closed: what follows is free
            node = _targets.Child(node, c);
            if (node < 0) return -1;
        }
        return _targets.IsEnd(node) ? -1 : node;
    }

    bool ValidTail(string tail)
    {
        int node = CharTrie.Root;
        foreach (char c in tail)
        {
            if (node != CharTrie.Root && _targets.IsEnd(node)) return true;
            node = _targets.Child(node, c);
            if (node < 0) return false;
        }
        return true;
    }

    TokenMask? FreeTextBans(string text)
    {
        List<int>? banned = null;
        foreach (var (id, tail) in _texts.Completions(Open).Completing(EndMatch(text, Open)))
            if (!ValidTail(tail)) (banned ??= []).Add(id);
        foreach (var marker in ReasoningTagPairing.ForbiddenMarkers(text))
            foreach (var (id, _) in _texts.Completions(marker).Completing(EndMatch(text, marker)))
                (banned ??= []).Add(id);
        return banned == null ? null : TokenMask.Ban(banned);
    }

    /// <summary>How many leading characters of <paramref name="marker"/> (fewer than all) the text ends with.</summary>
    static int EndMatch(string text, string marker)
    {
        for (int k = marker.Length - 1; k > 0; k--)
            if (text.EndsWith(marker.AsSpan(0, k), StringComparison.Ordinal)) return k;
        return 0;
    }
}
