using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>
/// find-living-thing, find-non-living-thing, find-plant, find-animal (4-1 … 4-4; the original's
/// <c>TaskFindLivingNonLiving</c>): 10 sets of three animals outside and three potted adult plants in the
/// greenhouse, times 30 answer boxes (6 colours × 5 rooms) = 300 variations.
/// </summary>
internal sealed class FindTask(LifeClass mode) : TaskType
{
    static readonly string[] Colours = ["red", "green", "blue", "orange", "yellow", "purple"];
    static readonly string[] BoxRooms = ["kitchen", "bathroom", "living room", "bedroom", "workshop"];

    public override string Name => mode switch
    {
        LifeClass.Living => "find-living-thing",
        LifeClass.NonLiving => "find-non-living-thing",
        LifeClass.Plant => "find-plant",
        _ => "find-animal",
    };

    public override string Id => mode switch { LifeClass.Living => "4-1", LifeClass.NonLiving => "4-2", LifeClass.Plant => "4-3", _ => "4-4" };
    public override string Topic => "Classification";
    public override int VariationCount => 300;

    string Subject => mode switch
    {
        LifeClass.Living => "living thing",
        LifeClass.NonLiving => "non-living thing",
        LifeClass.Plant => "plant",
        _ => "animal",
    };

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        int set = variation / 30, box = variation % 30;
        var objects = new TaskObjects();
        foreach (int animal in TaskObjectsFactory.RandomAnimals(w, 3, set)) objects.Add(animal, w.NameOf(animal), "outside");

        var substitute = TaskObjectsFactory.Substitute(variation, 4);
        var potNumbers = TaskObjectsFactory.PotNumbers(substitute);
        var plants = new[] { "apple", "avocado", "banana", "cherry", "lemon", "orange", "peach" }
            .Select(f => Things.Plant(w, LifeCycles.Tree(f), LifeCycles.PlantAdult))
            .Append(Things.Plant(w, LifeCycles.Pea, LifeCycles.PlantAdult)).ToList();
        w[plants[^1]].Counter = substitute.NextInt(4) == 0 ? 0 : 1;  // pea height: tall is dominant
        var pots = new List<int>();
        foreach (int plant in plants)
        {
            int pot = Things.FlowerPot(w, "flower pot");
            w.AddChild(pot, plant);
            w.AddChild(pot, Things.Soil(w));
            pots.Add(pot);
        }
        var chosen = new JavaRandom(set).Shuffle(pots);
        for (int i = 0; i < 3; i++)
        {
            w.Rename(chosen[i], "flower pot " + potNumbers[i]);
            objects.Force(chosen[i], w.NameOf(chosen[i]), "greenhouse");
        }
        for (int i = 3; i < 5; i++)
        {
            int empty = Things.FlowerPot(w, "flower pot " + potNumbers[i]);
            objects.Force(empty, w.NameOf(empty), "greenhouse");
        }

        string colour = Colours[box % 6], room = BoxRooms[box / 6];
        int answerBox = Things.AnswerBox(w, colour);
        objects.Add(answerBox, w.NameOf(answerBox), room);
        return objects.Fact("box", w.NameOf(answerBox)).Fact("boxRoom", room).Fact("subject", Subject);
    }

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        string box = objects.Facts["box"], room = objects.Facts["boxRoom"];
        var ordered = new Goal[]
        {
            new GoalFocusOnClass(mode, "focus on a " + Subject),
            new GoalObjectInContainer(box, "move living thing to answer box"),
        };
        var unordered = new Goal[]
        {
            new GoalObjectInContainer("inventory", "Pick up object"),
            new GoalInRoomWithOpenDoor("Be in a room with an open door") { IsOptional = true },
            new GoalMoveToNewLocation("", "Move to a new location") { IsOptional = true },
            new GoalMoveToLocation(room, "Move to the location of the answer box") { IsOptional = true },
        };
        return new TaskSetup(Description(variation), new GoalSequence(ordered, unordered), objects.Facts);
    }

    public override string Description(int variation)
    {
        int box = variation % 30;
        return "Your task is to find a(n) " + Subject + ". First, focus on the thing. Then, move it to the "
               + Colours[box % 6] + " box in the " + BoxRooms[box / 6] + ".";
    }
}
