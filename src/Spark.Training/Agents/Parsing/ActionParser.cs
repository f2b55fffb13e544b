namespace Spark.Training.Agents.Parsing;

/// <summary>Why a response broke the format rules (several can hold at once).</summary>
[Flags]
public enum FormatProblem
{
    None = 0,
    /// <summary>Not exactly one <c>&lt;action&gt;…&lt;/action&gt;</c>.</summary>
    ActionCount = 1,
    /// <summary>Not exactly one reasoning tag pair.</summary>
    ReasoningCount = 2,
    /// <summary>No reasoning tag pair has non-empty content.</summary>
    EmptyReasoning = 4,
    /// <summary>A reasoning tag pair starts after the action.</summary>
    ReasoningAfterAction = 8,
    /// <summary>The response holds CJK ideographs.</summary>
    Cjk = 16,
}

/// <summary>A model response read for the environment and for the trainer.</summary>
/// <param name="Action">The text inside the single <c>&lt;action&gt;</c> pair, trimmed; "" when there is not exactly one.
/// It goes to the environment whether or not the response is valid.</param>
/// <param name="Valid">The response follows the format rules; an invalid step is penalised by the trainer.</param>
/// <param name="Explore">The response contains a complete <c>&lt;explore&gt;…&lt;/explore&gt;</c> (the branching trigger).</param>
/// <param name="Mode">"explore" or "think": the first tag, in that order, with non-empty content; null when none.</param>
/// <param name="Reasoning">The content of that tag, trimmed; null when none.</param>
/// <param name="Problems">Which rules failed.</param>
public sealed record ParsedResponse(string Action, bool Valid, bool Explore, string? Mode, string? Reasoning, FormatProblem Problems);

/// <summary>
/// The paper's validity rules (its code: <c>alfworld_projection_spark</c>), for every environment:
/// exactly one <c>&lt;action&gt;…&lt;/action&gt;</c>; exactly one reasoning pair (<c>&lt;explore&gt;</c> or
/// <c>&lt;think&gt;</c>, counted together) with non-empty content, starting before the action; no CJK
/// ideographs (U+4E00–U+9FFF, the code's range). Tags match without case, content spans lines, pairs
/// are found leftmost-shortest as Python's <c>re.finditer</c> does. The explore trigger is case-sensitive,
/// as the code's <c>explore_branching_condition</c>. Never throws.
/// </summary>
public static class ActionParser
{
    /// <summary>The reasoning tags in priority order (the first non-empty one is the step's mode).</summary>
    public static readonly IReadOnlyList<string> ReasoningTags = ["explore", "think"];

    public static ParsedResponse Parse(string? response)
    {
        string text = response ?? "";
        var problems = FormatProblem.None;
        if (HasCjk(text)) problems |= FormatProblem.Cjk;

        var actions = TagScanner.FindAll(text, "action", ignoreCase: true);
        string action = "";
        int actionStart = int.MaxValue;
        if (actions.Count == 1)
        {
            action = actions[0].Content.Trim();
            actionStart = actions[0].Start;
        }
        else
        {
            problems |= FormatProblem.ActionCount;
        }

        int reasoningCount = 0;
        bool anyContent = false;
        string? mode = null, reasoning = null;
        foreach (string tag in ReasoningTags)
        {
            var pairs = TagScanner.FindAll(text, tag, ignoreCase: true);
            reasoningCount += pairs.Count;
            foreach (var pair in pairs)
            {
                string content = pair.Content.Trim();
                if (content.Length > 0)
                {
                    anyContent = true;
                    if (mode == null) (mode, reasoning) = (tag, content);
                }
                if (pair.Start > actionStart) problems |= FormatProblem.ReasoningAfterAction;
            }
        }
        if (reasoningCount != 1) problems |= FormatProblem.ReasoningCount;
        if (!anyContent) problems |= FormatProblem.EmptyReasoning;

        return new ParsedResponse(action, problems == FormatProblem.None, IsExplore(text), mode, reasoning, problems);
    }

    /// <summary>The branching trigger: a complete, case-sensitive <c>&lt;explore&gt;…&lt;/explore&gt;</c> anywhere.</summary>
    public static bool IsExplore(string? response) => response != null && TagScanner.ContainsPair(response, "explore");

    static bool HasCjk(string text)
    {
        foreach (char c in text)
            if (c is >= '\u4e00' and <= '\u9fff') return true;
        return false;
    }
}
