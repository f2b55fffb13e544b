using Spark.Core.Policies;
using Spark.Core.Text;

namespace Spark.Training.Tests.Agents.TestDoubles;

/// <summary>Wraps a policy and keeps every call's inputs and outputs.</summary>
public sealed class RecordingPolicy(IPolicy inner) : IPolicy
{
    public List<(IReadOnlyList<GenerationInput> Inputs, IReadOnlyList<GenerationOutput> Outputs, SamplingOptions Options)> Calls { get; } = [];

    public ITokenizer Tokenizer => inner.Tokenizer;

    public IReadOnlyList<GenerationOutput> Generate(IReadOnlyList<GenerationInput> inputs, SamplingOptions options)
    {
        var outputs = inner.Generate(inputs, options);
        Calls.Add((inputs, outputs, options));
        return outputs;
    }
}
