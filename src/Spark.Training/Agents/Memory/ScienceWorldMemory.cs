using System.Text.RegularExpressions;

namespace Spark.Training.Agents.Memory;

/// <summary>
/// ScienceWorld memory line: the rooms visited, what the inventory holds, and what was focused on.
/// Reads the feedback sentences of envs.md §3.3 ("This room is called the kitchen.", "You move to the …",
/// "You move the X to the inventory.", "In your inventory, you see:", "You focus on the X.").
/// Example: <c>rooms kitchen, hallway; inventory: thermometer; focused on: water</c>.
/// </summary>
public sealed partial class ScienceWorldMemory : IMemoryTracker
{
    readonly List<string> _rooms = [];
    readonly List<string> _inventory = [];
    readonly List<string> _focused = [];

    public void Start(string observation) => Read(observation);

    public void Record(string before, string action, string after) => Read(after);

    public string Render()
    {
        var parts = new List<string>();
        if (_rooms.Count > 0) parts.Add("rooms " + string.Join(", ", _rooms));
        if (_inventory.Count > 0 || parts.Count > 0)
            parts.Add("inventory: " + (_inventory.Count == 0 ? "nothing" : string.Join(", ", _inventory)));
        if (_focused.Count > 0) parts.Add("focused on: " + string.Join(", ", _focused));
        return string.Join("; ", parts);
    }

    public IMemoryTracker Clone()
    {
        var copy = new ScienceWorldMemory();
        copy._rooms.AddRange(_rooms);
        copy._inventory.AddRange(_inventory);
        copy._focused.AddRange(_focused);
        return copy;
    }

    void Read(string text)
    {
        foreach (Match m in RoomPattern().Matches(text)) AddOnce(_rooms, m.Groups["room"].Value);

        var inventory = text.IndexOf("In your inventory, you see:", StringComparison.Ordinal);
        if (inventory >= 0)
        {
            _inventory.Clear();
            foreach (var line in text[inventory..].Split('\n').Skip(1))
            {
                if (!line.StartsWith('\t')) break;
                string item = line.Trim();
                if (item.Length > 0 && item != "nothing") _inventory.Add(item);
            }
        }

        foreach (Match m in MovePattern().Matches(text))
        {
            string obj = m.Groups["obj"].Value, to = m.Groups["to"].Value;
            if (to == "inventory") AddOnce(_inventory, obj);
            else _inventory.Remove(obj);
        }
        foreach (Match m in FocusPattern().Matches(text)) AddOnce(_focused, m.Groups["obj"].Value);
    }

    static void AddOnce(List<string> list, string item)
    {
        if (!list.Contains(item)) list.Add(item);
    }

    [GeneratedRegex(@"(?:This room is called the|This outside location is called the|You move to the|You teleport to the|You move through the [^.\n]+? to the) (?<room>[^.\n]+?)\.")]
    private static partial Regex RoomPattern();

    [GeneratedRegex(@"You move the (?<obj>[^.\n]+?) to the (?<to>[^.\n]+?)\.")]
    private static partial Regex MovePattern();

    [GeneratedRegex(@"You focus on the (?<obj>[^.\n]+?)\.")]
    private static partial Regex FocusPattern();
}
