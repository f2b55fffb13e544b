namespace Spark.Environments.ScienceWorld.World;

/// <summary>One stage of a life cycle: ticks to spend in it, and the name the original prints for it.</summary>
internal sealed record LifeStage(string Name, int Duration, string CanonicalName = "");

/// <summary>An ordered life cycle; the last stage is death.</summary>
internal sealed record LifeCycle(string Name, LifeStage[] Stages)
{
    public int IndexOf(string stage) => Array.FindIndex(Stages, s => s.Name == stage);
    public int DeathStage => Stages.Length - 1;
}

/// <summary>A kind of living thing: its name, life-form type, typical lifespan (years) and life cycle.</summary>
/// <param name="PlantNoun">Plants only: "tree" for fruiting trees, "plant" for the pea plant.</param>
internal sealed record Species(string Name, string LifeformType, double LifespanYears, LifeCycle Cycle, bool IsPlant = false, string PlantNoun = "tree")
{
    /// <summary>The animal's name in each life stage ("baby wolf", "crocodile egg", or the stage's own name).</summary>
    public string[] AnimalNames { get; } = [.. Cycle.Stages.Select(stage =>
        stage.CanonicalName.Length > 0 ? stage.CanonicalName
        : stage.Name != "egg" ? stage.Name + " " + LifeformType : LifeformType + " " + stage.Name)];

    /// <summary>A plant's name as a seed and once grown ("apple seed", "apple tree"), built once: plants rename
    /// themselves on every tick.</summary>
    public string SeedName { get; } = LifeformType + " seed";
    public string GrownName { get; } = LifeformType + " " + PlantNoun;
}

/// <summary>The life cycles and species of the original (<c>processes/lifestage</c>, <c>LifeProperties</c>).</summary>
internal static class LifeCycles
{
    public static readonly LifeCycle Mammal = new("animal life cycle",
        [new("baby", 20), new("juvenile", 20), new("adult", 50), new("dead", 0)]);

    public static readonly LifeCycle Tortoise = new("tortoise life cycle",
        [new("egg", 20), new("hatchling", 20), new("juvenile", 20), new("adult", 50), new("dead", 0)]);

    public static readonly LifeCycle Bird = new("bird life cycle",
        [new("egg", 20), new("hatchling", 20), new("juvenile", 20), new("adult", 50), new("dead", 0)]);

    public static readonly LifeCycle Frog = new("frog life cycle",
        [new("egg", 20, "frog egg"), new("tadpole", 20, "tadpole"), new("adult", 50, "adult frog"), new("death", 0, "dead frog")]);

    public static readonly LifeCycle Butterfly = new("butterfly life cycle",
        [new("egg", 20, "butterfly egg"), new("caterpillar", 20, "caterpillar"), new("pupa", 20, "butterfly pupa"),
         new("adult", 50, "adult butterfly"), new("death", 0, "dead butterfly")]);

    public static readonly LifeCycle AdultForever = new("adult forever life cycle", [new("adult", 50), new("dead", 0)]);

    /// <summary>Plants: durations are ticks with water and soil (seed, seedling) or unstressed ticks.</summary>
    public static readonly LifeCycle Plant = new("plant life cycle",
        [new("seed", 10), new("seedling", 10), new("adult", 5), new("reproducing", 5), new("dead", 0)]);

    public const int PlantSeed = 0, PlantSeedling = 1, PlantAdult = 2, PlantReproducing = 3, PlantDead = 4;

    public static readonly Species GiantTortoise = new("giant tortoise", "giant tortoise", 150, Tortoise);
    public static readonly Species Elephant = new("elephant", "elephant", 70, Mammal);
    public static readonly Species Parrot = new("parrot", "parrot", 80, Bird);
    public static readonly Species Crocodile = new("crocodile", "crocodile", 45, Tortoise);
    public static readonly Species BrownBear = new("brown bear", "brown bear", 30, Mammal);
    public static readonly Species Beaver = new("beaver", "beaver", 16, Mammal);
    public static readonly Species Wolf = new("wolf", "wolf", 14, Mammal);
    public static readonly Species Chipmunk = new("chipmunk", "chipmunk", 12, Mammal);
    public static readonly Species Toad = new("common toad", "common toad", 10, Frog);
    public static readonly Species Rabbit = new("rabbit", "rabbit", 9, Mammal);
    public static readonly Species Hedgehog = new("hedgehog", "hedgehog", 5, Mammal);
    public static readonly Species Mouse = new("mouse", "mouse", 4, Mammal);
    public static readonly Species Chameleon = new("chameleon", "chameleon", 3, Tortoise);
    public static readonly Species Dragonfly = new("dragonfly", "dragonfly", 0.4, Mammal);
    public static readonly Species Ant = new("ant", "ant", 0.1, Mammal);
    public static readonly Species ButterflySpecies = new("butterfly", "butterfly", 0.1, Butterfly);
    public static readonly Species Moth = new("moth", "moth", 0.2, Butterfly);
    public static readonly Species FrogSpecies = new("frog", "frog", 6, Frog);
    public static readonly Species Dove = new("dove", "dove", 2, Bird);
    public static readonly Species BlueJay = new("blue jay", "blue jay", 7, Bird);
    public static readonly Species Turtle = new("turtle", "turtle", 30, Tortoise);
    public static readonly Species Bee = new("bee", "bee", 0.1, AdultForever);

    /// <summary>The 14 animals the original's find/identify tasks draw from, in its list order.</summary>
    public static readonly Species[] TaskAnimals =
        [ButterflySpecies, Moth, FrogSpecies, Toad, GiantTortoise, Turtle, Crocodile, Parrot, Dove, BlueJay, Elephant, BrownBear, Beaver, Wolf];

    public static Species Tree(string fruit) => new("plant", fruit, 0, Plant, IsPlant: true);
    public static readonly Species Pea = new("pea", "pea", 0, Plant, IsPlant: true, PlantNoun: "plant");

    public static readonly string[] TreeFruits = ["apple", "apricot", "avocado", "banana", "cherry", "grapefruit", "lemon", "orange", "peach", "pear"];
}
