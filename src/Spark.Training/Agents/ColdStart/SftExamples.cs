using Spark.Core.Configuration;
using Spark.Core.Text;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Agents.ColdStart;

/// <summary>One supervised step: prompt tokens (context only) and response tokens (trained on).</summary>
/// <param name="PromptIds">Window mode: the step's whole prompt. Episode mode: the tokens added before this step's
/// response (the whole first prompt at step 1), exactly as <see cref="Spark.Core.Agents.AgentStep.PromptIds"/>.</param>
/// <param name="ResponseIds">The response followed by the end-of-response token.</param>
/// <param name="PromptText">The user message of this step.</param>
public sealed record SftStep(int[] PromptIds, int[] ResponseIds, string PromptText);

/// <summary>
/// Turns cold-start trajectories into SFT token samples with the same prompt code the agent uses, so SFT and
/// RL see identical prompts. The paper's recipe is <see cref="PromptOptions.PaperColdStart"/> (the <c>_CS</c>
/// templates, window of 5); the built-in model's is <see cref="PromptOptions.Compact"/>. In window mode each
/// step is its own sample; in episode mode the steps of a trajectory form one sequence (concatenate
/// PromptIds and ResponseIds in order; the loss covers the response parts).
/// </summary>
public static class SftExamples
{
    public static IReadOnlyList<SftStep> Build(ColdStartTrajectory trajectory, ITokenizer tokenizer, PromptOptions options)
    {
        if (options.Style == PromptStyle.Paper && options.IncludeAdmissible)
            throw new ConfigException("prompt.include_admissible", "cold-start data has no admissible actions; use the cold-start (_CS) templates (include_admissible = false)");

        var builder = new PromptBuilder(tokenizer, options);
        var context = new AgentContext(EnvironmentPrompts.For(trajectory.Env), trajectory.Task, trajectory.Steps[0].Observation);
        var samples = new List<SftStep>(trajectory.Steps.Count);
        for (int i = 0; i < trajectory.Steps.Count; i++)
        {
            var step = trajectory.Steps[i];
            var prompt = builder.Next(context, null);
            int[] response = [.. tokenizer.Encode(step.Response), tokenizer.EndOfResponseId];
            builder.Commit(context, prompt, response);
            samples.Add(new SftStep(prompt.Appended, response, prompt.Text));

            string result = i + 1 < trajectory.Steps.Count ? trajectory.Steps[i + 1].Observation : trajectory.FinalObservation;
            context.Record(step.Action, result);
        }
        return samples;
    }
}
