using Spark.Core.Environments;
using Spark.Training.Agents.Memory;
using static Spark.Training.Agents.Prompts.SparkTemplateText;

namespace Spark.Training.Agents.Prompts;

/// <summary>
/// WebShop: the paper's <c>WEBSHOP_TEMPLATE_*</c> texts as in its code (the non-breaking hyphen in
/// "e‑commerce", the trailing space of the RL history template's first line, "observations" spelt right only
/// in the cold-start history template). As the code does, the task is the instruction part of the first page,
/// each observation drops everything up to and including the instruction, and the admissible actions are
/// <c>'search[&lt;your query&gt;]',</c> then <c>'click[…]',</c> one per line.
/// </summary>
public sealed class WebShopPrompts : IEnvironmentPrompts
{
    const string Header = "You are an expert autonomous agent operating in the WebShop e\u2011commerce environment.";
    const string Sep = " [SEP] ";
    const string SearchPlaceholder = "search[<your query>]";

    public static WebShopPrompts Instance { get; } = new();

    public string Name => "webshop";

    public SparkTemplates Templates { get; } = new(
        NoHistory: Template([Header, TaskLine, "", ObservationLine, AdmissibleLine, "", .. ModesAndInstructions()]),
        WithHistory: Template([Header + " ", TaskLine, "", PriorLine(), StepObservationLine, AdmissibleLine, PlanLine, "", .. ModesAndInstructions()]),
        NoHistoryColdStart: Template([Header, TaskLine, ObservationLine, "", .. ModesAndInstructions()]),
        WithHistoryColdStart: Template([Header, TaskLine, "", PriorLine("observations"), StepObservationLine, PlanLine, "", .. ModesAndInstructions()]),
        Tagging: Tagging(Header, blankAfterReasonLine: false, typicallyUsed: "when"));

    public string TaskDescription(TaskInfo task, string firstObservation)
    {
        var parts = firstObservation.Split(Sep);
        return parts.Length > 2 && parts[1] == "Instruction:" ? parts[2] : task.Goal;
    }

    public string FormatObservation(string observation, string taskDescription)
    {
        var parts = observation.Split(Sep);
        int at = Array.IndexOf(parts, taskDescription);
        return at >= 0 ? string.Join(Sep, parts[(at + 1)..]) : observation;
    }

    public string FormatAdmissible(IReadOnlyList<string> actions)
    {
        var shown = new List<string>();
        if (actions.Any(IsSearch)) shown.Add(SearchPlaceholder);
        shown.AddRange(actions.Where(a => !IsSearch(a)));
        return string.Join("\n", shown.Select(a => $"'{a}',"));
    }

    public int? HistoryFallbackChars => 20000;

    public IMemoryTracker CreateMemory() => new WebShopMemory();

    static bool IsSearch(string action) => action.StartsWith("search[", StringComparison.OrdinalIgnoreCase);
}
