namespace Spark.Training.Agents.Prompts;

/// <summary>
/// Fills the paper's templates from a trajectory's context, as its environment managers' <c>build_text_obs</c>
/// and its cold-start <c>formulate_annotation_data.py</c> do: the no-history template at step 1, the history
/// template afterwards with the last k pairs <c>[Observation n: '…', Action n: '…']</c> joined by newlines,
/// the plan "No plan.", and the fall-back to the no-history template when an RL prompt grows too long.
/// </summary>
public static class PaperPrompt
{
    const string NoPlan = "No plan.";

    /// <summary>The user message of a window-mode step. <paramref name="admissible"/> null selects the
    /// cold-start (<c>_CS</c>) templates.</summary>
    public static string Window(AgentContext context, int historyLength, IReadOnlyList<string>? admissible)
    {
        var prompts = context.Prompts;
        var templates = prompts.Templates;
        var values = new Dictionary<string, string>
        {
            ["task_description"] = context.TaskDescription,
            ["current_observation"] = prompts.FormatObservation(context.Observation, context.TaskDescription),
            ["admissible_actions"] = admissible == null ? "" : prompts.FormatAdmissible(admissible),
            ["planning"] = NoPlan,
        };
        string noHistory = admissible == null ? templates.NoHistoryColdStart : templates.NoHistory;
        if (context.StepCount == 0 || historyLength <= 0) return SparkTemplateText.Fill(noHistory, values);

        int shown = Math.Min(historyLength, context.StepCount);
        values["step_count"] = context.StepCount.ToString();
        values["history_length"] = shown.ToString();
        values["action_history"] = HistoryLines(context, shown);
        values["current_step"] = (context.StepCount + 1).ToString();
        string prompt = SparkTemplateText.Fill(admissible == null ? templates.WithHistoryColdStart : templates.WithHistory, values);

        // The code's guard against overlong RL prompts (ScienceWorld, WebShop); the cold-start script has none.
        if (admissible != null && prompts.HistoryFallbackChars is int limit && prompt.Length > limit)
            return SparkTemplateText.Fill(noHistory, values);
        return prompt;
    }

    /// <summary>The user turn of a later step in episode mode (the first turn is <see cref="Window"/> at step 1):
    /// the template's step-and-observation line, and its admissible-actions line when actions are given.</summary>
    public static string EpisodeTurn(AgentContext context, IReadOnlyList<string>? admissible)
    {
        var prompts = context.Prompts;
        var values = new Dictionary<string, string>
        {
            ["current_step"] = (context.StepCount + 1).ToString(),
            ["current_observation"] = prompts.FormatObservation(context.Observation, context.TaskDescription),
            ["admissible_actions"] = admissible == null ? "" : prompts.FormatAdmissible(admissible),
        };
        string text = SparkTemplateText.Fill(SparkTemplateText.StepObservationLine, values);
        return admissible == null ? text : text + "\n" + SparkTemplateText.Fill(SparkTemplateText.AdmissibleLine, values);
    }

    /// <summary>The <c>{action_history}</c> text: the last <paramref name="count"/> steps, numbered from 1 at the episode start.</summary>
    public static string HistoryLines(AgentContext context, int count)
    {
        int start = context.StepCount - count;
        return string.Join("\n", Enumerable.Range(start, count).Select(i =>
        {
            var step = context.History[i];
            string observation = context.Prompts.FormatObservation(step.Observation, context.TaskDescription);
            return $"[Observation {i + 1}: '{observation}', Action {i + 1}: '{step.Action}']";
        }));
    }
}
