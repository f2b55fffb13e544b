using Spark.Core.Configuration;
using Spark.Core.Policies;
using Spark.Core.Randomness;
using Spark.Core.Text;

namespace Spark.Training.Agents.Policies;

/// <summary>
/// A baseline that needs no model: a uniformly random admissible action, with a random <c>&lt;explore&gt;</c>
/// (probability <paramref name="exploreProbability"/>) or <c>&lt;think&gt;</c> sentence before it. Each input's
/// choice depends only on its seed. Needs the admissible actions (the agent's constrained-actions option).
/// </summary>
public sealed class RandomPolicy(ITokenizer tokenizer, double exploreProbability = 0.3) : IPolicy
{
    static readonly string[] ExploreSentences =
    [
        "I have not found what I need yet, so I will try somewhere new.",
        "Nothing here helps, so I will look in another place.",
        "The result is not what I expected, so I will explore other options.",
        "I lack information, so I will check a place I have not seen.",
    ];

    static readonly string[] ThinkSentences =
    [
        "This follows from what I already know.",
        "Things are going as expected, so I continue with the plan.",
        "I know what to do next.",
        "The next step of the task is clear.",
    ];

    public ITokenizer Tokenizer { get; } = tokenizer;

    public double ExploreProbability { get; } = exploreProbability is >= 0 and <= 1
        ? exploreProbability
        : throw new ConfigException("explore_probability", $"must be in [0, 1], got {exploreProbability}");

    public IReadOnlyList<GenerationOutput> Generate(IReadOnlyList<GenerationInput> inputs, SamplingOptions options) =>
        inputs.Select(input => TextResponses.ToOutput(Tokenizer, Respond(input), options)).ToList();

    string Respond(GenerationInput input)
    {
        var actions = input.AdmissibleActions;
        if (actions == null || actions.Count == 0)
            throw new ConfigException("agent.constrain_actions", "the random policy needs the admissible actions; turn constrained actions on");
        var random = Seeds.Random(input.Seed, 0x5241_4E44); // "RAND": its own stream of this seed
        bool explore = random.NextDouble() < ExploreProbability;
        string tag = explore ? "explore" : "think";
        string sentence = (explore ? ExploreSentences : ThinkSentences)[random.Next(4)];
        return $"<{tag}>{sentence}</{tag}>\n<action>{actions[random.Next(actions.Count)]}</action>";
    }
}
