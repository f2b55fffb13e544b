using Spark.Core.Environments;
using Spark.Core.Randomness;
using Spark.Core.Text;
using Spark.Training.Agents;
using Spark.Training.Agents.Prompts;
using Spark.Training.Sequences;

namespace Spark.Training.Pretraining;

/// <summary>
/// The pretraining corpus: an endless, seeded stream of guided-play episodes over the given suites (round robin,
/// random training tasks), each rendered exactly as the agent will see it — the compact prompt in episode mode, one
/// chat conversation per episode — with assistant turns holding only <c>&lt;action&gt;…&lt;/action&gt;</c>.
/// Episode k of a stream depends only on (seed, stream, k).
/// </summary>
public sealed class PretrainCorpus
{
    readonly IReadOnlyList<IEnvironmentSuite> _suites;
    readonly GuidedPlayer[] _players;
    readonly ulong _seed;

    public PretrainCorpus(IReadOnlyList<IEnvironmentSuite> suites, ulong seed, PromptOptions? prompt = null)
    {
        if (suites.Count == 0) throw new ArgumentException("no environment suites", nameof(suites));
        _suites = suites;
        _players = suites.Select(s => new GuidedPlayer(s)).ToArray();
        _seed = seed;
        Prompt = (prompt ?? PromptOptions.Compact) with { Mode = PromptMode.Episode };
    }

    /// <summary>The training stream; <see cref="HeldOutStream"/> gives episodes never trained on.</summary>
    public const string TrainStream = "train";
    public const string HeldOutStream = "held-out";

    public PromptOptions Prompt { get; }

    public IReadOnlyList<IEnvironmentSuite> Suites => _suites;

    /// <summary>Episode <paramref name="k"/> of <paramref name="stream"/>.</summary>
    public PlayedEpisode Episode(string stream, long k)
    {
        int s = (int)(k % _suites.Count);
        var suite = _suites[s];
        var random = Seeds.Random(Seeds.Derive(_seed, "pretrain/" + stream, k));
        string split = suite.Splits[0];
        return _players[s].Play(split, random.Next(suite.Count(split)), random);
    }

    /// <summary>The assistant turn of a step: the action alone, in its tags.</summary>
    public static string Response(string action) => $"<action>{action}</action>";

    /// <summary>
    /// The episode as one conversation through the agent's prompt builder: a sequence whose spans are the assistant
    /// responses (each <c>&lt;action&gt;…&lt;/action&gt;</c> and the end token). Pretraining trains on every token
    /// (<see cref="TrainingSequence.LanguageModel"/>); the spans measure how well actions are predicted.
    /// </summary>
    public TrainingSequence Render(PlayedEpisode episode, ITokenizer tokenizer)
    {
        var builder = new PromptBuilder(tokenizer, Prompt);
        var context = new AgentContext(EnvironmentPrompts.For(episode.Task.Env), episode.Task, episode.FirstObservation);
        var tokens = new List<int>();
        var spans = new List<ResponseSpan>();
        foreach (var step in episode.Steps)
        {
            var prompt = builder.Next(context, null);
            int[] response = [.. tokenizer.Encode(Response(step.Action)), tokenizer.EndOfResponseId];
            builder.Commit(context, prompt, response);
            tokens.AddRange(prompt.Appended);
            spans.Add(new ResponseSpan(tokens.Count, response.Length));
            tokens.AddRange(response);
            context.Record(step.Action, step.Result);
        }
        return new TrainingSequence(tokens.ToArray(), spans);
    }
}
