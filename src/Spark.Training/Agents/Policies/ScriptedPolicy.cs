using Spark.Core.Policies;
using Spark.Core.Text;

namespace Spark.Training.Agents.Policies;

/// <summary>
/// Replays given responses: one per generation input, in the order asked (within a batch, in batch order),
/// or whatever a function says for each input. For tests, for replaying cold-start trajectories, and as a
/// fixed baseline. Responses are tokenized and ended as a sampling engine would (see <see cref="TextResponses"/>).
/// </summary>
public sealed class ScriptedPolicy : IPolicy
{
    readonly Func<GenerationInput, string> _respond;
    readonly Queue<string>? _queue;

    /// <summary>Replays <paramref name="responses"/> in order; asking for more than there are is an error.</summary>
    public ScriptedPolicy(ITokenizer tokenizer, IEnumerable<string> responses)
    {
        Tokenizer = tokenizer;
        _queue = new Queue<string>(responses);
        _respond = _ => _queue.Count > 0
            ? _queue.Dequeue()
            : throw new InvalidOperationException("the scripted policy has no responses left");
    }

    /// <summary>Answers each input with <paramref name="respond"/>.</summary>
    public ScriptedPolicy(ITokenizer tokenizer, Func<GenerationInput, string> respond)
    {
        Tokenizer = tokenizer;
        _respond = respond;
    }

    public ITokenizer Tokenizer { get; }

    /// <summary>Responses not yet replayed (0 for a function script).</summary>
    public int Remaining => _queue?.Count ?? 0;

    public IReadOnlyList<GenerationOutput> Generate(IReadOnlyList<GenerationInput> inputs, SamplingOptions options) =>
        inputs.Select(input => TextResponses.ToOutput(Tokenizer, _respond(input), options)).ToList();
}
