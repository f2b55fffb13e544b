using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

internal enum StateChange : byte { Any, Melt, Boil, Freeze }

/// <summary>
/// boil, melt, freeze, change-the-state-of-matter-of (1-1 … 1-4; the original's <c>TaskChangeOfState</c>):
/// 15 substances (water, water with the kitchen sink broken, ice, juices, chocolate, marshmallow, ice cream,
/// soap, rubber, lead, tin, mercury, gallium, caesium) × (stove working, stove broken) = 30 variations.
/// </summary>
internal sealed class ChangeOfStateTask(StateChange mode) : TaskType
{
    const string Kitchen = "kitchen", Workshop = "workshop";
    static readonly string[] KitchenSurfaces = ["cupboard", "table", "desk"];

    static readonly string[] Substances =
    [
        "water", "water", "ice", "orange juice", "apple juice", "chocolate", "marshmallow", "ice cream",
        "soap", "rubber", "lead", "tin", "mercury", "gallium", "caesium",
    ];

    public override string Name => mode switch
    {
        StateChange.Melt => "melt",
        StateChange.Boil => "boil",
        StateChange.Freeze => "freeze",
        _ => "change-the-state-of-matter-of",
    };

    public override string Id => mode switch { StateChange.Boil => "1-1", StateChange.Melt => "1-2", StateChange.Freeze => "1-3", _ => "1-4" };
    public override string Topic => "Matter";
    public override int VariationCount => 30;

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        int substance = variation / 2;
        var objects = new TaskObjects();
        // Cup types the original draws from its global generator while constructing every task.
        var substitute = TaskObjectsFactory.Substitute(variation, 1);
        int Cup(int liquid) => Things.RandomLiquidCup(w, substitute.NextInt(7), liquid);
        switch (substance)
        {
            case 1: objects.Disable("sink", Kitchen); break;
            case 2: objects.Add(Things.Ice(w), "ice", Kitchen, "freezer"); break;
            case 3: objects.Add(Cup(Things.Substance(w, Materials.OrangeJuice, Kind.Juice)), "orange juice", Kitchen, "fridge"); break;
            case 4: objects.Add(Cup(Things.Substance(w, Materials.AppleJuice, Kind.Juice)), "apple juice", Kitchen, "fridge"); break;
            case 5: objects.Add(Things.Substance(w, Materials.Chocolate, Kind.Sweet), "chocolate", Kitchen, "fridge"); break;
            case 6: objects.Add(Things.Substance(w, Materials.Marshmallow, Kind.Sweet), "marshmallow", Kitchen, KitchenSurfaces); break;
            case 7: objects.Add(Cup(Things.Substance(w, Materials.IceCream, Kind.Sweet)), "ice cream", Kitchen, "freezer"); break;
            case 8: objects.Add(Things.Substance(w, Materials.Soap), "soap", Kitchen, KitchenSurfaces); break;
            case 9: objects.Add(Things.Substance(w, Materials.Rubber), "rubber", Workshop, "table", "desk"); break;
            case >= 10:
            {
                var metal = substance switch
                {
                    10 => Materials.Lead, 11 => Materials.Tin, 12 => Materials.Mercury, 13 => Materials.Gallium, _ => Materials.Caesium,
                };
                objects.Force(Cup(Things.Substance(w, metal)), metal.SubstanceName, Workshop, "table", "desk");
                break;
            }
        }
        if (variation % 2 == 1) objects.Disable("stove", Kitchen);
        return objects.Fact("substance", Substances[substance]).Fact("stoveBroken", variation % 2 == 1 ? "yes" : "no")
            .Fact("sinkBroken", substance == 1 ? "yes" : "no");
    }

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        string name = objects.Facts["substance"];
        var ordered = mode switch
        {
            StateChange.Melt => new Goal[] { Focus(name), new GoalChangeStateOfMatter(Matter.Solid, "substance is in a solid state"), new GoalChangeStateOfMatter(Matter.Liquid, "substance is in a liquid state") },
            StateChange.Boil => [Focus(name), new GoalChangeStateOfMatter(Matter.Liquid, "substance is in a liquid state"), new GoalChangeStateOfMatter(Matter.Gas, "substance is in a gaseous state (or combusting)", combustionAllowed: true)],
            StateChange.Freeze => [Focus(name), new GoalChangeStateOfMatter(Matter.Liquid, "substance is in a liquid state"), new GoalChangeStateOfMatter(Matter.Solid, "substance is in a solid state")],
            _ => [Focus(name), new GoalIsStateOfMatter("substance is in any state"), new GoalIsDifferentStateOfMatter("substance is in a different state")],
        };
        return new TaskSetup(Description(variation), new GoalSequence(ordered, Unordered(name)), objects.Facts);
    }

    static Goal Focus(string name) => new GoalFind(name, "focus on substance");

    Goal[] Unordered(string name)
    {
        var goals = new List<Goal>
        {
            new GoalInRoomWithObject(name, "be in same location as " + name) { IsOptional = true },
            new GoalObjectsInSingleContainer([name], "have substance alone in a single container") { IsOptional = true },
        };
        if (mode != StateChange.Freeze)
        {
            foreach (var device in new[] { "stove", "blast furnace", "oven", "hot plate" })
                goals.Add(new GoalActivateDeviceWithName(device, $"activate heater ({device})") { IsOptional = true });
            goals.Add(new GoalSpecificObjectInDirectContainer("inventory", ["lighter"], "have lighter in inventory") { IsOptional = true });
            goals.Add(new GoalSpecificObjectInDirectContainer("fire pit", ["wood"], "move wood into fire pit") { IsOptional = true, Key = "wood1" });
            goals.Add(new GoalTemperatureOnFire("wood", "ignite wood") { IsOptional = true, Key = "ignite", Prerequisites = ["wood1"] });
            foreach (var heater in new[] { "stove", "blast furnace", "oven", "hot plate", "fire pit" })
                goals.Add(new GoalObjectInContainer(heater, $"have object on heater ({heater})") { IsOptional = true });
        }
        if (mode is StateChange.Freeze or StateChange.Any)
        {
            goals.Add(new GoalObjectInContainer("fridge", "have object in cooler (fridge)") { IsOptional = true });
            goals.Add(new GoalObjectInContainer("freezer", "have object in cooler (freezer)") { IsOptional = true });
        }
        switch (mode)
        {
            case StateChange.Any:
                goals.Add(new GoalTemperatureChange(10, increase: true, "heat object by at least 10C") { IsOptional = true });
                goals.Add(new GoalTemperatureChange(10, increase: false, "cool object by at least 10C") { IsOptional = true });
                break;
            case StateChange.Freeze:
                goals.Add(new GoalTemperatureChange(5, increase: false, "cool object by at least 5C") { IsOptional = true });
                break;
            default:
                goals.Add(new GoalTemperatureChange(20, increase: true, "heat object by at least 20C") { IsOptional = true });
                break;
        }
        return [.. goals];
    }

    public override string Description(int variation)
    {
        string verb = mode switch
        {
            StateChange.Melt => "melt",
            StateChange.Boil => "boil",
            StateChange.Freeze => "freeze",
            _ => "change the state of matter of",
        };
        string text = "Your task is to " + verb + " " + Substances[variation / 2] + ". ";
        if (mode == StateChange.Boil) text += "For compounds without a boiling point, combusting the substance is also acceptable. ";
        return text + "First, focus on the substance. Then, take actions that will cause it to change its state of matter.";
    }
}
