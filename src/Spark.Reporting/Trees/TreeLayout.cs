namespace Spark.Reporting.Trees;

/// <summary>Where one node sits and what lies below it.</summary>
/// <param name="Column">Depth: 0 is the task itself, a root's first step is 1.</param>
/// <param name="Row">Its trajectory's row; a node shares the row of its first child, so a trajectory is a straight line.</param>
/// <param name="Value">Mean normalised reward (0 = worst, 1 = best) of the leaves below; null when no leaf passes through it.</param>
public sealed record NodePlace(int Column, double Row, int LeavesBelow, int WonBelow, double MeanRewardBelow, double? Value);

/// <summary>
/// Lays a task's tree out left to right: one column per step, one row per leaf. Children are ordered with the
/// parent's own continuation (same slot) first, then branched children by slot, so a trajectory runs straight
/// and each branch forks downwards from the step that spawned it.
/// </summary>
public sealed class TreeLayout
{
    readonly Dictionary<int, NodePlace> _places = [];

    /// <param name="rewardRange">The reward range colours are scaled to (the whole file's, so tasks compare).</param>
    public TreeLayout(TaskTree tree, (double Min, double Max) rewardRange)
    {
        var children = tree.Nodes.Where(n => n.Parent != null).GroupBy(n => n.Parent!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        var byId = tree.Nodes.ToDictionary(n => n.Id);
        foreach (var (parent, list) in children)
        {
            int slot = byId[parent].Slot;
            list.Sort((a, b) => (a.Slot != slot, a.Slot, a.Id).CompareTo((b.Slot != slot, b.Slot, b.Id)));
        }

        // Leaf statistics per node, from the leaves' root-to-leaf paths.
        var below = new Dictionary<int, (int Leaves, int Won, double Reward, double Norm)>();
        foreach (var leaf in tree.Leaves)
        {
            double norm = rewardRange.Max > rewardRange.Min
                ? (leaf.Reward - rewardRange.Min) / (rewardRange.Max - rewardRange.Min)
                : leaf.Won ? 1 : 0;
            foreach (int id in leaf.Path)
            {
                var b = below.GetValueOrDefault(id);
                below[id] = (b.Leaves + 1, b.Won + (leaf.Won ? 1 : 0), b.Reward + leaf.Reward, b.Norm + norm);
            }
        }

        int nextRow = 0;
        var rows = new Dictionary<int, double>();
        var columns = new Dictionary<int, int>();
        // Iterative post-order walk: trees can be a few hundred steps deep.
        var roots = tree.Nodes.Where(n => n.Parent == null).OrderBy(n => n.Slot).ThenBy(n => n.Id).ToList();
        foreach (var root in roots)
        {
            var stack = new Stack<(TreeNode Node, int Column, bool Expanded)>();
            stack.Push((root, 1, false));
            while (stack.Count > 0)
            {
                var (node, column, expanded) = stack.Pop();
                var kids = children.GetValueOrDefault(node.Id);
                if (kids == null) { rows[node.Id] = nextRow++; columns[node.Id] = column; continue; }
                if (expanded) { rows[node.Id] = rows[kids[0].Id]; columns[node.Id] = column; continue; }
                stack.Push((node, column, true));
                for (int i = kids.Count - 1; i >= 0; i--) stack.Push((kids[i], column + 1, false));
            }
        }

        foreach (var n in tree.Nodes)
        {
            var b = below.GetValueOrDefault(n.Id);
            _places[n.Id] = new NodePlace(columns[n.Id], rows[n.Id], b.Leaves, b.Won,
                b.Leaves > 0 ? b.Reward / b.Leaves : 0, b.Leaves > 0 ? b.Norm / b.Leaves : null);
        }
        RowCount = Math.Max(nextRow, 1);
        ColumnCount = columns.Count == 0 ? 1 : columns.Values.Max() + 1;
        TaskRow = roots.Count == 0 ? 0 : (rows[roots[0].Id] + rows[roots[^1].Id]) / 2;
        Roots = roots.Select(r => r.Id).ToList();
    }

    public NodePlace this[int nodeId] => _places[nodeId];
    public int RowCount { get; }
    /// <summary>Columns including the task column 0.</summary>
    public int ColumnCount { get; }
    /// <summary>The row of the task node: centred on its roots.</summary>
    public double TaskRow { get; }
    public IReadOnlyList<int> Roots { get; }

    /// <summary>The reward range over every leaf of the file.</summary>
    public static (double Min, double Max) RewardRange(RolloutTreesFile file)
    {
        var rewards = file.Tasks.SelectMany(t => t.Leaves).Select(l => l.Reward).ToList();
        return rewards.Count == 0 ? (0, 0) : (rewards.Min(), rewards.Max());
    }
}
