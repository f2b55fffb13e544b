namespace Spark.Environments.ScienceWorld.World;

internal enum Matter : byte { Solid, Liquid, Gas }

/// <summary>
/// The fixed physical properties of a material (the original's <c>MaterialProperties</c> subclasses). The
/// mutable parts (temperature, state of matter, burning) live in the object's state.
/// </summary>
/// <param name="StateNames">Name of the object in each state (solid, liquid, gas), or null when the
/// original's map is empty and the name never changes.</param>
internal sealed record Material(
    string SubstanceName,
    string Color,
    double Temperature,
    double ThermalConductivity,
    Matter InitialState,
    double BoilingPoint,
    double MeltingPoint,
    double CombustionPoint,
    bool ElectricallyConductive,
    string[]? StateNames = null,
    int CombustionTicks = 100,
    bool HasCombusted = false)
{
    public string? NameIn(Matter state) => StateNames?[(int)state];
}

/// <summary>A material's numbers that the tick reads for every object, copied into one dense array per world
/// (<see cref="WorldShared.PhysicsTable"/>) so that the walk does not dereference the <see cref="Material"/> records.</summary>
internal readonly struct MaterialPhysics(Material m)
{
    public readonly double Conductivity = m.ThermalConductivity;
    public readonly double CombustionPoint = m.CombustionPoint;
    public readonly double MeltingPoint = m.MeltingPoint;
    public readonly double BoilingPoint = m.BoilingPoint;
    public readonly bool ElectricallyConductive = m.ElectricallyConductive;
}

/// <summary>The materials the implemented objects use, with the original's values.</summary>
internal static class Materials
{
    static string[] Names(string solid, string liquid, string gas) => [solid, liquid, gas];
    static string[] Named(string name) => [name, "liquid " + name, "gaseous " + name];

    static Material Solid(string name, string color, double k, double bp, double mp, double cp, bool conductive, string[]? names = null) =>
        new(name, color, 10, k, Matter.Solid, bp, mp, cp, conductive, names);

    public static readonly Material Air = new("air", "clear", 10, 0.01, Matter.Gas, -194, -215, 100000, false, Names("solid air", "liquid air", "air"));
    public static readonly Material Water = new("water", "clear", 10, 0.5, Matter.Liquid, 100, 0, 100000, false, Names("ice", "water", "steam"));
    public static readonly Material Steel = Solid("steel", "grey", 1.0, 2900, 1400, 100000, true, Named("steel"));
    public static readonly Material Metal = Solid("metal", "grey", 1.0, 2000, 1000, 100000, true, Named("metal"));
    public static readonly Material Aluminum = Solid("aluminum", "grey", 1.0, 2470, 660, 100000, true, Named("aluminum"));
    public static readonly Material Tin = Solid("tin", "grey", 1.0, 2602, 232, 100000, true, Named("tin"));
    public static readonly Material Lead = Solid("lead", "grey", 1.0, 1740, 327, 100000, true, Named("lead"));
    public static readonly Material Mercury = new("mercury", "silver", 10, 1.0, Matter.Liquid, 357, -39, 100000, true, Names("solid mercury", "liquid mercury", "gaseous mercury"));
    public static readonly Material Gallium = new("gallium", "silver", 10, 1.0, Matter.Liquid, 2400, 30, 100000, true, Named("gallium"));
    public static readonly Material Caesium = Solid("caesium", "gold", 1.0, 671, 29, 100000, true, Names("solid caesium", "liquid caesium", "gaseous caesium"));
    public static readonly Material Glass = Solid("glass", "clear", 1.0, 2200, 1400, 100000, false, Named("glass"));
    public static readonly Material Plastic = Solid("plastic", "white", 1.0, 300, 200, 100000, false, Named("plastic"));
    public static readonly Material Ceramic = Solid("ceramic", "white", 0.02, 10001, 2000, 10000, false, Named("ceramic"));
    public static readonly Material Wood = Solid("wood", "brown", 0.5, 10001, 10000, 350, false);
    public static readonly Material Paper = Solid("paper", "white", 0.5, 10001, 10000, 210, false);
    public static readonly Material Cloth = Solid("cloth", "white", 0.1, 10001, 10000, 300, false);
    public static readonly Material Rubber = Solid("rubber", "black", 0.5, 10001, 180, 260, false, Named("rubber"));
    public static readonly Material Soil = Solid("soil", "brown", 0.5, 10001, 10000, 10000, false);
    public static readonly Material PlantMatter = Solid("plant matter", "green", 0.5, 10001, 10000, 200, false);
    public static readonly Material FlowerMatter = Solid("flower matter", "purple", 0.5, 10001, 10000, 200, false);
    public static readonly Material PollenMatter = Solid("pollen matter", "yellow", 0.5, 10001, 10000, 200, false);
    public static readonly Material Soap = Solid("soap", "white", 0.5, 100000, 140, 537, false, Names("soap", "liquid soap", "gaseous soap"));
    public static readonly Material Ash = new("ash", "grey", 10, 0.5, Matter.Solid, 10001, 10000, 10002, false, null, CombustionTicks: 0, HasCombusted: true);
    public static readonly Material SodiumChloride = Solid("sodium chloride", "white", 0.2, 1465, 801, 100000, false, Names("sodium chloride", "liquid sodium chloride", "gaseous sodium chloride"));
    public static readonly Material SaltWater = new("salt water", "white", 10, 0.2, Matter.Solid, 110, -2, 100000, true, Names("solid salt water", "salt water", "gaseous salt water"));
    public static readonly Material SoapyWater = new("soapy water", "white", 10, 0.2, Matter.Solid, 105, -1, 100000, false, Names("solid soapy water", "soapy water", "gaseous soapy water"));
    public static readonly Material OrangeJuice = new("orange juice", "orange", 10, 0.5, Matter.Liquid, 100, 0, 100000, false, Names("solid orange juice", "orange juice", "gaseous orange juice"));
    public static readonly Material AppleJuice = new("apple juice", "yellow", 10, 0.5, Matter.Liquid, 160, -2, 100000, false, Names("solid apple juice", "apple juice", "gaseous apple juice"));
    public static readonly Material Chocolate = Solid("chocolate", "brown", 0.5, 100000, 30, 95, false, Names("solid chocolate", "liquid chocolate", "gaseous chocolate"));
    public static readonly Material Marshmallow = Solid("marshmallow", "white", 0.5, 100000, 36, 350, false, Names("marshmallow", "liquid marshmallow", "gaseous marshmallow"));
    public static readonly Material IceCream = new("ice cream", "white", -15, 0.5, Matter.Solid, 101, -10, 100000, false, Names("ice cream", "liquid ice cream", "gaseous ice cream"));
    public static readonly Material Brick = Solid("brick", "red", 0.1, 100001, 1500, 100000, false);

    public static Material PaintOf(string color) =>
        new(color + "paint", color, 10, 0.2, Matter.Liquid, 10000, 0, 293, false, Names("dried " + color + " paint", color + " paint", "gaseous " + color + " paint"));

    /// <summary>The original's "unknown substance X" for melting-point tasks: a metal with a chosen melting point.</summary>
    public static Material UnknownMetal(string name, double meltingPoint, bool conductive) =>
        Metal with { SubstanceName = name, MeltingPoint = meltingPoint, ElectricallyConductive = conductive, StateNames = Names("solid " + name, "liquid " + name, "gaseous " + name) };
}
