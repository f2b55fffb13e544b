namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// What an object is: the counterpart of the original's Scala class (Room, MetalPot, Thermometer, ...).
/// Behaviour (descriptions, referents, ticks, action rules) dispatches on it.
/// </summary>
internal enum Kind : byte
{
    // Locations and structure
    Universe, Room, Outside, Door, Drain, Agent, Inventory,
    Terminal, Anode, Cathode,

    // Substances ("a substance called X"); the material decides which one. Water is its own kind because
    // sinks, pots and fountains look for the original's Water class (which stays Water as ice or steam).
    Substance, Water, Block, Paint,

    // Containers
    Cup, GlassJar, FlowerPot, SelfWateringFlowerPot, BookShelf, AnswerBox, FirePit, Fountain, Sewer, Hole,

    // Furniture
    Chair, Couch, Bed, Mattress, Pillow, Table, Desk, Counter, Cupboard, Closet, Drawer, BeeHive,

    // Devices
    Sink, Bathtub, Toilet, Stove, Oven, BlastFurnace, Fridge, Freezer, UltraColdFreezer,
    Thermometer, StopWatch, Lighter, Shovel, Axe,

    // Electrical
    LightBulb, ElectricMotor, ElectricBuzzer, Battery, Generator, SolarPanel, WindGenerator, Switch, Wire,

    // Things
    Picture, Book, Fork, PaperClip, AluminumFoil, UnknownSubstance,
    Fruit, Juice, Sweet,

    // Living things
    Animal, Bee, Plant, Flower, Pollen, Soil, Ground,
}

internal static class KindFacts
{
    public static bool IsLocation(Kind k) => k is Kind.Universe or Kind.Room or Kind.Outside;
    public static bool IsPortal(Kind k) => k is Kind.Door or Kind.Drain;
    public static bool IsTerminal(Kind k) => k is Kind.Terminal or Kind.Anode or Kind.Cathode;
    public static bool IsLiving(Kind k) => k is Kind.Animal or Kind.Bee or Kind.Plant;
    public static bool IsAnimal(Kind k) => k is Kind.Animal or Kind.Bee;

    /// <summary>Polarized components (anode/cathode) and the original's generators.</summary>
    public static bool IsPolarized(Kind k) => k is Kind.LightBulb or Kind.ElectricMotor or Kind.ElectricBuzzer
        or Kind.Battery or Kind.Generator or Kind.SolarPanel or Kind.WindGenerator or Kind.Switch;

    public static bool IsGenerator(Kind k) => k is Kind.Battery or Kind.Generator or Kind.SolarPanel or Kind.WindGenerator;

    /// <summary>Unpolarized electrical components (terminals visible): only wires here.</summary>
    public static bool IsUnpolarized(Kind k) => k is Kind.Wire;

    /// <summary>Objects built without the two hidden electrical terminals every other object carries.</summary>
    public static bool HasNoTerminals(Kind k) => IsTerminal(k) || IsPolarized(k);

    public static bool IsHeatSource(Kind k) => k is Kind.Stove or Kind.Oven or Kind.BlastFurnace or Kind.Lighter;
    public static bool IsCooler(Kind k) => k is Kind.Fridge or Kind.Freezer or Kind.UltraColdFreezer;

    /// <summary>Containers whose referents name their contents ("cup containing water"): the only objects whose
    /// referents go stale when their contents change (see <c>Referents.WithContents</c>).</summary>
    public static bool IsNamedByContents(Kind k) => k is Kind.Cup or Kind.GlassJar or Kind.FlowerPot or Kind.SelfWateringFlowerPot or Kind.BookShelf;
}
