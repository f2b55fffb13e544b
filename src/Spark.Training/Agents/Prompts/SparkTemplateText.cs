using System.Text;

namespace Spark.Training.Agents.Prompts;

/// <summary>
/// The text the paper's SPARK templates share, and Python-<c>str.format</c>-style filling. Each environment's
/// prompt class spells out its own template heads (where the originals differ, down to a trailing space or a
/// typo) and takes the common tail from here. The originals are triple-quoted strings that start and end
/// with a newline; <see cref="Template"/> reproduces that.
/// </summary>
public static class SparkTemplateText
{
    public const string TaskLine = "Your current task is: {task_description}";
    public const string ObservationLine = "Your current observation is: {current_observation}";
    public const string AdmissibleLine = "Your admissible actions of the current situation are: [{admissible_actions}].";
    public const string StepObservationLine = "You are now at step {current_step} and your current observation is: {current_observation}";
    public const string PlanLine = "To solve the problem, you have made the plan: [{planning}].";

    /// <summary>The history line; <paramref name="observations"/> is the original's spelling, "observaitons" in most templates.</summary>
    public static string PriorLine(string observations = "observaitons") =>
        $"Prior to this step, you have already taken {{step_count}} step(s). Below are the most recent {{history_length}} {observations} and the corresponding actions you took: {{action_history}}";

    /// <summary>The two reasoning modes and the answer instructions that end every SPARK template.</summary>
    /// <param name="blankAfterIntro">Some cold-start templates have an empty line after "You have two reasoning modes:".</param>
    /// <param name="count">"two", or "three" in ScienceWorld's cold-start templates (sic).</param>
    public static string[] ModesAndInstructions(bool blankAfterIntro = false, string count = "two")
    {
        var lines = new List<string> { "You have two reasoning modes:" };
        if (blankAfterIntro) lines.Add("");
        lines.AddRange(
        [
            "<explore>",
            "When results are unexpected or information is lacking, use current observations to think outside the box and list as many possible locations, items, or actions as possible.",
            "</explore>",
            "",
            "<think>",
            "Continuously track the current progress and history of reasoning and execution throughout the task.Typically used when task outcomes are as expected and no other mode of reasoning is required.",
            "</think>",
            "",
            $"You need to choose one of the {count} reasoning modes mentioned above as your reasoning mode, based on its definition and applicable situation.",
            "",
            "Now it's your turn to first reason and then take an action.",
            "1.You should first reason about the current situation in one concise, brief sentence. This reasoning process MUST be enclosed within ONLY ONE of the above reasoning tags, like: <tag> your reasoning process </tag>.",
            "2.Once you've finished your reasoning, you should choose an admissible action for current step and present it within <action> </action> tags. ",
        ]);
        return [.. lines];
    }

    /// <summary>The teacher's tagging prompt. The environments differ in the first line, one empty line, and a typo.</summary>
    public static string Tagging(string firstLine, bool blankAfterReasonLine, string typicallyUsed) =>
        Template(
        [
            firstLine,
            "I will provide you with a successful trajectory. You need to supplement the reasoning process.",
            "",
            "**Reason using ONLY ONE tag pair and express your reasoning step by step:**",
            .. blankAfterReasonLine ? new[] { "" } : [],
            "<explore>",
            "When immediate next steps have a clear exploratory nature\u2014such as when searching for an unknown object or information\u2014use current observations to think outside the box and generate as many possible hypotheses, locations, items, or actions as possible.",
            "Employ this approach when results are unexpected, information is lacking, or obstacles demand creative and innovative problem-solving.",
            "</explore>",
            "",
            "<think>  ",
            "Continuously track the current progress and history of reasoning and execution throughout the task.",
            "Firstly recall the current subgoal based on the previously established overall plan, then consider the next action required to achieve this subgoal.",
            $"Typically used {typicallyUsed} task outcomes are as expected and no other mode of reasoning is required.",
            "</think>",
            "",
            "You need to output a list in JSON format, with the same length as the trajectory. Each element should contain two key-value pairs, for example:  ",
            "```json",
            "[{\"reason\": \"<explore>The book may be in the cabinet, shelf, so in the next steps I need to search these locations.</explore>\", \"action\": \"go to shelf 1\"},",
            "{\"reason\": \"<think>Currently, my sub-goal is to obtain item A. I have already spotted A, and in order to accomplish this objective, I need to pick it up.</think>\", \"action\": \"pick up A\"}]",
            "```",
            "The \"action\" field must match the action in the trajectory, and the \"reason\" field should be a reasonable reasoning process inferred from the context of previous actions and the next few actions.",
            "",
            "now the trajectory is as follows: {traj}",
        ]);

    /// <summary>Joins lines the way a triple-quoted Python string laid out one per line reads: leading and trailing newline.</summary>
    public static string Template(IEnumerable<string> lines) => "\n" + string.Join('\n', lines) + "\n";

    /// <summary>
    /// Replaces each <c>{name}</c> whose name is a key of <paramref name="values"/>, in one pass (a value that
    /// itself contains braces is never re-expanded). Other braces stay as they are.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(template.Length + 256);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0) break;
            int close = template.IndexOf('}', open + 1);
            if (close < 0) break;
            sb.Append(template, i, open - i);
            string name = template[(open + 1)..close];
            if (values.TryGetValue(name, out var value))
            {
                sb.Append(value);
                i = close + 1;
            }
            else
            {
                sb.Append('{');
                i = open + 1;
            }
        }
        sb.Append(template, i, template.Length - i);
        return sb.ToString();
    }
}
