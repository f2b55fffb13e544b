using Spark.Environments.ScienceWorld.Objects;

namespace Spark.Environments.ScienceWorld.World;

/// <summary>
/// Builds the original's house and grounds (<c>EnvironmentMaker</c>/<c>BuildingMaker</c>/<c>RoomMaker</c>),
/// making the same random choices in the same order from a generator seeded with the variation index, so
/// a variation has the original's pictures, book shelf, table, wire and bulb colours, shovel spot and
/// starting room.
/// </summary>
internal static class HouseBuilder
{
    static readonly string[] PictureTypes = ["picture", "drawing", "painting", "finger painting"];
    static readonly string[] PictureSubjects = ["a cow", "a chicken", "a farm", "a lush green meadow", "rolling hills", "a wintery mountain", "a boat crossing a river", "the moon", "abstract shapes", "two people playing"];
    static readonly string[] Artists = ["Alexandra", "Owen", "Bob", "Lily"];
    static readonly (string Title, string Author)[] Books =
    [
        ("Moby Dick", "Herman Melville"), ("Frankenstein", "Mary Wollstonecraft Shelley"), ("Sherlock Holmes", "Arthur Conan Doyle"),
        ("Pride and Prejudice", "Jane Austen"), ("Beowulf", "Beowulf poet"), ("The Foundations of the Origin of Species", "Charles Darwin"),
    ];

    /// <summary>The house's rooms by name, and the room the agent starts in.</summary>
    public sealed record House(Dictionary<string, int> Rooms, int Start);

    public static House Build(SimWorld w, int variation)
    {
        var rng = new JavaRandom(variation);
        int universe = Things.Universe(w);
        int sewer = Things.Sewer(w);
        w.AddChild(universe, sewer);

        var rooms = new Dictionary<string, int>();
        void Add(string name, int room)
        {
            rooms[name] = room;
            w.AddChild(universe, room);
        }

        Add("kitchen", Kitchen(w, rng, sewer));
        Add("living room", LivingRoom(w, rng));
        Add("bedroom", Bedroom(w, rng));
        Add("bathroom", Bathroom(w, rng, sewer));
        Add("workshop", Workshop(w, rng));
        Add("greenhouse", Greenhouse(w, sewer));
        Add("art studio", ArtStudio(w, rng));
        int hallway = Things.Room(w, "hallway");
        w.AddChild(hallway, Picture(w, rng));
        Add("hallway", hallway);
        Add("outside", Outside(w));
        Add("foundry", Foundry(w, sewer));

        int shovel = Things.Shovel(w);
        w.AddChild(rng.NextInt(2) == 1 ? rooms["greenhouse"] : rooms["outside"], shovel);

        (string, string)[] doors =
        [
            ("kitchen", "hallway"), ("living room", "hallway"), ("bedroom", "hallway"), ("bathroom", "kitchen"),
            ("workshop", "hallway"), ("greenhouse", "hallway"), ("art studio", "hallway"),
            ("kitchen", "outside"), ("greenhouse", "outside"), ("foundry", "outside"),
        ];
        foreach (var (a, b) in doors) Things.Door(w, rooms[a], rooms[b], open: false);

        int agent = Things.Agent(w);
        var sorted = rooms.Values.OrderBy(r => w.NameOf(r), StringComparer.Ordinal).ThenBy(r => r).ToArray();
        int start = sorted[rng.NextInt(sorted.Length)];
        w.AddChild(start, agent);
        return new House(rooms, start);
    }

    static int Picture(SimWorld w, JavaRandom rng)
    {
        string type = PictureTypes[rng.NextInt(PictureTypes.Length)];
        string subject = PictureSubjects[rng.NextInt(PictureSubjects.Length)];
        string artist = Artists[rng.NextInt(Artists.Length)];
        return Things.Picture(w, type, subject, artist);
    }

    static int BookShelf(SimWorld w, JavaRandom rng)
    {
        int count = rng.NextInt(4);
        int shelf = Things.BookShelf(w);
        for (int i = 0; i < count; i++)
        {
            int pick;
            do pick = rng.NextInt(10); while (pick >= Books.Length);
            w.AddChild(shelf, Things.Book(w, Books[pick].Title, Books[pick].Author));
        }
        return shelf;
    }

    static int Kitchen(SimWorld w, JavaRandom rng, int sewer)
    {
        int room = Things.Room(w, "kitchen");
        w.AddChild(room, Things.Sink(w, sewer));
        w.AddChild(room, Things.Stove(w));
        int fridge = Things.Fridge(w);
        w.AddChild(room, fridge);
        w.AddChild(room, Things.Freezer(w));
        w.AddChild(room, Things.Oven(w));
        int cupboard = Things.Cupboard(w);
        w.AddChild(room, cupboard);
        w.AddChild(cupboard, Things.MetalPot(w));
        w.AddChild(cupboard, Things.Cup(w, "tin cup", Materials.Tin));
        w.AddChild(cupboard, Things.Cup(w, "ceramic cup", Materials.Ceramic));
        int counter = Things.Counter(w);
        w.AddChild(room, counter);
        int bowl = Things.Bowl(w);
        w.AddChild(counter, bowl);
        w.AddChild(bowl, Things.Fruit(w, "apple"));
        w.AddChild(bowl, Things.Fruit(w, "banana"));
        w.AddChild(bowl, Things.Fruit(w, "orange"));
        w.AddChild(bowl, Things.Fruit(w, "potato"));
        int juiceCup = Things.WoodCup(w);
        w.AddChild(juiceCup, Things.Substance(w, Materials.OrangeJuice, Kind.Juice));
        w.AddChild(fridge, juiceCup);
        w.AddChild(room, Things.Thermometer(w));
        w.AddChild(room, Picture(w, rng));
        int table = Things.WoodTable(w);
        w.AddChild(room, table);
        w.AddChild(table, Things.GlassCup(w));
        w.AddChild(room, Things.Chair(w));
        w.AddChild(room, Things.Lighter(w));
        int jar = Things.GlassJar(w);
        w.AddChild(jar, Things.Substance(w, Materials.SodiumChloride));
        w.AddChild(room, jar);
        w.AddChild(room, Things.Substance(w, Materials.Soap));
        w.AddChild(room, Things.StopWatch(w));
        return room;
    }

    static int LivingRoom(SimWorld w, JavaRandom rng)
    {
        int room = Things.Room(w, "living room");
        w.AddChild(room, Things.Couch(w));
        w.AddChild(room, Things.Chair(w));
        int table = rng.NextInt(3) switch { 1 => Things.SteelTable(w), 2 => Things.Desk(w), _ => Things.WoodTable(w) };
        w.AddChild(room, table);
        w.AddChild(room, Picture(w, rng));
        if (rng.NextBoolean()) w.AddChild(room, BookShelf(w, rng));
        return room;
    }

    static int Bedroom(SimWorld w, JavaRandom rng)
    {
        int room = Things.Room(w, "bedroom");
        w.AddChild(room, Things.Bed(w));
        w.AddChild(room, Things.WoodTable(w));
        w.AddChild(room, Things.Closet(w));
        w.AddChild(room, Picture(w, rng));
        if (rng.NextBoolean()) w.AddChild(room, BookShelf(w, rng));
        return room;
    }

    static int Bathroom(SimWorld w, JavaRandom rng, int sewer)
    {
        int room = Things.Room(w, "bathroom");
        w.AddChild(room, Things.Sink(w, sewer));
        w.AddChild(room, Things.Toilet(w, sewer));
        w.AddChild(room, Things.Bathtub(w, sewer));
        w.AddChild(room, Things.GlassCup(w));
        w.AddChild(room, Picture(w, rng));
        return room;
    }

    static int Workshop(SimWorld w, JavaRandom rng)
    {
        int room = Things.Room(w, "workshop");
        int table = Things.WoodTable(w);
        w.AddChild(room, table);
        var lights = rng.Shuffle(new[] { "red", "green", "blue", "yellow", "orange", "violet" });
        for (int i = 0; i < 3; i++) w.AddChild(table, Things.LightBulb(w, lights[i]));
        var wires = rng.Shuffle(new[] { "red", "green", "blue", "yellow", "orange", "black" });
        for (int i = 0; i < 3; i++) w.AddChild(table, Things.Wire(w, wires[i] + " wire"));
        w.AddChild(table, Things.Switch(w));
        w.AddChild(table, Things.Battery(w));
        w.AddChild(room, Things.UltraColdFreezer(w));
        return room;
    }

    static int Greenhouse(SimWorld w, int sewer)
    {
        int room = Things.Room(w, "greenhouse");
        w.AddChild(room, Things.Jug(w));
        int hive = Things.BeeHive(w);
        for (int i = 0; i < 5; i++)
        {
            int bee = Things.Animal(w, LifeCycles.Bee);
            w[bee].Name = "bee " + i;
            w.AddChild(hive, bee);
        }
        w.AddChild(room, hive);
        w.AddChild(room, Things.Sink(w, sewer));
        return room;
    }

    static int ArtStudio(SimWorld w, JavaRandom rng)
    {
        int room = Things.Room(w, "art studio");
        int table = Things.WoodTable(w);
        w.AddChild(room, table);
        // The original constructs all three candidates before shuffling (ids are taken either way).
        int[] mixing = [Things.GlassCup(w), Things.Bowl(w), Things.Jug(w)];
        w.AddChild(table, rng.Shuffle(mixing)[0]);
        PaintCups(w, room);
        int cupboard = Things.Cupboard(w, "large cupboard");
        w.AddChild(room, cupboard);
        PaintCups(w, cupboard);
        return room;
    }

    /// <summary>Red, blue and yellow paint, each in a wood cup (the paints are made first, then the cups).</summary>
    static void PaintCups(SimWorld w, int container)
    {
        int[] paints = [Things.Paint(w, "red"), Things.Paint(w, "blue"), Things.Paint(w, "yellow")];
        foreach (int paint in paints)
        {
            int cup = Things.WoodCup(w);
            w.AddChild(cup, paint);
            w.AddChild(container, cup);
        }
    }

    static int Outside(SimWorld w)
    {
        int outside = Things.Outside(w);
        w.AddChild(outside, Things.FirePit(w));
        w.AddChild(outside, Things.Substance(w, Materials.Wood));
        w.AddChild(outside, Things.Axe(w));
        w.AddChild(outside, Things.Fountain(w));
        return outside;
    }

    static int Foundry(SimWorld w, int sewer)
    {
        int room = Things.Room(w, "foundry");
        w.AddChild(room, Things.BlastFurnace(w));
        w.AddChild(room, Things.Sink(w, sewer));
        w.AddChild(room, Things.SteelTable(w));
        return room;
    }
}
