using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>
/// power-component (3-1; the original's <c>TaskElectricCircuit</c>): turn on a light bulb, motor or buzzer
/// in the workshop with the battery and wires; 5 parts × 2 renewable × 2 non-renewable generators (present
/// as distractors) = 20 variations.
/// </summary>
internal sealed class PowerComponentTask : TaskType
{
    public override string Name => "power-component";
    public override string Id => "3-1";
    public override string Topic => "Electricity";
    public override int VariationCount => 20;

    static readonly string[] Parts = ["red light bulb", "green light bulb", "blue light bulb", "electric motor", "electric buzzer"];

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        int part = variation / 4, renewable = variation / 2 % 2, fuel = variation % 2;
        int battery = Things.Battery(w);
        int[] components =
        [
            Things.LightBulb(w, "red"), Things.LightBulb(w, "green"), Things.LightBulb(w, "blue"),
            Things.ElectricMotor(w), Things.ElectricBuzzer(w),
        ];
        int[] renewables = [Things.SolarPanel(w), Things.WindGenerator(w)];
        int[] fuels = [Things.FuelGenerator(w, "gas generator"), Things.FuelGenerator(w, "nuclear generator")];
        var objects = new TaskObjects().Add(battery, "battery", "workshop");
        foreach (int c in components) objects.Add(c, w.NameOf(c), "workshop");
        objects.Add(renewables[renewable], w.NameOf(renewables[renewable]), "workshop");
        objects.Add(fuels[fuel], w.NameOf(fuels[fuel]), "workshop");
        return objects.Fact("part", Parts[part]);
    }

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        string part = objects.Facts["part"];
        var ordered = new Goal[]
        {
            new GoalFind(part, "focus on task object"),
            new GoalActivateDevice(part, "power task object"),
        };
        var unordered = new Goal[]
        {
            new GoalMoveToNewLocation("", "move to a new location") { IsOptional = true },
            new GoalInRoomWithObject(part, "be in same location as part to power") { IsOptional = true },
            new GoalObjectConnectedToWire(part, first: true, "Connect the task object's (terminal1/anode) to a wire"),
            new GoalObjectConnectedToWire(part, first: false, "Connect the task object's (terminal2/cathode) to a wire"),
            new GoalWireConnectsObjectAndPowerSource(part, "Task object is at least partially connected to power source through wire"),
        };
        return new TaskSetup(Description(variation), new GoalSequence(ordered, unordered), objects.Facts);
    }

    public override string Description(int variation)
    {
        string part = Parts[variation / 4];
        return "Your task is to turn on the " + part + ". First, focus on the " + part + ". Then, create an electrical circuit that powers it on.";
    }
}
