using Spark.Core.Configuration;
using Spark.Environments.ScienceWorld.Tasks;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld;

/// <summary>Builds the episode of a task variation: task objects, the house, placement, simplifications.</summary>
internal static class WorldFactory
{
    public static Episode Build(TaskType task, int variation, Simplifications simplifications)
    {
        var shared = new WorldShared { Simplifications = simplifications };
        var world = new SimWorld(shared)
        {
            BeeRandom = (ulong)(variation + 1) * 0x9E3779B97F4A7C15UL | 1,
        };
        var objects = task.CreateObjects(world, variation);
        var house = HouseBuilder.Build(world, variation);
        var setup = task.Setup(world, house, objects, variation);
        ApplyAtStart(world, simplifications);
        Objects.Referents.WarmAll(world); // clones (every Reset) then share the parser's names
        return new Episode(world, setup);
    }

    /// <summary>The simplifications the original runs once at initialization: open doors and containers.</summary>
    static void ApplyAtStart(SimWorld w, Simplifications s)
    {
        for (int id = 0; id < w.Count; id++)
        {
            if ((s & Simplifications.OpenDoors) != 0 && KindFacts.IsPortal(w.KindOf(id))) w.SetOpen(id, true);
            if ((s & Simplifications.OpenContainers) != 0 && w.Has(id, ObjFlags.Container) && w.Has(id, ObjFlags.Holds) && w.Has(id, ObjFlags.Closable))
                w.SetOpen(id, true);
        }
    }

    static readonly (string Label, Simplifications Flag)[] Labels =
    [
        ("teleportAction", Simplifications.TeleportAction),
        ("openDoors", Simplifications.OpenDoors),
        ("selfWateringFlowerPots", Simplifications.SelfWateringFlowerPots),
        ("noElectricalAction", Simplifications.NoElectricalAction),
        ("openContainers", Simplifications.OpenContainers),
    ];

    /// <summary>Parses the original's simplification string: "easy", "" or comma-separated labels.</summary>
    public static Simplifications ParseSimplifications(string text, string taskName)
    {
        bool electrical = taskName.Contains("power-component", StringComparison.Ordinal) || taskName.Contains("conductivity", StringComparison.Ordinal);
        if (text.Trim() == "easy")
        {
            var easy = Simplifications.TeleportAction | Simplifications.OpenDoors | Simplifications.SelfWateringFlowerPots;
            return electrical ? easy : easy | Simplifications.NoElectricalAction;
        }
        var result = Simplifications.None;
        foreach (var field in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Labels.Where(l => string.Equals(l.Label, field, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (match.Length == 0)
                throw new ConfigException("simplifications", $"unknown simplification '{field}'; known: easy, {string.Join(", ", Labels.Select(l => l.Label))}");
            result |= match[0].Flag;
        }
        // The original refuses noElectricalAction for these tasks; a suite mixes task types, so it is dropped
        // for them, as "easy" does.
        return electrical ? result & ~Simplifications.NoElectricalAction : result;
    }
}
