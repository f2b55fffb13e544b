using System.Text;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>An object's own referents: lower-cased as the original lists them, and tokenized (articles removed)
/// as its parser matches them. Parallel arrays, immutable once built.</summary>
internal sealed class RefSet(string[] raw, string[] tokens)
{
    public string[] Raw { get; } = raw;
    public string[] Tokens { get; } = tokens;

    /// <summary>One bit per first character of the tokens: the parser skips an object whose names cannot
    /// start the input without comparing any string.</summary>
    public uint FirstChars { get; } = FirstCharMask(tokens);

    public static uint Bit(char c) => 1u << (c & 31);

    static uint FirstCharMask(string[] tokens)
    {
        uint mask = 0;
        foreach (var t in tokens)
            if (t.Length > 0) mask |= Bit(t[0]);
        return mask;
    }
}

/// <summary>
/// The names the parser accepts for an object (the original's <c>getReferents</c>). Cached per object and
/// rebuilt only after the object (or, for "cup containing water", its contents) changed.
/// </summary>
internal static class Referents
{
    static readonly HashSet<string> StopWords = ["a", "an", "the"];

    public static RefSet Of(SimWorld w, int id)
    {
        if (w.CachedReferents(id) is { } cached) return cached;
        var set = new List<string>(8);
        Build(w, id, set);
        var raw = new List<string>(set.Count);
        foreach (var r in set)
        {
            if (r.Length == 0) continue;
            var lower = r.ToLowerInvariant();
            if (!raw.Contains(lower)) raw.Add(lower);
        }
        var refs = new RefSet([.. raw], raw.Select(Tokenize).ToArray());
        w.CacheReferents(id, refs);
        return refs;
    }

    /// <summary>Builds the referents of every object, so that worlds cloned from this one start with a full cache.</summary>
    public static void WarmAll(SimWorld w)
    {
        for (int id = 0; id < w.Count; id++)
            if (!w.Has(id, ObjFlags.Deleted)) Of(w, id);
    }

    /// <summary>Removes the articles a/an/the and collapses whitespace, as the original's tokenizer does.</summary>
    public static string Tokenize(string text)
    {
        if (IsTokenized(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var token in text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (StopWords.Contains(token)) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(token);
        }
        return sb.ToString();
    }

    /// <summary>True when <see cref="Tokenize"/> would return the text unchanged: single spaces between words,
    /// none at the ends, no article. Most names are, and the parser tokenizes on every input.</summary>
    static bool IsTokenized(string text)
    {
        if (text.Length == 0) return true;
        if (text[0] == ' ' || text[^1] == ' ') return false;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ' ')
            {
                if (char.IsWhiteSpace(text[i])) return false;
                continue;
            }
            int len = i - start;
            if (len == 0) return false; // double space
            if (len <= 3)
            {
                var word = text.AsSpan(start, len);
                if (word is "a" or "an" or "the") return false;
            }
            start = i + 1;
        }
        return true;
    }

    static void Build(SimWorld w, int id, List<string> r)
    {
        ref var o = ref w[id];
        string name = o.Name, d = Names.Descript(w, id);
        switch (o.Kind)
        {
            case Kind.Universe: r.AddRange(["universe", d]); return;
            case Kind.Room: r.AddRange(["room", name, d]); return;
            case Kind.Outside: r.AddRange(["outside", name, d]); return;
            case Kind.Agent: r.AddRange(["agent", "self"]); return;
            case Kind.Inventory: r.AddRange(["inventory", name]); return;
            case Kind.Terminal:
            case Kind.Anode:
            case Kind.Cathode:
            {
                string owner = w.NameOf(o.Owner);
                r.AddRange(["terminal", name, name + " on " + owner, owner + " " + name, d, d + " on " + owner]);
                return;
            }
            case Kind.Substance:
            case Kind.Water: r.AddRange(["substance", name, d]); return;
            case Kind.Block: r.AddRange(["block", name, d]); return;
            case Kind.Paint: r.AddRange(["paint", name, d]); return;
            case Kind.Cup: WithContents(w, id, CupAliases(w, id, name), r); return;
            case Kind.GlassJar: WithContents(w, id, ["jar", "glass jar"], r); return;
            case Kind.FlowerPot:
            case Kind.SelfWateringFlowerPot: WithContents(w, id, ["pot", "flower pot"], r); return;
            case Kind.BookShelf: WithContents(w, id, ["shelf", "book shelf"], r); return;
            case Kind.AnswerBox:
            case Kind.Sewer: r.AddRange([name, d]); return;
            case Kind.FirePit: r.AddRange(["fire pit", name, d]); return;
            case Kind.Chair:
            case Kind.Couch:
            case Kind.Bed:
            case Kind.Mattress: r.AddRange(["sittable", w.MaterialOf(id).SubstanceName + " sittable", name, d]); return;
            case Kind.Table: r.AddRange(["table", w.MaterialOf(id).SubstanceName + " table", name, d]); return;
            case Kind.Desk: r.AddRange(["desk", "wood desk", name, d]); return;
            case Kind.Counter: r.AddRange(["counter", "wood counter", name, d]); return;
            case Kind.Cupboard: r.AddRange(["cupboard", "wood cupboard", name, d]); return;
            case Kind.Closet: r.AddRange(["closet", "wood closet", name, d]); return;
            case Kind.Drawer: r.AddRange(["drawer", "wood table", name, d]); return;
            case Kind.BeeHive: r.AddRange(["bee hive", "hive", "beehive", name, d]); return;
            case Kind.Stove: r.AddRange(["stove", name]); return;
            case Kind.BlastFurnace: r.AddRange(["furnace", name, d]); return;
            case Kind.UltraColdFreezer: r.AddRange(["freezer", name, d]); return;
            case Kind.StopWatch: r.AddRange(["stopwatch", "watch", "timer", name, d]); return;
            case Kind.LightBulb: r.AddRange(["light", "light bulb", name, d]); return;
            case Kind.ElectricMotor: r.AddRange(["motor", "electric motor", name, d]); return;
            case Kind.ElectricBuzzer: r.AddRange(["buzzer", "electric buzzer", name, d]); return;
            case Kind.Battery:
            case Kind.Generator:
            case Kind.SolarPanel:
            case Kind.WindGenerator: r.AddRange(["generator", name, d]); return;
            case Kind.Switch:
            case Kind.Wire: r.AddRange(["component", name, d]); return;
            case Kind.Picture:
            {
                string subject = w.Shared.Texts[o.Data].Text1;
                r.AddRange([name, name + " of " + subject, d, d + " of " + subject]);
                return;
            }
            case Kind.Book:
            {
                var t = w.Shared.Texts[o.Data];
                r.AddRange(["book", t.Text1, "book by " + t.Text2, t.Text1 + " book", name, d, d + " by " + t.Text2, d + " called " + t.Text1]);
                return;
            }
            case Kind.Fork: r.AddRange([name, w.MaterialOf(id).SubstanceName + " fork", d]); return;
            case Kind.PaperClip: r.AddRange([name, "steel paper clip", d]); return;
            case Kind.AluminumFoil: r.AddRange([name, d]); return;
            case Kind.UnknownSubstance: r.AddRange([name, "unknown substance", d]); return;
            case Kind.Fruit when Names.FruitColour(name) is { } colour:
                r.AddRange([name, colour + " " + name, name, d, Names.Descript(w, id, colour + " " + name)]);
                return;
            case Kind.Animal:
            {
                string stage = Names.StageName(w, id);
                r.AddRange(["living thing", "organism", name, d, stage + " " + name, stage + " " + d]);
                return;
            }
            case Kind.Bee: r.AddRange(["living thing", "organism", name, Names.SpeciesOf(w, id).LifeformType, d]); return;
            case Kind.Plant: PlantReferents(w, id, r); return;
            case Kind.Flower:
                if (o.Counter > 0) r.AddRange(["flower", name, "wilting flower", "wilting " + name, d, "wilting " + d]);
                else r.AddRange(["flower", name, d]);
                return;
            case Kind.Pollen: r.AddRange(["pollen", name, Names.SpeciesOf(w, o.Data).LifeformType + " pollen", d]); return;
            case Kind.Pillow:
            case Kind.Door:
            case Kind.Drain:
                r.AddRange(["object", name, d]);
                return;
            default:
                // Devices and simple things named after their kind: "sink", "oven", "fridge", "soil", "banana", ...
                r.AddRange([KindAlias(o.Kind, name), name, d]);
                return;
        }
    }

    static string KindAlias(Kind kind, string name) => kind switch
    {
        Kind.Sink => "sink", Kind.Bathtub => "bathtub", Kind.Toilet => "toilet", Kind.Oven => "oven",
        Kind.Fridge => "fridge", Kind.Freezer => "freezer", Kind.Thermometer => "thermometer", Kind.Lighter => "lighter",
        Kind.Shovel => "shovel", Kind.Axe => "axe", Kind.Fountain => "fountain", Kind.Hole => "hole",
        Kind.Soil => "soil", Kind.Ground => "ground",
        _ => name,
    };

    static string[] CupAliases(SimWorld w, int id, string name) => name switch
    {
        "metal pot" => ["pot", "metal pot"],
        "bowl" => ["bowl", w.MaterialOf(id).SubstanceName + " bowl"],
        "jug" => ["jug"],
        _ => ["cup", name],
    };

    /// <summary>The original's <c>mkContentReferences</c>: each name, and the name "containing X and Y".</summary>
    static void WithContents(SimWorld w, int id, string[] aliases, List<string> r)
    {
        string contents = ContentsPhrase(w, id);
        foreach (var a in aliases.Concat([w.NameOf(id), Names.Descript(w, id)]))
        {
            r.Add(a);
            r.Add(a + " containing " + contents);
        }
    }

    static string ContentsPhrase(SimWorld w, int id)
    {
        var names = new List<string>();
        foreach (int c in w.Children(id))
            if (!w.IsHidden(c)) names.Add(Names.Descript(w, c));
        if (names.Count == 0) return "nothing";
        names.Sort(StringComparer.Ordinal);
        return string.Join(" and ", names);
    }

    static void PlantReferents(SimWorld w, int id, List<string> r)
    {
        string name = w.NameOf(id), d = Names.Descript(w, id), stage = Names.StageName(w, id);
        string plantName = Names.PlantName(w, id);
        var species = Names.SpeciesOf(w, id);
        r.AddRange(["living thing", "organism", name]);
        if (species.PlantNoun == "plant") r.Add(species.LifeformType);
        r.AddRange([name + " in the " + stage + " stage", stage + " plant", plantName, plantName + " in the " + stage + " stage",
                    stage + " " + plantName, d, d + " in the " + stage + " stage"]);
        string traits = Names.PlantTraits(w, id);
        if (traits.StartsWith(" with a ", StringComparison.Ordinal))
        {
            string prefix = traits[8..].Trim();
            int n = r.Count;
            for (int i = 0; i < n; i++) r.Add(r[i].Replace(plantName, prefix + " " + plantName, StringComparison.Ordinal));
        }
        if (w.Has(id, ObjFlags.Sickly))
        {
            int n = r.Count;
            for (int i = 0; i < n; i++) r.Add("sick " + r[i]);
        }
    }
}
