using System.Text;

namespace Spark.Environments.Alfworld.World;

/// <summary>
/// TextWorld's list rendering (textgen display_list): "nothing" when empty, "a X" for one item, and for
/// more ", " between items with ", and " before the last — an Oxford comma even for two.
/// </summary>
internal static class TextLists
{
    public static string Join(IReadOnlyList<string> items)
    {
        if (items.Count == 0) return "nothing";
        var sb = new StringBuilder();
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(i == items.Count - 1 ? ", and " : ", ");
            sb.Append(items[i]);
        }
        return sb.ToString();
    }
}
