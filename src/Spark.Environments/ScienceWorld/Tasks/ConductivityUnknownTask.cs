using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>
/// test-conductivity-of-unknown-substances (3-4; the original's <c>TaskElectricalConductivity2</c>): the same
/// test on "unknown substance X" (24 letters, sorted by name) in the workshop: 24 × 5 parts to power × 5 box
/// pairs = 600 variations. Whether a letter conducts is drawn from the original's global generator while it
/// constructs the task (once per letter, for all variations); a generator seeded with the letter stands in.
/// </summary>
internal sealed class ConductivityUnknownTask : TaskType
{
    static readonly string[] Letters = [.. "BCDEFGHJKLMNOPQRSTUVWXYZ".Select(c => c.ToString())];
    static readonly string[] Parts = ["red light bulb", "green light bulb", "blue light bulb", "electric motor", "electric buzzer"];
    static readonly string[] Colours = ["red", "green", "blue", "orange", "yellow", "purple"];
    const string Location = "workshop";

    public override string Name => "test-conductivity-of-unknown-substances";
    public override string Id => "3-4";
    public override string Topic => "Electricity";
    public override int VariationCount => Letters.Length * Parts.Length * 5;

    static (string Substance, bool Conductive, string Part, string ConductiveBox, string NonConductiveBox) Parameters(int variation)
    {
        int letter = variation / 25, box = variation % 5;
        bool conductive = TaskObjectsFactory.Substitute(letter, 34).NextFloat() >= 0.5f;
        return ("unknown substance " + Letters[letter], conductive, Parts[variation / 5 % 5], Colours[box] + " box", Colours[box + 1] + " box");
    }

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        var (name, isConductive, part, conductive, nonConductive) = Parameters(variation);
        int battery = Things.Battery(w);
        int partObj = part switch
        {
            "electric motor" => Things.ElectricMotor(w),
            "electric buzzer" => Things.ElectricBuzzer(w),
            _ => Things.LightBulb(w, part.Split(' ')[0]),
        };
        int substance = w.Create(Kind.UnknownSubstance, name, ObjFlags.Movable, Materials.Metal with { ElectricallyConductive = isConductive });
        int boxC = Things.AnswerBox(w, conductive.Split(' ')[0]), boxNC = Things.AnswerBox(w, nonConductive.Split(' ')[0]);
        return new TaskObjects().Add(battery, "battery", Location).Add(partObj, part, Location).Add(substance, name, Location)
            .Add(boxC, conductive, Location).Add(boxNC, nonConductive, Location)
            .Fact("substance", name).Fact("location", Location).Fact("part", part)
            .Fact("conductive", conductive).Fact("nonconductive", nonConductive)
            .Fact("answer", isConductive ? conductive : nonConductive);
    }

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        return new TaskSetup(Description(variation), ConductivityTask.Goals(objects.Facts), objects.Facts);
    }

    public override string Description(int variation)
    {
        var (name, _, _, conductive, nonConductive) = Parameters(variation);
        return ConductivityTask.Describe(name, Location, conductive, nonConductive);
    }
}
