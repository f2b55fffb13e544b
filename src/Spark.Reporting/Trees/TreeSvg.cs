using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace Spark.Reporting.Trees;

/// <summary>
/// Draws one task's tree as inline SVG: a node per step (circle; a diamond where the response fired
/// <c>&lt;explore&gt;</c>; dashed outline when the response broke the format), coloured by the mean reward of
/// the leaves below it, and each leaf's outcome written after it. Every node carries <c>data-node</c> so the
/// page's script can show its details.
/// </summary>
public static class TreeSvg
{
    const double Dx = 30, Dy = 26, Radius = 8, Left = 40, Top = 20, LabelRoom = 70;

    public static string Render(TaskTree tree, TreeLayout layout, int taskIndex)
    {
        double width = Left + (layout.ColumnCount - 1) * Dx + LabelRoom;
        double height = Top * 2 + (layout.RowCount - 1) * Dy;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"tree-svg\" data-task=\"{taskIndex}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"group\" aria-label=\"rollout tree of {HtmlEncode(tree.Task)}\">");

        // Edges first, so nodes are drawn over them.
        svg.Append("<g class=\"edges\">");
        var taskXY = (X: X(0), Y: Y(layout.TaskRow));
        foreach (var n in tree.Nodes)
        {
            var p = layout[n.Id];
            var from = n.Parent is int parent ? (X(layout[parent].Column), Y(layout[parent].Row)) : taskXY;
            svg.Append(Edge(from, (X(p.Column), Y(p.Row))));
        }
        svg.Append("</g>");

        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"node task-node\" data-node=\"task\" tabindex=\"0\" role=\"button\"><title>{HtmlEncode(tree.Goal)}</title>" +
            $"<rect x=\"{N(taskXY.X - 11)}\" y=\"{N(taskXY.Y - 11)}\" width=\"22\" height=\"22\" rx=\"5\" fill=\"#4a5568\"/></g>");

        foreach (var n in tree.Nodes)
        {
            var p = layout[n.Id];
            double x = X(p.Column), y = Y(p.Row);
            string fill = p.Value is double v ? Colour(v) : "#bbbbbb";
            string dash = n.Valid ? "" : " stroke-dasharray=\"3 2\"";
            string label = $"step {n.Step}, slot {n.Slot}: {Shorten(n.Action, 80)}{(n.Explore ? " (explore)" : "")}";
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"node{(n.Explore ? " explore" : "")}\" data-node=\"{n.Id}\" tabindex=\"0\" role=\"button\" aria-label=\"{HtmlEncode(label)}\"><title>{HtmlEncode(label)}</title>");
            svg.Append(n.Explore
                ? $"<rect x=\"{N(x - Radius)}\" y=\"{N(y - Radius)}\" width=\"{N(2 * Radius)}\" height=\"{N(2 * Radius)}\" transform=\"rotate(45 {N(x)} {N(y)})\" fill=\"{fill}\"{dash}/>"
                : $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(Radius)}\" fill=\"{fill}\"{dash}/>");
            svg.Append("</g>");
            if (n.Leaf is { } leaf)
            {
                string outcome = leaf.Won ? "won" : leaf.Truncated ? "cut" : "lost";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text class=\"leaf-label {outcome}\" x=\"{N(x + Radius + 5)}\" y=\"{N(y + 4)}\">{outcome} {N(leaf.Reward)}</text>");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Red (0) through yellow (0.5) to green (1), the report's reward scale.</summary>
    public static string Colour(double value)
    {
        (int R, int G, int B) red = (215, 48, 39), yellow = (254, 224, 139), green = (26, 152, 80);
        double t = Math.Clamp(value, 0, 1);
        var (a, b, u) = t < 0.5 ? (red, yellow, t / 0.5) : (yellow, green, (t - 0.5) / 0.5);
        int Mix(int from, int to) => (int)Math.Round(from + (to - from) * u);
        return $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}";
    }

    public static string Shorten(string text, int max)
    {
        string flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }

    static string Edge((double X, double Y) a, (double X, double Y) b)
    {
        if (Math.Abs(a.Y - b.Y) < 0.01) return $"<line x1=\"{N(a.X)}\" y1=\"{N(a.Y)}\" x2=\"{N(b.X)}\" y2=\"{N(b.Y)}\"/>";
        double mid = (a.X + b.X) / 2;
        return $"<path d=\"M{N(a.X)} {N(a.Y)} C{N(mid)} {N(a.Y)} {N(mid)} {N(b.Y)} {N(b.X)} {N(b.Y)}\"/>";
    }

    static double X(int column) => Left + column * Dx;
    static double Y(double row) => Top + row * Dy;
    static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
