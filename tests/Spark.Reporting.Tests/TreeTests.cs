using Spark.Core.Configuration;
using Spark.Reporting.Trees;

namespace Spark.Reporting.Tests;

public sealed class TreeTests
{
    static RolloutTreesFile Sample() => RolloutTreesFile.Read(SampleInputs.TreesFile);

    [Fact]
    public void Reads_the_rollout_trees_schema()
    {
        var file = Sample();
        Assert.Equal("spark", file.Strategy);
        Assert.Equal((2, 4, 2), (file.Budget!.Roots, file.Budget.Leaves, file.Budget.Factor));
        var task = file.Tasks[1];
        Assert.Equal("alfworld/train/7", task.Task);
        Assert.Null(task.Nodes[0].Parent);
        Assert.Equal(4, task.Nodes[7].Parent);
        Assert.True(task.Nodes[8].Leaf!.Won);
        Assert.Equal([1, 3, 6, 11, 14], task.Leaves[3].Path);
    }

    [Fact]
    public void Layout_gives_each_leaf_a_row_and_runs_a_trajectory_straight()
    {
        var file = Sample();
        var task = file.Tasks[1];
        var layout = new TreeLayout(task, TreeLayout.RewardRange(file));
        var leafRows = task.Leaves.Select(l => layout[l.Path[^1]].Row).ToList();
        Assert.Equal(leafRows.Count, leafRows.Distinct().Count());
        Assert.Equal(4, layout.RowCount);
        Assert.Equal(6, layout.ColumnCount); // task column + steps 0..4
        // Slot 0 continues on its root's row; the child branched at node 0 (slot 2) forks below it.
        Assert.Equal(layout[0].Row, layout[8].Row);
        Assert.True(layout[4].Row > layout[2].Row);
        Assert.Equal(layout[6].Row, layout[9].Row);
        foreach (var n in task.Nodes) Assert.Equal(n.Step + 1, layout[n.Id].Column);
    }

    [Fact]
    public void Nodes_are_coloured_by_the_mean_reward_of_the_leaves_below()
    {
        var file = Sample();
        var task = file.Tasks[1];
        var layout = new TreeLayout(task, TreeLayout.RewardRange(file));
        Assert.Equal((2, 1, 0.5), (layout[0].LeavesBelow, layout[0].WonBelow, layout[0].Value));
        Assert.Equal(1.0, layout[8].Value);
        Assert.Equal(0.0, layout[6].Value);
        Assert.Equal("#1a9850", TreeSvg.Colour(1));
        Assert.Equal("#d73027", TreeSvg.Colour(0));
        string svg = TreeSvg.Render(task, layout, 0);
        Assert.Contains($"data-node=\"8\"", svg);
        Assert.Contains("won 10", svg);
        Assert.Contains("cut 0", svg);
        Assert.Contains("stroke-dasharray", svg); // node 7 broke the format
    }

    [Fact]
    public void The_view_opens_on_the_most_informative_task_or_the_one_asked_for()
    {
        var file = Sample();
        Assert.Equal(1, TreeView.ChooseTask(file, null));
        Assert.Equal(0, TreeView.ChooseTask(file, "alfworld/train/12"));
        var e = Assert.Throws<ConfigException>(() => TreeView.ChooseTask(file, "alfworld/train/99"));
        Assert.Equal("treeTask", e.Field);
    }

    [Fact]
    public void A_broken_file_is_refused_with_its_reason()
    {
        string json = File.ReadAllText(SampleInputs.TreesFile);
        var e = Assert.Throws<InvalidDataException>(() => RolloutTreesFile.Parse(json.Replace("spark.rollout-trees/1", "spark.rollout-trees/9"), "t.json"));
        Assert.Contains("spark.rollout-trees/9", e.Message);
        e = Assert.Throws<InvalidDataException>(() => RolloutTreesFile.Parse(json.Replace("\"id\": 9, \"parent\": 6", "\"id\": 9, \"parent\": 42"), "t.json"));
        Assert.Contains("node 9 has parent 42", e.Message);
        e = Assert.Throws<InvalidDataException>(() => RolloutTreesFile.Parse("{ not json", "t.json"));
        Assert.StartsWith("t.json", e.Message);
    }

    [Fact]
    public void Text_from_the_model_cannot_break_out_of_the_page()
    {
        var file = Sample();
        var task = file.Tasks[1];
        var evil = task with { Nodes = [.. task.Nodes.Select(n => n.Id == 8 ? n with { Action = "</script><script>alert(1)</script>", Response = "<b>x</b>" } : n)] };
        var html = TreeView.Html(file with { Tasks = [evil] }, null, "data/trees.json");
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>x</b>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
    }
}
