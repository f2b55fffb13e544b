using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>
/// chemistry-mix-paint-secondary-color (6-2) and chemistry-mix-paint-tertiary-color (6-3), the original's
/// <c>TaskChemistryMixPaint</c>: mix primary paints into a secondary colour, then (tertiary) mix that with a
/// primary again. 6 colour pairs × 6 extra paint stores = 36 variations (variation = pair × 6 + store).
/// Each store is a paint cupboard, paint closet or desk in the art studio or the workshop (with a mixing
/// container there). The original fills all three with the same three paint objects in turn, so only the
/// desk keeps them; the cupboard's and closet's cups stay empty, and so they are here. Which mixing
/// container goes with which workshop store comes from a shuffle of the original's global generator while
/// it constructs the task; a generator seeded with the variation stands in for it.
/// </summary>
internal sealed class PaintTask(bool tertiary) : TaskType
{
    static readonly string[] Locations = ["art studio", "workshop"];

    /// <summary>(secondary inputs, tertiary inputs, secondary colour, tertiary colour), in the original's order.</summary>
    static readonly (string Secondary, string Tertiary, string SecondaryColour, string TertiaryColour)[] Pairs =
    [
        ("blue paint,yellow paint", "green paint,blue paint", "green paint", "green-blue paint"),
        ("blue paint,yellow paint", "green paint,yellow paint", "green paint", "yellow-green paint"),
        ("red paint,yellow paint", "orange paint,red paint", "orange paint", "red-orange paint"),
        ("red paint,yellow paint", "orange paint,yellow paint", "orange paint", "yellow-orange paint"),
        ("red paint,blue paint", "violet paint,red paint", "violet paint", "violet-red paint"),
        ("red paint,blue paint", "violet paint,blue paint", "violet paint", "blue-violet paint"),
    ];

    public override string Name => tertiary ? "chemistry-mix-paint-tertiary-color" : "chemistry-mix-paint-secondary-color";
    public override string Id => tertiary ? "6-3" : "6-2";
    public override string Topic => "Chemistry";
    public override int VariationCount => Pairs.Length * 6;

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        var pair = Pairs[variation / 6];
        int store = variation % 6;
        string location = Locations[store / 3];
        // The three mixing containers are made (and shuffled) first, whichever store is used.
        int[] mixing = [Things.GlassCup(w), Things.Bowl(w), Things.Jug(w)];
        mixing = [.. TaskObjectsFactory.Substitute(variation, 6).Shuffle(mixing)];
        int[] paints = [Things.Paint(w, "red"), Things.Paint(w, "blue"), Things.Paint(w, "yellow")];
        int furniture = (store % 3) switch
        {
            0 => Store(w, Things.Cupboard(w, "paint cupboard"), paints, Things.WoodCup, keepsPaint: false),
            1 => Store(w, Named(w, Things.Closet(w), "paint closet"), paints, Things.GlassCup, keepsPaint: false),
            _ => Store(w, Things.Desk(w), paints, w2 => Things.Cup(w2, "tin cup", Materials.Tin), keepsPaint: true),
        };
        var objects = new TaskObjects().Add(furniture, w.NameOf(furniture), location);
        if (location != "art studio") objects.Add(mixing[store % 3], w.NameOf(mixing[store % 3]), location);
        return objects.Fact("location", location)
            .Fact("secondaryInputs", pair.Secondary).Fact("tertiaryInputs", pair.Tertiary)
            .Fact("secondary", pair.SecondaryColour).Fact("tertiary", pair.TertiaryColour);
    }

    static int Named(SimWorld w, int obj, string name)
    {
        w.Rename(obj, name);
        return obj;
    }

    /// <summary>One cup per paint in the furniture; the paints stay only in the last store filled (the desk).</summary>
    static int Store(SimWorld w, int furniture, int[] paints, Func<SimWorld, int> cup, bool keepsPaint)
    {
        foreach (int paint in paints)
        {
            int c = cup(w);
            if (keepsPaint) w.AddChild(c, paint);
            w.AddChild(furniture, c);
        }
        return furniture;
    }

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        var f = objects.Facts;
        string[] secondaryInputs = f["secondaryInputs"].Split(','), tertiaryInputs = f["tertiaryInputs"].Split(',');
        string secondary = f["secondary"], tertiaryColour = f["tertiary"], location = f["location"];
        Goal[] ordered;
        var unordered = new List<Goal>();
        if (!tertiary)
        {
            ordered = [new GoalFind(secondary, $"focus on the mixing result ({secondary})")];
            unordered.Add(new GoalMoveToNewLocation("", "move to a new location") { IsOptional = true });
            foreach (var input in secondaryInputs)
                unordered.Add(new GoalInRoomWithObject(input, "be in same location as " + input) { IsOptional = true });
            unordered.Add(new GoalObjectsInSingleContainer(secondaryInputs, "have all ingredients alone in a single container") { IsOptional = true });
            unordered.Add(new GoalInRoomWithObject(secondary, "be in same location as " + secondary) { IsOptional = true });
        }
        else
        {
            ordered =
            [
                new GoalFind(secondary, $"focus on the intermediate mixing result ({secondary})") { DefocusOnSuccess = true },
                new GoalFind(tertiaryColour, $"focus on the final mixing result ({tertiaryColour})"),
            ];
            unordered.Add(new GoalMoveToNewLocation(location, "move to a new location (unless starting in task location)") { IsOptional = true });
            unordered.Add(new GoalMoveToLocation(location, "move to the location of the paint") { IsOptional = true });
            foreach (var input in secondaryInputs)
                unordered.Add(new GoalInRoomWithObject(input, "be in same location as " + input) { IsOptional = true });
            unordered.Add(new GoalObjectsInSingleContainer(secondaryInputs, "have all ingredients (secondary) alone in a single container") { IsOptional = true });
            unordered.Add(new GoalInRoomWithObject(secondary, "be in same location as (secondary) " + secondary) { IsOptional = true, Key = "secondary" });
            foreach (var input in tertiaryInputs)
                unordered.Add(new GoalInRoomWithObject(input, "be in same location as (tertiary) " + input)
                    { IsOptional = true, Key = "tertiary_" + input, Prerequisites = ["secondary"] });
            unordered.Add(new GoalObjectsInSingleContainer(tertiaryInputs, "have all ingredients (tertiary) alone in a single container") { IsOptional = true });
            unordered.Add(new GoalInRoomWithObject(tertiaryColour, "be in same location as " + tertiaryColour) { IsOptional = true });
        }
        return new TaskSetup(Description(variation), new GoalSequence(ordered, [.. unordered]), f);
    }

    /// <summary>The original's wording, including its tertiary slip: "When you are completely done, focus on
    /// the" secondary colour (the goal is the tertiary one).</summary>
    public override string Description(int variation)
    {
        var pair = Pairs[variation / 6];
        return tertiary
            ? "Your task is to use chemistry to create " + pair.TertiaryColour + ". When you are part-way done, focus on the intermediate (secondary color) paint you created.  When you are completely done, focus on the " + pair.SecondaryColour + "."
            : "Your task is to use chemistry to create " + pair.SecondaryColour + ". When you are done, focus on the " + pair.SecondaryColour + ".";
    }
}
