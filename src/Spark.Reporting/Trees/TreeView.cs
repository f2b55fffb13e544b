using System.Globalization;
using System.Text;
using System.Text.Json;
using Spark.Core.Configuration;
using static System.Net.WebUtility;

namespace Spark.Reporting.Trees;

/// <summary>
/// The page's interactive rollout-tree section: a task picker, one SVG per shown task, a side panel, and the
/// nodes' details as embedded JSON that the page's script reads when a node is clicked.
/// </summary>
public static class TreeView
{
    /// <summary>At most this many tasks are embedded (the chosen one first); the full file is in the report's data folder.</summary>
    public const int MaxTasks = 12;
    /// <summary>Longer texts are cut in the page (the data file keeps them whole).</summary>
    const int MaxText = 4000;

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// The task to open on: <paramref name="preferred"/> when given (it must exist), else the task with both won
    /// and lost leaves and the most branches (the most to look at), the first such in the file.
    /// </summary>
    public static int ChooseTask(RolloutTreesFile file, string? preferred)
    {
        if (preferred != null)
        {
            int i = file.Tasks.ToList().FindIndex(t => t.Task == preferred);
            if (i < 0) throw new ConfigException("treeTask", $"task \"{preferred}\" is not in the trees file; it has {string.Join(", ", file.Tasks.Take(5).Select(t => t.Task))}{(file.Tasks.Count > 5 ? ", ..." : "")}");
            return i;
        }
        int best = 0;
        (bool, int, int) bestKey = default;
        for (int i = 0; i < file.Tasks.Count; i++)
        {
            var t = file.Tasks[i];
            var key = (t.Leaves.Any(l => l.Won) && t.Leaves.Any(l => !l.Won), t.Branches.Count, t.Leaves.Count);
            if (i == 0 || key.CompareTo(bestKey) > 0) (best, bestKey) = (i, key);
        }
        return best;
    }

    public static string Html(RolloutTreesFile file, string? preferredTask, string dataFile)
    {
        if (file.Tasks.Count == 0) return "<p class=\"empty\">The trees file holds no task.</p>";
        int chosen = ChooseTask(file, preferredTask);
        var shown = new[] { chosen }.Concat(Enumerable.Range(0, file.Tasks.Count).Where(i => i != chosen)).Take(MaxTasks).ToList();
        var range = TreeLayout.RewardRange(file);

        var html = new StringBuilder();
        html.Append("<div class=\"tree-view\"><div class=\"tree-toolbar\"><label>Task <select id=\"tree-task\">");
        for (int k = 0; k < shown.Count; k++)
        {
            var t = file.Tasks[shown[k]];
            int won = t.Leaves.Count(l => l.Won);
            html.Append(CultureInfo.InvariantCulture,
                $"<option value=\"{k}\">{HtmlEncode(t.Task)} · {HtmlEncode(TreeSvg.Shorten(t.Goal, 60))} · {won}/{t.Leaves.Count} won · {t.Branches.Count} branches</option>");
        }
        html.Append("</select></label>");
        var budget = file.Budget;
        html.Append(CultureInfo.InvariantCulture,
            $"<span class=\"tree-meta\">strategy {HtmlEncode(file.Strategy)}{(budget != null ? $" · M = {budget.Roots}, N = {budget.Leaves}, B = {budget.Factor}" : "")} · iteration {file.Iteration} · seed {file.Seed}");
        if (file.Tasks.Count > shown.Count)
            html.Append(CultureInfo.InvariantCulture, $" · showing {shown.Count} of {file.Tasks.Count} tasks (all in <a href=\"{HtmlEncode(dataFile)}\">{HtmlEncode(dataFile)}</a>)");
        html.Append("</span></div>");
        html.Append(Legend());
        html.Append("<div class=\"tree-body\"><div class=\"tree-canvas\">");
        var data = new List<TaskData>();
        for (int k = 0; k < shown.Count; k++)
        {
            var tree = file.Tasks[shown[k]];
            var layout = new TreeLayout(tree, range);
            html.Append(k == 0 ? "<div class=\"tree-pane\">" : "<div class=\"tree-pane\" hidden>").Append(TreeSvg.Render(tree, layout, k)).Append("</div>");
            data.Add(Data(tree, layout));
        }
        html.Append("</div>").Append(Panel()).Append("</div>");
        html.Append("<script type=\"application/json\" id=\"tree-data\">")
            .Append(JsonSerializer.Serialize(data, Json)) // the default encoder escapes <, > and &, so "</script>" cannot occur
            .Append("</script></div>");
        return html.ToString();
    }

    static string Legend()
    {
        var swatches = new[] { (0.0, "all leaves below lost"), (0.5, "half won"), (1.0, "all won") }
            .Select(s => $"<span><i class=\"dot\" style=\"background:{TreeSvg.Colour(s.Item1)}\"></i>{s.Item2}</span>");
        return "<div class=\"tree-legend\">" + string.Concat(swatches) +
               "<span><i class=\"diamond\"></i>&lt;explore&gt; step (branch point when budget remained)</span>" +
               "<span><i class=\"dot dashed\"></i>invalid format</span>" +
               "<span><i class=\"dot\" style=\"background:#bbbbbb\"></i>no finished leaf below</span>" +
               "<span>click a node for its step</span></div>";
    }

    static string Panel() =>
        "<aside id=\"tree-panel\" class=\"tree-panel\" aria-live=\"polite\"><h3 id=\"panel-title\">Click a node</h3><dl>" +
        Field("action", "Action") + Field("flags", "Step") + Field("outcome", "Leaves below") +
        Field("before", "Decided from (observation)") + Field("response", "Response") + Field("after", "World answered") +
        Field("tokens", "Tokens") + "</dl></aside>";

    static string Field(string id, string label) => $"<dt>{label}</dt><dd id=\"panel-{id}\"></dd>";

    static TaskData Data(TaskTree tree, TreeLayout layout)
    {
        var nodes = new Dictionary<string, NodeData>();
        foreach (var n in tree.Nodes)
        {
            var p = layout[n.Id];
            nodes[n.Id.ToString(CultureInfo.InvariantCulture)] = new NodeData(
                n.Parent, n.Step, n.Slot, Cut(n.Action), Cut(n.Response), n.Explore, n.Valid, n.Accepted, n.Done,
                Cut(n.Observation), n.PromptTokens, n.ResponseTokens, p.LeavesBelow, p.WonBelow, Math.Round(p.MeanRewardBelow, 3),
                n.Leaf is { } l ? new LeafData(l.Reward, l.Won, l.Truncated) : null);
        }
        return new TaskData(tree.Task, tree.TaskType, Cut(tree.Goal), Cut(tree.InitialObservation),
            tree.Leaves.Count, tree.Leaves.Count(l => l.Won), tree.Branches.Count, nodes);
    }

    static string Cut(string s) => s.Length <= MaxText ? s : s[..MaxText] + $"… ({s.Length - MaxText} more characters in the data file)";

    sealed record TaskData(string Id, string TaskType, string Goal, string Initial, int Leaves, int Won, int Branches, Dictionary<string, NodeData> Nodes);

    sealed record NodeData(int? Parent, int Step, int Slot, string Action, string Response, bool Explore, bool Valid, bool Accepted,
        bool Done, string Observation, int PromptTokens, int ResponseTokens, int LeavesBelow, int WonBelow, double MeanReward, LeafData? Leaf);

    sealed record LeafData(double Reward, bool Won, bool Truncated);
}
