using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>
/// identify-life-stages-1 (8-1, animals: one young animal outside that grows through its stages, among
/// five distractor animals; 14 variations, order shuffled with a fixed seed) and identify-life-stages-2
/// (8-2, plants: one self-watering pot per life stage of a fruit tree, plus one distractor animal at every
/// stage; 10 variations). The original's tasks.json swaps their "plant"/"animal" labels; the code is followed.
/// </summary>
internal sealed class LifeStagesTask(bool plants) : TaskType
{
    static readonly int[] AnimalOrder = new JavaRandom(1).Shuffle(Enumerable.Range(0, 14)).ToArray();
    static readonly int[] PlantDistractorSeeds = [0, 6, 1, 2, 3, 6, 4, 5, 6, 6];

    public override string Name => plants ? "identify-life-stages-2" : "identify-life-stages-1";
    public override string Id => plants ? "8-2" : "8-1";
    public override string Topic => "Biology";
    public override int VariationCount => plants ? 10 : 14;

    static Species AnimalOf(int variation) => LifeCycles.TaskAnimals[AnimalOrder[variation]];

    /// <summary>The stages to focus on: every stage but the last (death).</summary>
    static string[] StagesOf(LifeCycle cycle) => cycle.Stages[..^1].Select(s => s.Name).ToArray();

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        var objects = new TaskObjects().Fact("location", "outside");
        if (!plants)
        {
            var species = AnimalOf(variation);
            int animal = Things.Animal(w, species);
            objects.Add(animal, species.Name, "outside").Fact("animal", species.Name).Fact("stages", string.Join(",", StagesOf(species.Cycle)));
            foreach (int d in TaskObjectsFactory.RandomAnimals(w, 5, AnimalOrder[variation])) objects.Add(d, w.NameOf(d), "outside");
            return objects;
        }

        string fruit = LifeCycles.TreeFruits[variation];
        var tree = LifeCycles.Tree(fruit);
        var stagePlants = Enumerable.Range(0, tree.Cycle.Stages.Length).Select(stage => Things.Plant(w, tree, stage)).ToList();
        var potNumbers = TaskObjectsFactory.PotNumbers(TaskObjectsFactory.Substitute(variation, 8));
        for (int i = 0; i < stagePlants.Count; i++)
        {
            int pot = Things.SelfWateringFlowerPot(w, "self watering flower pot " + potNumbers[i]);
            w.AddChild(pot, Things.Soil(w));
            w.AddChild(pot, stagePlants[i]);
            objects.Force(pot, w.NameOf(pot), "outside");
        }
        objects.Fact("plant", fruit).Fact("stages", string.Join(",", StagesOf(tree.Cycle)));
        // The distractor: one animal species (chosen with the original's seed) at every life stage.
        var all = LifeCycles.TaskAnimals.Select(sp => TaskObjectsFactory.AtEveryStage(w, sp)).ToList();
        foreach (int a in new JavaRandom(PlantDistractorSeeds[variation]).Shuffle(all)[0]) objects.Force(a, w.NameOf(a), "outside");
        return objects;
    }

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        var f = objects.Facts;
        string type = plants ? f["plant"] : f["animal"];
        string what = plants ? "plant" : "animal";
        var ordered = f["stages"].Split(',').Select((stage, i) =>
            (Goal)new GoalFindLivingThingStage(type, stage, $"focus on {what} in life stage {i + 1}") { DefocusOnSuccess = true }).ToArray();
        var unordered = new Goal[]
        {
            // The original passes the plant's name where the location belongs here; kept for identical scores.
            new GoalMoveToNewLocation(plants ? type : "outside", "Move to a new location (unless starting in task location)") { IsOptional = true },
            new GoalMoveToLocation("outside", "Move to the location asked by the task") { IsOptional = true },
            new GoalStayInLocation("outside", 10, "Stay in goal location for 10 steps"),
            new GoalStayInLocation("outside", 20, "Stay in goal location for 20 steps"),
            new GoalStayInLocation("outside", 30, "Stay in goal location for 30 steps"),
        };
        return new TaskSetup(Description(variation), new GoalSequence(ordered, unordered), f);
    }

    public override string Description(int variation)
    {
        if (plants)
            return "Your task is to focus on the life stages of the " + LifeCycles.TreeFruits[variation] + " plant, starting from earliest to latest. The plants are located outside.";
        var species = AnimalOf(variation);
        return "Your task is to focus on the " + StagesOf(species.Cycle).Length + " life stages of the " + species.Name + ", starting from earliest to latest.";
    }
}
