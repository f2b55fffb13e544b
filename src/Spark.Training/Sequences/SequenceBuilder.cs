using Spark.Core.Text;
using Spark.Training.Agents.ColdStart;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Sequences;

/// <summary>
/// Turns cold-start trajectories into training sequences through the harness's prompt code
/// (<see cref="SftExamples"/>), so SFT sees exactly the prompts the agent will be given. Prompt text is encoded
/// once by the tokenizer; each response is its text encoded plus the end-of-response token. Window mode: one
/// sequence per step (its prompt, its response). Episode mode: one sequence per trajectory, a span per response.
/// </summary>
public static class SequenceBuilder
{
    /// <param name="maxLength">Longer sequences keep their last <paramref name="maxLength"/> tokens
    /// (<see cref="TrainingSequence.TruncateLeft"/>); null keeps everything.</param>
    public static IReadOnlyList<TrainingSequence> FromColdStart(ColdStartTrajectory trajectory, ITokenizer tokenizer,
        PromptOptions options, int? maxLength = null)
    {
        var sequences = FromSteps(SftExamples.Build(trajectory, tokenizer, options), options.Mode);
        if (maxLength is not int max) return sequences;
        return sequences.Select(s => s.TruncateLeft(max)).OfType<TrainingSequence>().ToList();
    }

    /// <summary>All trajectories, in order.</summary>
    public static IReadOnlyList<TrainingSequence> FromColdStart(IEnumerable<ColdStartTrajectory> trajectories, ITokenizer tokenizer,
        PromptOptions options, int? maxLength = null) =>
        trajectories.SelectMany(t => FromColdStart(t, tokenizer, options, maxLength)).ToList();

    /// <summary>Window: one sequence per step. Episode: the steps concatenated (each step's prompt ids are what it
    /// appends to the conversation), one span per response.</summary>
    public static IReadOnlyList<TrainingSequence> FromSteps(IReadOnlyList<SftStep> steps, PromptMode mode)
    {
        if (mode == PromptMode.Window)
            return steps.Select(s => new TrainingSequence([.. s.PromptIds, .. s.ResponseIds],
                [new ResponseSpan(s.PromptIds.Length, s.ResponseIds.Length)])).ToList();

        var tokens = new List<int>();
        var spans = new List<ResponseSpan>();
        foreach (var s in steps)
        {
            tokens.AddRange(s.PromptIds);
            spans.Add(new ResponseSpan(tokens.Count, s.ResponseIds.Length));
            tokens.AddRange(s.ResponseIds);
        }
        return [new TrainingSequence(tokens.ToArray(), spans)];
    }
}
