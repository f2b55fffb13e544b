using System.Text;
using Spark.Core.Policies;

namespace Spark.Models.Generation;

/// <summary>One sequence being decoded: what it has produced so far and where its K/V sit in the batch cache.</summary>
internal sealed class SequenceState(int input, int[] prompt, ulong seed, ActionConstraint? constraint, long offset)
{
    public int Input { get; } = input;
    public int[] Prompt { get; } = prompt;
    public SequenceRandom Random { get; } = new(seed);
    public ActionConstraint? Constraint { get; } = constraint;

    /// <summary>Column of the cache where this row's first prompt token sits (left padding before it).</summary>
    public long Offset { get; } = offset;

    public List<int> Ids { get; } = [];
    public List<float> LogProbs { get; } = [];
    public List<float> Entropies { get; } = [];
    public StringBuilder Text { get; } = new();
    public FinishReason? Finish { get; set; }

    /// <summary>Tokens whose K/V are in the cache: the prompt and every response token but the last.</summary>
    public int[] FedTokens() => [.. Prompt, .. Ids.Take(Ids.Count - 1)];
}
