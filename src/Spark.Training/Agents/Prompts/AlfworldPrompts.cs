using Spark.Core.Environments;
using Spark.Training.Agents.Memory;
using static Spark.Training.Agents.Prompts.SparkTemplateText;

namespace Spark.Training.Agents.Prompts;

/// <summary>
/// ALFWorld: the paper's <c>ALFWORLD_TEMPLATE_*_SPARK</c> (RL) and <c>*_SPARK_CS</c> (cold-start) texts as in
/// its code (jinyangwu/SPARK, <c>agent_system/environments/prompts/</c>), including their typos and stray
/// spaces; admissible actions as the code renders them: <c>'a'</c> joined by a newline and a space, without
/// <c>help</c>; the task is the text after "Your task is to: " in the first observation.
/// </summary>
public sealed class AlfworldPrompts : IEnvironmentPrompts
{
    const string Header = "You are an expert agent operating in the ALFRED Embodied Environment.";

    public static AlfworldPrompts Instance { get; } = new();

    public string Name => "alfworld";

    public SparkTemplates Templates { get; } = new(
        NoHistory: Template([Header, TaskLine, "", ObservationLine, AdmissibleLine, "", .. ModesAndInstructions()]),
        WithHistory: Template([Header, TaskLine, "", PriorLine(), StepObservationLine, AdmissibleLine, PlanLine, "", .. ModesAndInstructions()]),
        NoHistoryColdStart: Template([Header, TaskLine, ObservationLine, "", .. ModesAndInstructions()]),
        WithHistoryColdStart: Template([Header, TaskLine, "", PriorLine(), StepObservationLine, PlanLine, "", .. ModesAndInstructions(blankAfterIntro: true)]),
        Tagging: Tagging(Header + "  ", blankAfterReasonLine: true, typicallyUsed: "whe"));

    public string TaskDescription(TaskInfo task, string firstObservation)
    {
        const string marker = "Your task is to: ";
        int at = firstObservation.IndexOf(marker, StringComparison.Ordinal);
        return at >= 0 ? firstObservation[(at + marker.Length)..].Trim() : task.Goal;
    }

    public string FormatObservation(string observation, string taskDescription) => observation;

    public string FormatAdmissible(IReadOnlyList<string> actions) =>
        string.Join("\n ", actions.Where(a => a != "help").Select(a => $"'{a}'"));

    public int? HistoryFallbackChars => null;

    public IMemoryTracker CreateMemory() => new AlfworldMemory();
}
