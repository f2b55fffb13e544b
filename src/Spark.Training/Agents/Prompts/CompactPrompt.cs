using System.Text;

namespace Spark.Training.Agents.Prompts;

/// <summary>
/// The compact prompt for the built-in small model: the paper prompt's information (task, recent steps,
/// current observation, the answer format) in far fewer tokens, no admissible list (constrained decoding
/// supplies the actions), and a memory line that summarises the whole episode. A window-mode step 7:
/// <code>
/// Goal: put a clean mug in coffeemachine.
/// Memory: visited countertop 1 [mug 1], sinkbasin 1 [nothing]; holding mug 1 (cleaned)
/// &gt; take mug 1 from countertop 1
/// You pick up the mug 1 from the countertop 1.
/// &gt; go to coffeemachine 1
/// On the coffeemachine 1, you see nothing.
/// Step 7: &lt;think&gt; or &lt;explore&gt;, then &lt;action&gt;.
/// </code>
/// </summary>
public static class CompactPrompt
{
    /// <summary>The user message of a window-mode step (also the first turn in episode mode).</summary>
    public static string Window(AgentContext context, int historyLength, bool memoryLine)
    {
        var sb = new StringBuilder();
        sb.Append("Goal: ").Append(context.TaskDescription).Append('\n');
        AppendMemory(sb, context, memoryLine);
        int shown = Math.Min(Math.Max(historyLength, 0), context.StepCount);
        for (int i = context.StepCount - shown; i < context.StepCount; i++)
        {
            // A step shows its action and what came back; a result repeated by the next step (a WebShop option
            // click returns the same page) is shown once, at the later step.
            string result = Result(context, i);
            bool repeated = i + 1 < context.StepCount && Result(context, i + 1) == result;
            sb.Append("> ").Append(context.History[i].Action).Append('\n');
            sb.Append(repeated ? SameAsBelow : Format(context, result)).Append('\n');
        }
        if (shown == 0) sb.Append(Format(context, context.Observation)).Append('\n');
        return sb.Append(Cue(context)).ToString();
    }

    /// <summary>The user turn of a later step in episode mode: memory line, observation, cue.</summary>
    public static string EpisodeTurn(AgentContext context, bool memoryLine)
    {
        var sb = new StringBuilder();
        AppendMemory(sb, context, memoryLine);
        sb.Append(Format(context, context.Observation)).Append('\n');
        return sb.Append(Cue(context)).ToString();
    }

    const string SameAsBelow = "(same as below)";

    // What came back from step i: the next step's observation, or the current one.
    static string Result(AgentContext context, int i) =>
        i + 1 < context.StepCount ? context.History[i + 1].Observation : context.Observation;

    static void AppendMemory(StringBuilder sb, AgentContext context, bool memoryLine)
    {
        if (!memoryLine || context.StepCount == 0) return;
        string memory = context.Memory.Render();
        if (memory.Length > 0) sb.Append("Memory: ").Append(memory).Append('\n');
    }

    static string Format(AgentContext context, string observation) =>
        context.Prompts.FormatObservation(observation, context.TaskDescription).Trim();

    static string Cue(AgentContext context) => $"Step {context.StepCount + 1}: <think> or <explore>, then <action>.";
}
