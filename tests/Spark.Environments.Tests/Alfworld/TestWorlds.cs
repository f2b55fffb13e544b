using Spark.Core.Environments;
using Spark.Environments.Alfworld;
using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.Engine;
using Spark.Environments.Alfworld.Expert;
using Spark.Environments.Alfworld.Tasks;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Tests.Alfworld;

/// <summary>Hand-made worlds for engine tests: receptacles with their contents, written as text.</summary>
internal static class TestWorlds
{
    /// <summary>A world from ("cabinet 1", openable, ["mug 1", …]) rows; lamps of the goal's lamp class can be toggled.</summary>
    public static AlfworldEnvironment Make(string goal, AlfworldGrammar grammar, int maxSteps, params (string Receptacle, bool Openable, string[] Contents)[] rows)
    {
        var g = Goal.FromText(goal);
        var receptacles = rows.Select((r, i) => new ReceptacleSpec(
            AlfworldCatalog.Receptacle(ObservationText.ClassOf(r.Receptacle)), Number(r.Receptacle), r.Openable, 10 + i)).ToList();
        var objects = rows.SelectMany((r, i) => r.Contents.Select(o =>
        {
            var cls = AlfworldCatalog.Object(ObservationText.ClassOf(o));
            return new ObjectSpec(cls, Number(o), i, Toggleable: g.Kind == TaskKind.LookAtObjInLight && cls == g.Lamp);
        })).ToList();
        var info = new TaskInfo("alfworld", "test", 0, TaskKinds.TypeName(g.Kind), goal + ".");
        return new AlfworldEnvironment(new WorldLayout(info, g, receptacles, objects), grammar, maxSteps);
    }

    /// <summary>A kitchen with every kind of receptacle state: closed cabinet 1, open-shelved cabinet 2,
    /// countertop 1 with an apple, a knife and a mug, the appliances, and a desk with a desk lamp.</summary>
    public static AlfworldEnvironment Kitchen(string goal = "put a hot apple in diningtable", AlfworldGrammar grammar = AlfworldGrammar.V03, int maxSteps = 50) =>
        Make(goal, grammar, maxSteps,
            ("cabinet 1", true, ["bowl 1", "plate 2"]),
            ("cabinet 2", false, []),
            ("countertop 1", false, ["apple 1", "knife 1", "mug 2"]),
            ("desk 1", false, ["desklamp 1", "pen 1"]),
            ("diningtable 1", false, ["bread 1"]),
            ("drawer 1", true, []),
            ("fridge 1", true, ["potato 1", "tomato 2"]),
            ("microwave 1", true, []),
            ("sinkbasin 1", false, []));

    static int Number(string entity) => int.Parse(entity[(entity.LastIndexOf(' ') + 1)..]);
}
