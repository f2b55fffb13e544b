using System.Globalization;
using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>
/// use-thermometer (2-1; the original's <c>TaskUseInstrumentThermometer</c>): measure an object's
/// temperature and put it in the "above" or "below" box. The original's 27,000 combinations (object × room ×
/// preset × threshold × box pair) are subsampled to 540 within train/dev/test as it does (2%, seed 5).
/// The object's starting temperature (preset ± 50–149 °C) comes from a substitute generator, since the
/// original draws it from its global one while constructing every task.
/// </summary>
internal sealed class UseThermometerTask : TaskType
{
    static readonly string[] Rooms = ["living room", "bedroom", "bathroom"];
    static readonly int[] Presets = [-50, 0, 50, 100, 200];
    static readonly string[] Colours = ["red", "green", "blue", "orange", "yellow", "purple"];

    /// <summary>One object entry: its name, room and the preset its temperature is drawn around.</summary>
    sealed record Entry(string Name, string Room, int Preset, int Index);

    static readonly Entry[] Objects = BuildObjects();
    static readonly int[] Combinations = Subsample(Objects.Length * Presets.Length * Rooms.Length * 5, 0.02);

    static Entry[] BuildObjects()
    {
        var list = new List<Entry>();
        foreach (var room in Rooms)
            foreach (int preset in Presets)
            {
                list.Add(new Entry("sodium chloride", room, preset, list.Count));
                list.Add(new Entry("metal fork", room, preset, list.Count));
                list.Add(new Entry("wood", room, preset, list.Count));
                list.Add(new Entry("wire", room, preset, list.Count));
                for (int i = 0; i < 20; i++) list.Add(new Entry("unknown substance B", room, preset, list.Count));
            }
        return [.. list.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Index)];
    }

    /// <summary>The original's <c>subsampleWithinTrainDevTest</c>: a fixed-seed shuffle of each half/quarter, truncated.</summary>
    internal static int[] Subsample(int count, double proportion)
    {
        int trainEnd = (int)Math.Floor(count * 0.5), devEnd = (int)Math.Floor(count * 0.75);
        var rng = new JavaRandom(5);
        IEnumerable<int> Take(int from, int to) => rng.Shuffle(Enumerable.Range(from, to - from)).Take((int)((to - from) * proportion));
        return [.. Take(0, trainEnd), .. Take(trainEnd, devEnd), .. Take(devEnd, count)];
    }

    public override string Name => "use-thermometer";
    public override string Id => "2-1";
    public override string Topic => "Measurement";
    public override int VariationCount => Combinations.Length;

    (Entry Obj, int Threshold, string Above, string Below, string BoxRoom) Parameters(int variation)
    {
        int combination = Combinations[variation];
        int box = combination % 15, threshold = combination / 15 % Presets.Length, obj = combination / 75;
        return (Objects[obj], Presets[threshold], Colours[box % 5] + " box", Colours[box % 5 + 1] + " box", Rooms[box / 5]);
    }

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        var (entry, threshold, above, below, boxRoom) = Parameters(variation);
        var rng = TaskObjectsFactory.Substitute(variation, 2);
        int delta = rng.NextInt(100) + 50;
        if (rng.NextBoolean()) delta = -delta;
        int thermometer = Things.Thermometer(w);
        int obj = entry.Name switch
        {
            "sodium chloride" => Things.Substance(w, Materials.SodiumChloride),
            "metal fork" => w.Create(Kind.Fork, "metal fork", ObjFlags.Movable, Materials.Steel),
            "wood" => Things.Substance(w, Materials.Wood),
            "wire" => Things.Wire(w, "wire"),
            _ => w.Create(Kind.UnknownSubstance, "unknown substance B", ObjFlags.Movable, Materials.Metal),
        };
        w[obj].Temperature = Math.Floor(entry.Preset + (double)delta);
        int boxA = Things.AnswerBox(w, above.Split(' ')[0]), boxB = Things.AnswerBox(w, below.Split(' ')[0]);
        var objects = new TaskObjects().Add(thermometer, "thermometer", "kitchen");
        if (entry.Name == "sodium chloride") objects.Force(obj, entry.Name, entry.Room);
        else objects.Add(obj, entry.Name, entry.Room);
        return objects.Add(boxA, above, boxRoom).Add(boxB, below, boxRoom)
            .Fact("object", entry.Name).Fact("location", entry.Room).Fact("threshold", threshold.ToString(CultureInfo.InvariantCulture))
            .Fact("above", above).Fact("below", below).Fact("boxRoom", boxRoom);
    }

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        var f = objects.Facts;
        string obj = f["object"];
        double threshold = double.Parse(f["threshold"], CultureInfo.InvariantCulture);
        var ordered = new Goal[]
        {
            new GoalFind("thermometer", "focus on instrument") { DefocusOnSuccess = true },
            new GoalFind(obj, "focus on object"),
            new GoalContainerByTemperature(threshold, f["above"], f["below"], "move object to correct answer box"),
        };
        var unordered = new Goal[]
        {
            new GoalInRoomWithObject("thermometer", "be in same location as thermometer") { IsOptional = true },
            new GoalSpecificObjectInDirectContainer("inventory", ["thermometer"], "have thermometer in inventory") { IsOptional = true },
            new GoalMoveToNewLocation("", "move to a new location") { IsOptional = true },
            new GoalMoveToLocation(f["location"], "move to the location asked by the task (object location)") { IsOptional = true, Key = "move1" },
            new GoalMoveToLocation(f["boxRoom"], "move to the location asked by the task (answer box location)") { IsOptional = true, Key = "move2", Prerequisites = ["move1"] },
            new GoalSpecificObjectInDirectContainer("inventory", [obj], "have task object in inventory") { IsOptional = true },
            new GoalPastActionUse("thermometer", obj, "use instrument on object") { IsOptional = true },
            new GoalPastActionUse("thermometer", obj, "use instrument on object (in answer box location)") { IsOptional = true, Prerequisites = ["move2"] },
        };
        return new TaskSetup(Description(variation), new GoalSequence(ordered, unordered), f);
    }

    public override string Description(int variation)
    {
        var (entry, threshold, above, below, boxRoom) = Parameters(variation);
        string t = threshold.ToString("0.0", CultureInfo.InvariantCulture), o = entry.Name;
        return "Your task is to measure the temperature of " + o + ", which is located around the " + entry.Room + ". "
               + "First, focus on the thermometer. Next, focus on the " + o + ". "
               + "If the " + o + " temperature is above " + t + " degrees celsius, place it in the " + above + ". "
               + "If the " + o + " temperature is below " + t + " degrees celsius, place it in the " + below + ". "
               + "The boxes are located around the " + boxRoom + ".";
    }
}
