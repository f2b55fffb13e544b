using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>
/// Constructors for the original's object classes: name, material, container/device properties and the
/// parts a constructor adds itself (a room's air, a couch's pillow, a sink's drain, a bulb's anode).
/// Creation order matters: ids follow it, as the original's uuids do.
/// </summary>
internal static class Things
{
    public const ObjFlags OpenContainer = ObjFlags.Container | ObjFlags.Holds | ObjFlags.Open;
    public const ObjFlags ClosedContainer = ObjFlags.Container | ObjFlags.Holds | ObjFlags.Closable;
    public const ObjFlags NotContainer = ObjFlags.Container;
    const ObjFlags M = ObjFlags.Movable;

    public static int Universe(SimWorld w) => w.Create(Kind.Universe, "universe", OpenContainer);

    public static int Room(SimWorld w, string name)
    {
        int room = w.Create(Kind.Room, name, OpenContainer);
        int air = Substance(w, Materials.Air);
        w[air].Temperature = 25;
        w.AddChild(room, air);
        return room;
    }

    public static int Outside(SimWorld w)
    {
        int outside = w.Create(Kind.Outside, "outside", OpenContainer);
        int air = Substance(w, Materials.Air);
        w[air].Temperature = 25;
        w.AddChild(outside, air);
        w.AddChild(outside, w.Create(Kind.Ground, "ground", M | OpenContainer, Materials.Soil));
        return outside;
    }

    public static int Door(SimWorld w, int from, int to, bool open)
    {
        int door = w.Create(Kind.Door, "door", ObjFlags.None);
        w[door].Owner = from;
        w[door].Link = to;
        w.SetOpen(door, open);
        w.AddPortal(from, door);
        w.AddPortal(to, door);
        return door;
    }

    public static int Agent(SimWorld w)
    {
        int agent = w.Create(Kind.Agent, "agent", ObjFlags.None);
        int inventory = w.Create(Kind.Inventory, "inventory", OpenContainer);
        w.AddChild(agent, inventory);
        w.AddChild(inventory, w.Create(Kind.Fruit, "orange", M | ObjFlags.Edible));
        w.Agent = agent;
        w.Inventory = inventory;
        return agent;
    }

    public static int Substance(SimWorld w, Material m, Kind kind = Kind.Substance, string? name = null) =>
        w.Create(kind, name ?? m.SubstanceName, M, m);

    public static int Water(SimWorld w) => w.NewWater(Materials.Water, M);

    /// <summary>The original's <c>Ice</c>: water at −10°C, named "water" until its first tick renames it.</summary>
    public static int Ice(SimWorld w)
    {
        int ice = w.Create(Kind.Substance, "water", M, Materials.Water);
        w[ice].Temperature = -10;
        return ice;
    }

    public static int Paint(SimWorld w, string color) => w.Create(Kind.Paint, color + " paint", M, Materials.PaintOf(color));

    public static int Cup(SimWorld w, string name, Material m, ObjFlags container = OpenContainer) => w.Create(Kind.Cup, name, M | container, m);
    public static int MetalPot(SimWorld w) => Cup(w, "metal pot", Materials.Steel);
    public static int GlassCup(SimWorld w) => Cup(w, "glass cup", Materials.Glass);
    public static int WoodCup(SimWorld w) => Cup(w, "wood cup", Materials.Wood);
    public static int Bowl(SimWorld w) => Cup(w, "bowl", Materials.Wood);
    public static int Jug(SimWorld w) => Cup(w, "jug", Materials.Plastic);
    public static int GlassJar(SimWorld w) => w.Create(Kind.GlassJar, "glass jar", M | ClosedContainer, Materials.Glass);
    public static int FlowerPot(SimWorld w, string name) => w.Create(Kind.FlowerPot, name, M | OpenContainer, Materials.Ceramic);
    public static int SelfWateringFlowerPot(SimWorld w, string name) => w.Create(Kind.SelfWateringFlowerPot, name, M | OpenContainer, Materials.Ceramic);
    public static int BookShelf(SimWorld w) => w.Create(Kind.BookShelf, "book shelf", M | OpenContainer, Materials.Wood);
    public static int AnswerBox(SimWorld w, string color) => w.Create(Kind.AnswerBox, color + " box", M | OpenContainer, Materials.Ceramic);

    /// <summary>The original's <c>ContainerMaker.mkRandomLiquidCup</c>: one of seven open cups at the liquid's temperature.</summary>
    public static int RandomLiquidCup(SimWorld w, int choice, int liquid)
    {
        int cup = choice switch
        {
            0 => MetalPot(w),
            1 => GlassCup(w),
            2 => Cup(w, "plastic cup", Materials.Plastic),
            3 => Cup(w, "tin cup", Materials.Tin),
            4 => Cup(w, "paper cup", Materials.Paper),
            5 => Cup(w, "ceramic cup", Materials.Ceramic),
            6 => Jug(w),
            _ => WoodCup(w),
        };
        w.SetOpen(cup, true);
        w[cup].Temperature = w[liquid].Temperature;
        w.AddChild(cup, liquid);
        return cup;
    }

    // Furniture
    public static int Chair(SimWorld w) => w.Create(Kind.Chair, "chair", M | OpenContainer, Materials.Wood);

    public static int Couch(SimWorld w)
    {
        int couch = w.Create(Kind.Couch, "couch", M | OpenContainer, Materials.Cloth);
        w.AddChild(couch, Pillow(w));
        return couch;
    }

    public static int Bed(SimWorld w)
    {
        int bed = w.Create(Kind.Bed, "bed", M | OpenContainer, Materials.Wood);
        int mattress = w.Create(Kind.Mattress, "mattress", M | OpenContainer, Materials.Cloth);
        w.AddChild(bed, mattress);
        w.AddChild(mattress, Pillow(w));
        return bed;
    }

    static int Pillow(SimWorld w) => w.Create(Kind.Pillow, "pillow", M, Materials.Cloth);

    public static int WoodTable(SimWorld w) => w.Create(Kind.Table, "table", M | OpenContainer, Materials.Wood);
    public static int SteelTable(SimWorld w) => w.Create(Kind.Table, "table", M | OpenContainer, Materials.Steel);

    public static int Desk(SimWorld w) => WithDrawer(w, w.Create(Kind.Desk, "desk", M | OpenContainer, Materials.Wood));
    public static int Counter(SimWorld w) => WithDrawer(w, w.Create(Kind.Counter, "counter", M | OpenContainer, Materials.Wood));
    public static int Cupboard(SimWorld w, string name = "cupboard") => WithDrawer(w, w.Create(Kind.Cupboard, name, M | ClosedContainer, Materials.Wood));
    public static int Closet(SimWorld w) => w.Create(Kind.Closet, "closet", M | ClosedContainer, Materials.Wood);
    public static int BeeHive(SimWorld w) => w.Create(Kind.BeeHive, "bee hive", M | ClosedContainer, Materials.Wood);

    static int WithDrawer(SimWorld w, int furniture)
    {
        w.AddChild(furniture, w.Create(Kind.Drawer, "drawer", M | ClosedContainer, Materials.Wood));
        return furniture;
    }

    // Devices
    const ObjFlags ActivableOff = ObjFlags.Device | ObjFlags.Activable;
    const ObjFlags ActivableOn = ActivableOff | ObjFlags.Activated;
    const ObjFlags UsableTool = ObjFlags.Device | ObjFlags.Usable;

    public static int Sink(SimWorld w, int sewer) => WithDrain(w, w.Create(Kind.Sink, "sink", OpenContainer | ActivableOff, Materials.Steel), sewer);
    public static int Bathtub(SimWorld w, int sewer) => WithDrain(w, w.Create(Kind.Bathtub, "bathtub", OpenContainer | ActivableOff, Materials.Ceramic), sewer);

    public static int Toilet(SimWorld w, int sewer)
    {
        int toilet = WithDrain(w, w.Create(Kind.Toilet, "toilet", OpenContainer | ActivableOff, Materials.Steel), sewer);
        w.AddChild(toilet, Water(w));
        return toilet;
    }

    static int WithDrain(SimWorld w, int device, int sewer)
    {
        int drain = w.Create(Kind.Drain, "drain", ObjFlags.Open);
        w[drain].Owner = device;
        w[drain].Link = sewer;
        w.AddPortal(device, drain);
        return device;
    }

    public static int Stove(SimWorld w) => w.Create(Kind.Stove, "stove", OpenContainer | ActivableOff);
    public static int Oven(SimWorld w) => w.Create(Kind.Oven, "oven", ClosedContainer | ActivableOff);
    public static int BlastFurnace(SimWorld w) => w.Create(Kind.BlastFurnace, "blast furnace", ClosedContainer | ActivableOff);
    public static int Fridge(SimWorld w) => w.Create(Kind.Fridge, "fridge", ClosedContainer | ActivableOn);
    public static int Freezer(SimWorld w) => w.Create(Kind.Freezer, "freezer", ClosedContainer | ActivableOn);
    public static int UltraColdFreezer(SimWorld w) => w.Create(Kind.UltraColdFreezer, "ultra low temperature freezer", ClosedContainer | ActivableOn);
    public static int Thermometer(SimWorld w) => w.Create(Kind.Thermometer, "thermometer", M | NotContainer | UsableTool, Materials.Glass);
    public static int StopWatch(SimWorld w) => w.Create(Kind.StopWatch, "stopwatch", M | NotContainer | ActivableOff);
    public static int Lighter(SimWorld w) => w.Create(Kind.Lighter, "lighter", M | NotContainer | UsableTool, Materials.Metal);
    public static int Shovel(SimWorld w) => w.Create(Kind.Shovel, "shovel", M | NotContainer | UsableTool, Materials.Steel);
    public static int Axe(SimWorld w) => w.Create(Kind.Axe, "axe", M | NotContainer | UsableTool, Materials.Steel);
    public static int FirePit(SimWorld w) => w.Create(Kind.FirePit, "fire pit", M | OpenContainer, Materials.Ceramic);
    public static int Fountain(SimWorld w) => w.Create(Kind.Fountain, "fountain", M | OpenContainer, Materials.Ceramic);
    public static int Sewer(SimWorld w) => w.Create(Kind.Sewer, "sewer", M | OpenContainer, Materials.Steel);

    // Electrical components: polarized parts get an anode and a cathode; wires show their terminals.
    public static int Polarized(SimWorld w, Kind kind, string name, ObjFlags device)
    {
        int part = w.Create(kind, name, M | device);
        w.CreateTerminal(part, Kind.Anode, "anode");
        w.CreateTerminal(part, Kind.Cathode, "cathode");
        return part;
    }

    public static int LightBulb(SimWorld w, string color) => Polarized(w, Kind.LightBulb, (color + " light bulb").Trim(), ObjFlags.Device);
    public static int Battery(SimWorld w) => Polarized(w, Kind.Battery, "battery", ObjFlags.Device | ObjFlags.Activated);
    public static int Switch(SimWorld w) => Polarized(w, Kind.Switch, "switch", ActivableOff);
    public static int ElectricMotor(SimWorld w) => Polarized(w, Kind.ElectricMotor, "electric motor", ObjFlags.Device);
    public static int ElectricBuzzer(SimWorld w) => Polarized(w, Kind.ElectricBuzzer, "electric buzzer", ObjFlags.Device);
    public static int SolarPanel(SimWorld w) => Polarized(w, Kind.SolarPanel, "solar panel", ObjFlags.Device);
    public static int WindGenerator(SimWorld w) => Polarized(w, Kind.WindGenerator, "wind generator", ObjFlags.Device);
    public static int FuelGenerator(SimWorld w, string name) => Polarized(w, Kind.Generator, name, ActivableOff);

    public static int Wire(SimWorld w, string name)
    {
        int wire = w.Create(Kind.Wire, name, M | ObjFlags.Device, Materials.Metal);
        foreach (int t in w.Children(wire)) w[t].Set(ObjFlags.Hidden, false);
        return wire;
    }

    // Things
    public static int Picture(SimWorld w, string type, string subject, string artist)
    {
        int picture = w.Create(Kind.Picture, type, M | NotContainer, Materials.Paper);
        w.Shared.Texts.Add(new ObjectText(subject, artist));
        w[picture].Data = w.Shared.Texts.Count - 1;
        return picture;
    }

    public static int Book(SimWorld w, string title, string author)
    {
        int book = w.Create(Kind.Book, "book (" + title + ")", M | NotContainer, Materials.Paper);
        w.Shared.Texts.Add(new ObjectText(title, author));
        w[book].Data = w.Shared.Texts.Count - 1;
        return book;
    }

    public static int Fruit(SimWorld w, string name, Material? material = null) => w.Create(Kind.Fruit, name, M | ObjFlags.Edible, material);
    public static int Soil(SimWorld w) => w.Create(Kind.Soil, "soil", M, Materials.Soil);

    public static int Animal(SimWorld w, Species species, string? stage = null)
    {
        int animal = w.Create(species == LifeCycles.Bee ? Kind.Bee : Kind.Animal, species.Name, M);
        w[animal].Data = w.Shared.SpeciesId(species);
        if (stage != null) w[animal].Stage = (byte)species.Cycle.IndexOf(stage);
        return animal;
    }

    /// <summary>A plant: named "plant" until its first tick, as the original's fruiting trees are.</summary>
    public static int Plant(SimWorld w, Species species, int stage = LifeCycles.PlantSeed)
    {
        int plant = w.Create(Kind.Plant, "plant", M | OpenContainer | ObjFlags.Edible, Materials.PlantMatter);
        w[plant].Data = w.Shared.SpeciesId(species);
        w[plant].Stage = (byte)stage;
        return plant;
    }
}
