using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

internal enum LifespanMode : byte { Longest, Shortest, LongestThenShortest }

/// <summary>
/// lifespan-longest-lived, lifespan-shortest-lived, lifespan-longest-lived-then-shortest-lived (7-1 … 7-3;
/// the original's <c>TaskLifeSpan</c>): one long-, one medium- and one short-lived animal (in their first
/// life stage) outside; 5 × 5 × 5 = 125 combinations, shuffled once with a fixed seed as the original does.
/// </summary>
internal sealed class LifespanTask(LifespanMode mode) : TaskType
{
    static readonly Species[] Long = [LifeCycles.GiantTortoise, LifeCycles.Parrot, LifeCycles.Elephant, LifeCycles.Crocodile, LifeCycles.BrownBear];
    static readonly Species[] Medium = [LifeCycles.Beaver, LifeCycles.Wolf, LifeCycles.Chipmunk, LifeCycles.Toad, LifeCycles.Rabbit];
    static readonly Species[] Short = [LifeCycles.Hedgehog, LifeCycles.Mouse, LifeCycles.Chameleon, LifeCycles.Dragonfly, LifeCycles.Ant];

    static readonly (int L, int M, int S)[] Combinations = new JavaRandom(0).Shuffle(
        from l in Enumerable.Range(0, 5) from m in Enumerable.Range(0, 5) from s in Enumerable.Range(0, 5) select (l, m, s)).ToArray();

    public override string Name => mode switch
    {
        LifespanMode.Longest => "lifespan-longest-lived",
        LifespanMode.Shortest => "lifespan-shortest-lived",
        _ => "lifespan-longest-lived-then-shortest-lived",
    };

    public override string Id => mode switch { LifespanMode.Longest => "7-1", LifespanMode.Shortest => "7-2", _ => "7-3" };
    public override string Topic => "Biology";
    public override int VariationCount => 125;

    public override TaskObjects CreateObjects(SimWorld w, int variation)
    {
        var (l, m, s) = Combinations[variation];
        // The original makes all fifteen example animals up front; the chosen ones keep their ids.
        var all = Long.Concat(Medium).Concat(Short).Select(sp => Things.Animal(w, sp)).ToArray();
        int longLived = all[l], medium = all[5 + m], shortLived = all[10 + s];
        return new TaskObjects()
            .Add(longLived, w.NameOf(longLived), "outside")
            .Add(medium, w.NameOf(medium), "outside")
            .Add(shortLived, w.NameOf(shortLived), "outside")
            .Fact("long", w.NameOf(longLived)).Fact("medium", w.NameOf(medium)).Fact("short", w.NameOf(shortLived))
            .Fact("location", "outside");
    }

    public override TaskSetup Setup(SimWorld w, HouseBuilder.House house, TaskObjects objects, int variation)
    {
        Placer.Apply(w, objects, variation);
        var f = objects.Facts;
        var ordered = mode switch
        {
            LifespanMode.Longest => new Goal[] { new GoalFind(f["long"], "focus on animal with longest life span") },
            LifespanMode.Shortest => [new GoalFind(f["short"], "focus on animal with shortest life span")],
            _ =>
            [
                new GoalFind(f["long"], "focus on animal with longest life span") { DefocusOnSuccess = true },
                new GoalFind(f["short"], "focus on animal with shortest life span"),
            ],
        };
        var unordered = new Goal[]
        {
            new GoalMoveToNewLocation("outside", "Move to a new location (unless starting in task location)") { IsOptional = true },
            new GoalMoveToLocation("outside", "Move to the location asked by the task") { IsOptional = true },
        };
        return new TaskSetup(Description(variation), new GoalSequence(ordered, unordered), f);
    }

    public override string Description(int variation) => mode switch
    {
        LifespanMode.Longest => "Your task is to find the animal with the longest life span.  The animals are in the 'outside' location.  Focus on the animal with the longest life span.",
        LifespanMode.Shortest => "Your task is to find the animal with the shortest life span.  The animals are in the 'outside' location.  Focus on the animal with the shortest life span.",
        _ => "Your task is to find the animal with the longest life span, then the shortest life span. First, focus on the animal with the longest life span.  Then, focus on the animal with the shortest life span. The animals are in the 'outside' location.",
    };
}
