using System.Text.RegularExpressions;

namespace Spark.Environments.Alfworld.Tasks;

/// <summary>ALFWorld's six task types (alfred_tw_env.py TASK_TYPES 1–6).</summary>
internal enum TaskKind
{
    PickAndPlace,
    LookAtObjInLight,
    PickCleanThenPlace,
    PickHeatThenPlace,
    PickCoolThenPlace,
    PickTwoObjAndPlace,
}

/// <summary>Task-type names and goal texts exactly as ALFWorld's goal library writes them.</summary>
internal static class TaskKinds
{
    public static readonly TaskKind[] All = Enum.GetValues<TaskKind>();

    /// <summary>The ALFRED task_type string, e.g. "pick_clean_then_place_in_recep".</summary>
    public static string TypeName(TaskKind kind) => kind switch
    {
        TaskKind.PickAndPlace => "pick_and_place_simple",
        TaskKind.LookAtObjInLight => "look_at_obj_in_light",
        TaskKind.PickCleanThenPlace => "pick_clean_then_place_in_recep",
        TaskKind.PickHeatThenPlace => "pick_heat_then_place_in_recep",
        TaskKind.PickCoolThenPlace => "pick_cool_then_place_in_recep",
        _ => "pick_two_obj_and_place",
    };

    /// <summary>The two goal templates of each type (alfworld/gen/goal_library.py); one is chosen per game.</summary>
    public static IReadOnlyList<string> Templates(TaskKind kind) => kind switch
    {
        TaskKind.PickAndPlace => ["put a {obj} in {recep}", "put some {obj} on {recep}"],
        TaskKind.LookAtObjInLight => ["look at {obj} under the {toggle}", "examine the {obj} with the {toggle}"],
        TaskKind.PickCleanThenPlace => ["put a clean {obj} in {recep}", "clean some {obj} and put it in {recep}"],
        TaskKind.PickHeatThenPlace => ["put a hot {obj} in {recep}", "heat some {obj} and put it in {recep}"],
        TaskKind.PickCoolThenPlace => ["put a cool {obj} in {recep}", "cool some {obj} and put it in {recep}"],
        _ => ["put two {obj} in {recep}", "find two {obj} and put them in {recep}"],
    };

    /// <summary>The goal text, without the period the grammar's task line adds.</summary>
    public static string GoalText(TaskKind kind, int template, string obj, string recepOrToggle) =>
        Templates(kind)[template].Replace("{obj}", obj).Replace("{recep}", recepOrToggle).Replace("{toggle}", recepOrToggle);

    static readonly (TaskKind Kind, Regex Pattern)[] Patterns =
        [.. All.SelectMany(k => Templates(k).Select(t => (k, new Regex(
            "^" + Regex.Escape(t).Replace(@"\{obj}", "(?<obj>[a-z]+)").Replace(@"\{recep}", "(?<target>[a-z]+)")
                .Replace(@"\{toggle}", "(?<target>[a-z]+)") + @"\.?$", RegexOptions.CultureInvariant))))];

    /// <summary>Reads a templated goal back: its type, object class and receptacle (or lamp) class.</summary>
    public static bool TryParseGoal(string goal, out TaskKind kind, out string obj, out string target)
    {
        foreach (var (k, pattern) in Patterns)
        {
            var m = pattern.Match(goal.Trim());
            if (!m.Success) continue;
            (kind, obj, target) = (k, m.Groups["obj"].Value, m.Groups["target"].Value);
            return true;
        }
        (kind, obj, target) = (default, "", "");
        return false;
    }
}
