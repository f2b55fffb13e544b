using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>
/// test-conductivity (3-3; the original's <c>TaskElectricalConductivity</c>): decide whether an object
/// conducts electricity and put it in the matching box in the workshop. 12 objects × 3 rooms (sorted by
/// name) × 5 parts to power × 5 box pairs = 900 variations.
/// </summary>
internal sealed class ConductivityTask : TaskType
{
    static readonly string[] Rooms = ["workshop", "kitchen", "living room"];
    static readonly string[] Parts = ["red light bulb", "green light bulb", "blue light bulb", "electric motor", "electric buzzer"];
    static readonly string[] Colours = ["red", "green", "blue", "orange", "yellow", "purple"];
    const string Book = "book (The Foundations of the Origin of Species)";

    /// <summary>The original's substances in its construction order: (name, conducts electricity).</summary>
    static readonly (string Name, bool Conductive)[] Substances =
    [
        ("sodium chloride", false), ("water", false), ("plastic fork", false), ("metal fork", true), ("apricot", false),
        ("shovel", true), ("glass jar", false), ("metal pot", true), (Book, false), ("paper clip", true),
        ("wood block", false), ("aluminum foil", true),
    ];

    /// <summary>(substance index, room) pairs sorted by substance name, as the original sorts them.</summary>
    static readonly (int Substance, string Room)[] Entries =
        [.. Rooms.SelectMany(room => Substances.Select((_, i) => (Substance: i, Room: room))).OrderBy(e => Substances[e.Substance].Name, StringComparer.Ordinal)];

    public override string Name => "test-conductivity";
    public override string Id => "3-3";
    public override string Topic => "Electricity";
    public override int VariationCount => Entries.Length * Parts.Length * 5;

    static (int Substance, string Room, string Part, string Conductive, string NonConductive) Parameters(int variation)
    {
        var (substance, room) = Entries[variation / 25];
        int box = variation % 5;
        return (substance, room, Parts[variation / 5 % 5], Colours[box] + " box", Colours[box + 1] + " box");
    }

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        var (substance, room, part, conductive, nonConductive) = Parameters(variation);
        var (name, isConductive) = Substances[substance];
        int battery = Things.Battery(w);
        int partObj = part switch
        {
            "electric motor" => Things.ElectricMotor(w),
            "electric buzzer" => Things.ElectricBuzzer(w),
            _ => Things.LightBulb(w, part.Split(' ')[0]),
        };
        int boxC = Things.AnswerBox(w, conductive.Split(' ')[0]), boxNC = Things.AnswerBox(w, nonConductive.Split(' ')[0]);
        var objects = new TaskObjects().Add(battery, "battery", "workshop").Add(partObj, part, "workshop")
            .Add(boxC, conductive, "workshop").Add(boxNC, nonConductive, "workshop");
        int obj = Create(w, name);
        if (obj >= 0) objects.Force(obj, name, room);
        return objects.Fact("substance", name).Fact("location", room).Fact("part", part)
            .Fact("conductive", conductive).Fact("nonconductive", nonConductive)
            .Fact("answer", isConductive ? conductive : nonConductive);
    }

    static int Create(SimWorld w, string name) => name switch
    {
        "sodium chloride" => Things.Substance(w, Materials.SodiumChloride),
        "water" => -1,
        "plastic fork" => w.Create(Kind.Fork, name, ObjFlags.Movable, Materials.Plastic),
        "metal fork" => w.Create(Kind.Fork, name, ObjFlags.Movable, Materials.Steel),
        "apricot" => Things.Fruit(w, "apricot", Materials.PlantMatter),
        "shovel" => Things.Shovel(w),
        "glass jar" => Things.GlassJar(w),
        "metal pot" => Things.MetalPot(w),
        Book => Things.Book(w, "The Foundations of the Origin of Species", "Charles Darwin"),
        "paper clip" => w.Create(Kind.PaperClip, name, ObjFlags.Movable, Materials.Steel),
        "wood block" => Things.Substance(w, Materials.Wood, Kind.Block, "wood block"),
        _ => w.Create(Kind.AluminumFoil, name, ObjFlags.Movable, Materials.Aluminum),
    };

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        return new TaskSetup(Description(variation), Goals(objects.Facts), objects.Facts);
    }

    /// <summary>The goal sequence of both conductivity tasks (known and unknown substances).</summary>
    internal static GoalSequence Goals(IReadOnlyDictionary<string, string> f)
    {
        string name = f["substance"], answer = f["answer"];
        string wrong = answer == f["conductive"] ? f["nonconductive"] : f["conductive"];
        var ordered = new Goal[]
        {
            new GoalFind(name, "focus on task object"),
            new GoalObjectInContainer(answer, "put object in correct container", wrong),
        };
        var unordered = new Goal[]
        {
            new GoalMoveToNewLocation("", "move to a new location") { IsOptional = true },
            new GoalInRoomWithObject(name, "be in same location as part to power") { IsOptional = true },
            new GoalObjectConnectedToWire(name, first: true, "connect the task object's (terminal1/anode) to a wire"),
            new GoalObjectConnectedToWire(name, first: false, "connect the task object's (terminal2/cathode) to a wire"),
            new GoalWireConnectsObjectAndPowerSource(name, "task object is at least partially connected to power source through wire"),
            new GoalWireConnectsToLightBulb(name, "task object is at least partially connected to a light bulb through wire"),
            new GoalWireConnectsToLightBulb(null, "light bulb is at least partially connected to a power source through wire"),
        };
        return new GoalSequence(ordered, unordered);
    }

    internal static string Describe(string name, string room, string conductive, string nonConductive) =>
        "Your task is to determine if " + name + " is electrically conductive. The " + name + " is located around the " + room + ". "
        + "First, focus on the " + name + ". If it is electrically conductive, place it in the " + conductive + ". "
        + "If it is electrically nonconductive, place it in the " + nonConductive + ".";

    public override string Description(int variation)
    {
        var (substance, room, _, conductive, nonConductive) = Parameters(variation);
        return Describe(Substances[substance].Name, room, conductive, nonConductive);
    }
}
