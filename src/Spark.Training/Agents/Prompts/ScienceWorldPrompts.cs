using System.Text;
using Spark.Core.Environments;
using Spark.Training.Agents.Memory;
using static Spark.Training.Agents.Prompts.SparkTemplateText;

namespace Spark.Training.Agents.Prompts;

/// <summary>
/// ScienceWorld: the paper's <c>SCIWORLD_TEMPLATE_*</c> texts as in its code, with their quirks (a trailing
/// space after the first line of the RL history template; "three reasoning modes" and an extra empty line in
/// the cold-start ones). The admissible text is the code's
/// <c>"Valid_actions: {templates}, OBJ needs to be replaced with one of the following objects: {objects}\n example: …"</c>
/// with Python list formatting; ScienceWorld's templates are its fixed action list, and the objects are the
/// referents found in the admissible actions (sorted), which is what <c>get_possible_objects()</c> lists for them.
/// </summary>
public sealed class ScienceWorldPrompts : IEnvironmentPrompts
{
    const string Header = "You are an expert agent operating in the ScienceWorld environment, which is a text-based virtual environment centered around accomplishing tasks from the elementary science curriculum.";

    // ScienceWorld's get_possible_actions(): its action templates, sorted (envs.md §3.2).
    static readonly string[] ActionTemplates =
    [
        "activate OBJ", "close OBJ", "connect OBJ to OBJ", "deactivate OBJ", "disconnect OBJ", "dunk OBJ in OBJ",
        "eat OBJ", "flush OBJ", "focus on OBJ", "go OBJ", "inventory", "look around", "look at OBJ", "look in OBJ",
        "mix OBJ", "move OBJ to OBJ", "open OBJ", "pick up OBJ", "pour OBJ in OBJ", "put down OBJ", "read OBJ",
        "reset task", "task", "teleport OBJ", "use OBJ on OBJ", "wait", "wait1",
    ];

    // Canonical one-object action prefixes (the valid-action strings), longest first so "look at" beats "look".
    static readonly string[] ObjectPrefixes =
    [
        "teleport to ", "deactivate ", "disconnect ", "focus on ", "activate ", "pick up ", "put down ",
        "look at ", "look in ", "go to ", "close ", "flush ", "open ", "read ", "eat ", "mix ", "use ", "go ",
    ];

    public static ScienceWorldPrompts Instance { get; } = new();

    public string Name => "scienceworld";

    public SparkTemplates Templates { get; } = new(
        NoHistory: Template([Header, TaskLine, "", ObservationLine, AdmissibleLine, "", .. ModesAndInstructions()]),
        WithHistory: Template([Header + " ", TaskLine, "", PriorLine(), StepObservationLine, AdmissibleLine, PlanLine, "", .. ModesAndInstructions()]),
        NoHistoryColdStart: Template([Header, TaskLine, ObservationLine, "", "", .. ModesAndInstructions(count: "three")]),
        WithHistoryColdStart: Template([Header, TaskLine, "", PriorLine(), StepObservationLine, PlanLine, "", .. ModesAndInstructions(blankAfterIntro: true, count: "three")]),
        Tagging: Tagging(Header, blankAfterReasonLine: true, typicallyUsed: "whe"));

    public string TaskDescription(TaskInfo task, string firstObservation) => task.Goal;

    public string FormatObservation(string observation, string taskDescription) => observation;

    public string FormatAdmissible(IReadOnlyList<string> actions)
    {
        bool teleport = actions.Any(a => a.StartsWith("teleport to ", StringComparison.Ordinal));
        var templates = ActionTemplates.Where(t => teleport || t != "teleport OBJ");
        return $"Valid_actions: {PythonList(templates)}, OBJ needs to be replaced with one of the following objects: {PythonList(Objects(actions))}\n example: <action>focus on door</action>";
    }

    public int? HistoryFallbackChars => 13000;

    public IMemoryTracker CreateMemory() => new ScienceWorldMemory();

    /// <summary>The object referents named by one-object actions ("focus on X", "look at X", …), sorted.</summary>
    public static IReadOnlyList<string> Objects(IEnumerable<string> actions)
    {
        var objects = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string action in actions)
        {
            foreach (string prefix in ObjectPrefixes)
            {
                if (!action.StartsWith(prefix, StringComparison.Ordinal)) continue;
                string rest = action[prefix.Length..].Trim();
                // "use X on Y" names two objects; the one-object forms cover every visible referent anyway.
                if (prefix == "use " && rest.Contains(" on ", StringComparison.Ordinal)) break;
                if (rest.Length > 0) objects.Add(rest);
                break;
            }
        }
        return [.. objects];
    }

    /// <summary>Python's <c>str(list_of_str)</c>: <c>['a', "b's"]</c>.</summary>
    public static string PythonList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(PythonRepr)) + "]";

    static string PythonRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                _ => c.ToString(),
            });
        }
        return sb.Append(quote).ToString();
    }
}
