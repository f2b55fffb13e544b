using System.Text;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Objects;

/// <summary>An object's own referents: lower-cased as the original lists them, and tokenized (articles removed)
/// as its parser matches them. Parallel arrays, immutable once built.</summary>
internal sealed class RefSet(string[] raw, string[] tokens)
{
    public string[] Raw { get; } = raw;
    public string[] Tokens { get; } = tokens;

    /// <summary>Number of 64-bit words of an opening mask.</summary>
    public const int OpeningWords = 4;

    /// <summary>One bit per opening (first two characters) of the tokens, hashed into 256 bits: the parser skips an
    /// object whose names cannot start the input without reading any of its strings. Two characters, not one,
    /// because many names share a first letter ("to kitchen" against every "terminal"); 256 bits because every
    /// object let through costs a few cache misses (its set, the tokens array, the strings). A set with a
    /// one-character token admits every opening.</summary>
    public ReadOnlySpan<ulong> Openings => _openings;
    readonly ulong[] _openings = OpeningMask(tokens);

    /// <summary>The bit of the opening of <paramref name="input"/> (0–255), or −1 when it is shorter than two
    /// characters, where no object can be ruled out. A token that prefixes the input has the same opening.</summary>
    public static int OpeningBit(ReadOnlySpan<char> input) =>
        input.Length < 2 ? -1 : (int)(((uint)input[0] * 0x9E3779B1u ^ (uint)input[1] * 0x85EBCA77u) >> 24);

    public bool MayOpenWith(int bit) => bit < 0 || (_openings[bit >> 6] & (1ul << bit)) != 0;

    /// <summary>The opening bits of <paramref name="tokens"/>; a one-character token admits every opening.</summary>
    public static ulong[] OpeningMask(string[] tokens)
    {
        var mask = new ulong[OpeningWords];
        foreach (var t in tokens)
        {
            if (t.Length == 1)
            {
                mask.AsSpan().Fill(ulong.MaxValue);
                break;
            }
            int bit = OpeningBit(t);
            if (bit >= 0) mask[bit >> 6] |= 1ul << bit;
        }
        return mask;
    }
}

/// <summary>What the referents of a terminal, substance, animal or plant are made from (<c>Referents.KeyOf</c>):
/// kind, flags (fire, sickness), name, a terminal's owner's name (A; −1 otherwise), a living thing's species, life
/// stage and (plants) height.</summary>
internal readonly record struct RefKey(Kind Kind, ObjFlags Flags, int Name, int A, int Stage = -1, int Height = -1, SpeciesKey Species = default);

/// <summary>A species by value: tasks make new but equal records (<c>LifeCycles.Tree</c>), and a key holding
/// the record itself would keep a process-wide table growing with every task built. The fields compared are
/// those the record is made from (its names are derived from them); life cycles are static, compared as objects.</summary>
internal readonly struct SpeciesKey(Species? species) : IEquatable<SpeciesKey>
{
    readonly Species? _species = species;

    public bool Equals(SpeciesKey other)
    {
        Species? a = _species, b = other._species;
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        return a.Name == b.Name && a.LifeformType == b.LifeformType && a.LifespanYears.Equals(b.LifespanYears)
               && ReferenceEquals(a.Cycle, b.Cycle) && a.IsPlant == b.IsPlant && a.PlantNoun == b.PlantNoun;
    }

    public override bool Equals(object? obj) => obj is SpeciesKey other && Equals(other);

    public override int GetHashCode() =>
        _species is null ? 0 : HashCode.Combine(_species.Name, _species.LifeformType, _species.PlantNoun, _species.IsPlant);
}

/// <summary>
/// The names the parser accepts for an object (the original's <c>getReferents</c>). Cached per object and
/// rebuilt only after the object (or, for "cup containing water", its contents) changed.
/// </summary>
internal static class Referents
{
    static readonly HashSet<string> StopWords = ["a", "an", "the"];

    /// <summary>The calling thread's scratch lists for <see cref="Of"/> (its result copies them).</summary>
    [ThreadStatic] static List<string>? t_built, t_raw;

    public static RefSet Of(SimWorld w, int id)
    {
        if (w.CachedReferents(id) is { } cached) return cached;
        var key = KeyOf(w, id);
        var shared = s_shared;
        if (key is { } k && shared.TryGetValue(k, out var known))
        {
            w.CacheReferents(id, known);
            return known;
        }
        var refs = BuildSet(w, id);
        w.CacheReferents(id, refs);
        if (key is { } newKey) shared.TryAdd(newKey, refs);
        return refs;
    }

    /// <summary>Everything <see cref="Build"/> reads for a terminal (kind, name, fire flags, its owner's name), a
    /// substance (kind, name, fire flags), an animal (also species and stage) or a plant (also sickness and height);
    /// null for other kinds. Their sets are built again and again with the same strings: the water sinks make and
    /// its two terminals are new objects, and animals and plants are marked stale as they grow.</summary>
    static RefKey? KeyOf(SimWorld w, int id)
    {
        ref var o = ref w[id];
        var fire = o.Flags & (ObjFlags.Combusting | ObjFlags.Combusted);
        return o.Kind switch
        {
            Kind.Terminal or Kind.Anode or Kind.Cathode => new RefKey(o.Kind, fire, o.NameId, w[o.Owner].NameId),
            Kind.Substance or Kind.Water => new RefKey(o.Kind, fire, o.NameId, -1),
            Kind.Animal => new RefKey(o.Kind, fire, o.NameId, -1, o.Stage, Species: new SpeciesKey(Names.SpeciesOf(w, id))),
            Kind.Plant => new RefKey(o.Kind, fire | (o.Flags & ObjFlags.Sickly), o.NameId, -1, o.Stage, o.Counter == 1 ? 1 : 0, new SpeciesKey(Names.SpeciesOf(w, id))),
            _ => null,
        };
    }

    /// <summary>The shared set for what the object's names are made of now, if one was built (for tests).</summary>
    internal static RefSet? SharedFor(SimWorld w, int id) =>
        KeyOf(w, id) is { } key && s_shared.TryGetValue(key, out var set) ? set : null;

    /// <summary>Referent sets by <see cref="KeyOf"/>, for every world of the process: a set holds only strings
    /// made from the key, and is immutable.</summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<RefKey, RefSet> s_shared = new();

    /// <summary>A new referent set for the object, as it is now (not cached).</summary>
    internal static RefSet BuildSet(SimWorld w, int id)
    {
        var set = t_built ??= new List<string>(32);
        var raw = t_raw ??= new List<string>(32);
        set.Clear();
        raw.Clear();
        Build(w, id, set);
        foreach (var r in set)
        {
            if (r.Length == 0) continue;
            var lower = LowerInvariant(r);
            if (!raw.Contains(lower)) raw.Add(lower);
        }
        var tokens = new string[raw.Count];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = Tokenize(raw[i]);
        return new RefSet([.. raw], tokens);
    }

    /// <summary>Builds the referents of every object, so that worlds cloned from this one start with a full cache.</summary>
    public static void WarmAll(SimWorld w)
    {
        for (int id = 0; id < w.Count; id++)
            if (!w.Has(id, ObjFlags.Deleted)) Of(w, id);
    }

    /// <summary><see cref="string.ToLowerInvariant()"/>, without its per-character scan for the usual input: ASCII
    /// without capitals, which it returns unchanged (two vectorized tests instead).</summary>
    public static string LowerInvariant(string s) =>
        System.Text.Ascii.IsValid(s) && !s.AsSpan().ContainsAnyInRange('A', 'Z') ? s : s.ToLowerInvariant();

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
            case Kind.Universe: Add(r, ["universe", d]); return;
            case Kind.Room: Add(r, ["room", name, d]); return;
            case Kind.Outside: Add(r, ["outside", name, d]); return;
            case Kind.Agent: Add(r, ["agent", "self"]); return;
            case Kind.Inventory: Add(r, ["inventory", name]); return;
            case Kind.Terminal:
            case Kind.Anode:
            case Kind.Cathode:
            {
                string owner = w.NameOf(o.Owner);
                Add(r, ["terminal", name, name + " on " + owner, owner + " " + name, d, d + " on " + owner]);
                return;
            }
            case Kind.Substance:
            case Kind.Water: Add(r, ["substance", name, d]); return;
            case Kind.Block: Add(r, ["block", name, d]); return;
            case Kind.Paint: Add(r, ["paint", name, d]); return;
            case Kind.Cup: WithContents(w, id, CupAliases(w, id, name), r); return;
            case Kind.GlassJar: WithContents(w, id, ["jar", "glass jar"], r); return;
            case Kind.FlowerPot:
            case Kind.SelfWateringFlowerPot: WithContents(w, id, ["pot", "flower pot"], r); return;
            case Kind.BookShelf: WithContents(w, id, ["shelf", "book shelf"], r); return;
            case Kind.AnswerBox:
            case Kind.Sewer: Add(r, [name, d]); return;
            case Kind.FirePit: Add(r, ["fire pit", name, d]); return;
            case Kind.Chair:
            case Kind.Couch:
            case Kind.Bed:
            case Kind.Mattress: Add(r, ["sittable", w.MaterialOf(id).SubstanceName + " sittable", name, d]); return;
            case Kind.Table: Add(r, ["table", w.MaterialOf(id).SubstanceName + " table", name, d]); return;
            case Kind.Desk: Add(r, ["desk", "wood desk", name, d]); return;
            case Kind.Counter: Add(r, ["counter", "wood counter", name, d]); return;
            case Kind.Cupboard: Add(r, ["cupboard", "wood cupboard", name, d]); return;
            case Kind.Closet: Add(r, ["closet", "wood closet", name, d]); return;
            case Kind.Drawer: Add(r, ["drawer", "wood table", name, d]); return;
            case Kind.BeeHive: Add(r, ["bee hive", "hive", "beehive", name, d]); return;
            case Kind.Stove: Add(r, ["stove", name]); return;
            case Kind.BlastFurnace: Add(r, ["furnace", name, d]); return;
            case Kind.UltraColdFreezer: Add(r, ["freezer", name, d]); return;
            case Kind.StopWatch: Add(r, ["stopwatch", "watch", "timer", name, d]); return;
            case Kind.LightBulb: Add(r, ["light", "light bulb", name, d]); return;
            case Kind.ElectricMotor: Add(r, ["motor", "electric motor", name, d]); return;
            case Kind.ElectricBuzzer: Add(r, ["buzzer", "electric buzzer", name, d]); return;
            case Kind.Battery:
            case Kind.Generator:
            case Kind.SolarPanel:
            case Kind.WindGenerator: Add(r, ["generator", name, d]); return;
            case Kind.Switch:
            case Kind.Wire: Add(r, ["component", name, d]); return;
            case Kind.Picture:
            {
                string subject = w.Shared.Texts[o.Data].Text1;
                Add(r, [name, name + " of " + subject, d, d + " of " + subject]);
                return;
            }
            case Kind.Book:
            {
                var t = w.Shared.Texts[o.Data];
                Add(r, ["book", t.Text1, "book by " + t.Text2, t.Text1 + " book", name, d, d + " by " + t.Text2, d + " called " + t.Text1]);
                return;
            }
            case Kind.Fork: Add(r, [name, w.MaterialOf(id).SubstanceName + " fork", d]); return;
            case Kind.PaperClip: Add(r, [name, "steel paper clip", d]); return;
            case Kind.AluminumFoil: Add(r, [name, d]); return;
            case Kind.UnknownSubstance: Add(r, [name, "unknown substance", d]); return;
            case Kind.Fruit when Names.FruitColour(name) is { } colour:
                Add(r, [name, colour + " " + name, name, d, Names.Descript(w, id, colour + " " + name)]);
                return;
            case Kind.Animal:
            {
                string stage = Names.StageName(w, id);
                Add(r, ["living thing", "organism", name, d, stage + " " + name, stage + " " + d]);
                return;
            }
            case Kind.Bee: Add(r, ["living thing", "organism", name, Names.SpeciesOf(w, id).LifeformType, d]); return;
            case Kind.Plant: PlantReferents(w, id, r); return;
            case Kind.Flower:
                if (o.Counter > 0) Add(r, ["flower", name, "wilting flower", "wilting " + name, d, "wilting " + d]);
                else Add(r, ["flower", name, d]);
                return;
            case Kind.Pollen: Add(r, ["pollen", name, Names.SpeciesOf(w, o.Data).LifeformType + " pollen", d]); return;
            case Kind.Pillow:
            case Kind.Door:
            case Kind.Drain:
                Add(r, ["object", name, d]);
                return;
            default:
                // Devices and simple things named after their kind: "sink", "oven", "fridge", "soil", "banana", ...
                Add(r, [KindAlias(o.Kind, name), name, d]);
                return;
        }
    }

    /// <summary>List.AddRange would box the collection expression into a heap array; a span stays on the stack.</summary>
    static void Add(List<string> r, params ReadOnlySpan<string> items)
    {
        foreach (var item in items) r.Add(item);
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
        Add(r, ["living thing", "organism", name]);
        if (species.PlantNoun == "plant") r.Add(species.LifeformType);
        Add(r, [name + " in the " + stage + " stage", stage + " plant", plantName, plantName + " in the " + stage + " stage",
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
