using System.Globalization;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>How objects are named in text: the original's <c>getDescriptName</c> and its per-class variants.</summary>
internal static class Names
{
    /// <summary>The name with fire decorations ("burned X", "X (on fire)"), with an optional override.</summary>
    public static string Descript(SimWorld w, int id, string? overrideName = null)
    {
        ref var o = ref w[id];
        string name = overrideName ?? o.Name;
        switch (o.Kind)
        {
            case Kind.Door:
            case Kind.Drain:
                return "door between " + w.NameOf(o.Owner) + " and " + w.NameOf(o.Link);
            case Kind.Animal when overrideName == null:
                name = AnimalCanonical(w, id);
                break;
        }
        if (o.Has(ObjFlags.Combusting)) return name + " (on fire)";
        if (o.Has(ObjFlags.Combusted)) return "burned " + name;
        return name;
    }

    /// <summary>True when the object's descriptive name equals <paramref name="name"/> (ignoring case). Goals
    /// test names on every check; this builds the descriptive name only when it can differ from the plain one.</summary>
    public static bool DescriptIs(SimWorld w, int id, string name)
    {
        ref var o = ref w[id];
        bool decorated = o.Has(ObjFlags.Combusting) || o.Has(ObjFlags.Combusted);
        switch (o.Kind)
        {
            case Kind.Door:
            case Kind.Drain:
                if (!name.StartsWith("door between ", StringComparison.OrdinalIgnoreCase)) return false;
                break;
            case Kind.Animal:
                if (!decorated) return string.Equals(AnimalCanonical(w, id), name, StringComparison.OrdinalIgnoreCase);
                break;
            default:
                if (!decorated) return string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase);
                break;
        }
        return string.Equals(Descript(w, id), name, StringComparison.OrdinalIgnoreCase);
    }

    public static Species SpeciesOf(SimWorld w, int id) => w.Shared.Species[w[id].Data];

    public static string StageName(SimWorld w, int id) => SpeciesOf(w, id).Cycle.Stages[w[id].Stage].Name;

    /// <summary>An animal's name for its life stage: "baby wolf", "crocodile egg", "tadpole".</summary>
    public static string AnimalCanonical(SimWorld w, int id)
    {
        return SpeciesOf(w, id).AnimalNames[w[id].Stage];
    }

    /// <summary>"lemon seed" in the seed stage, otherwise "lemon tree" (or "pea plant"), with fire decorations.</summary>
    public static string PlantName(SimWorld w, int id)
    {
        var species = SpeciesOf(w, id);
        string name = w[id].Stage == LifeCycles.PlantSeed ? species.SeedName : species.GrownName;
        return Descript(w, id, name);
    }

    /// <summary>The pea plant's height trait, shown in the adult and reproducing stages.</summary>
    public static string PlantTraits(SimWorld w, int id)
    {
        if (SpeciesOf(w, id).PlantNoun != "plant") return "";
        int stage = w[id].Stage;
        if (stage is not (LifeCycles.PlantAdult or LifeCycles.PlantReproducing)) return "";
        return " with a " + (w[id].Counter == 1 ? "tall" : "short") + " height";
    }

    /// <summary>Java's <c>%.0f</c>: round half away from zero, keeping the sign of negative zero.</summary>
    public static string Degrees(double celsius) => celsius.ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>Fruits the original names with their colour ("red apple", "orange apricot"), else null.</summary>
    public static string? FruitColour(string name) => name switch { "apple" => "red", "apricot" => "orange", _ => null };

    /// <summary>"a" or "an" for the few fixed nouns the original writes with "an".</summary>
    public static string FruitArticle(string name) => name is "orange" or "avocado" or "grapefruit" ? "an " : "a ";
}
