using System.Text.Json;
using Spark.Core.Configuration;

namespace Spark.Environments.WebShop;

/// <summary>Which goals to build from WebShop's data files.</summary>
public enum GoalSource
{
    /// <summary>Human goals when <c>items_human_ins.json</c> is present, synthetic goals otherwise.</summary>
    Auto,
    Human,
    Synthetic,
}

/// <summary>
/// Reads WebShop's own data files from a folder, as its <c>load_products</c> does: <c>items_shuffle*.json</c>
/// (scraped products), <c>items_ins_v2*.json</c> (attributes and synthetic instructions) and, when present,
/// <c>items_human_ins.json</c> (crowd-sourced instructions). Product files are streamed, so the full 1.18M-product
/// file loads without holding its JSON in memory.
/// </summary>
public sealed class WebShopDataLoader(string folder, int? maxProducts = null, GoalSource goals = GoalSource.Auto, int seed = 1, string? productsFile = null)
    : ICatalogSource
{
    public const string HumanInstructionsFile = "items_human_ins.json";

    public string Describe() => $"WebShop data in {folder}" + (maxProducts is { } n ? $" (first {n} products)" : "");

    public Catalog Load()
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"WebShop data folder not found: {folder}");
        string productsPath = productsFile != null ? Path.Combine(folder, productsFile) : PickFile("items_shuffle", "--data");
        if (!File.Exists(productsPath)) throw new FileNotFoundException($"WebShop products file not found: {productsPath}");
        string attributesPath = PickAttributesFile(Path.GetFileName(productsPath));
        string humanPath = Path.Combine(folder, HumanInstructionsFile);
        bool human = goals switch
        {
            GoalSource.Human => File.Exists(humanPath) ? true : throw new FileNotFoundException($"human goals need {humanPath}"),
            GoalSource.Synthetic => false,
            _ => File.Exists(humanPath),
        };

        var attributes = ReadAttributes(attributesPath);
        var products = ReadProducts(productsPath, attributes, maxProducts);
        var random = new PythonRandom((ulong)seed);
        var prices = products.Select(p => Pricing.PurchasePrice(p.Pricing, random)).ToList();
        var goalList = human
            ? GoalBuilder.HumanGoals(products, prices, ReadHumanInstructions(humanPath), random)
            : GoalBuilder.SyntheticGoals(products, prices, attributes.Synthetic, random);
        string description = $"{Path.GetFileName(productsPath)}: {products.Count} products, {goalList.Count} {(human ? "human" : "synthetic")} goals";
        return new Catalog(products, prices, goalList, description);
    }

    string PickFile(string prefix, string field)
    {
        var files = Directory.GetFiles(folder, prefix + "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"no {prefix}*.json in {folder}");
        if (files.Count == 1) return files[0];
        // The paper's runs use the 1,000-product set; prefer it when several product files are present.
        return files.FirstOrDefault(f => Path.GetFileName(f) == prefix + "_1000.json")
               ?? throw new ConfigException(field, $"several {prefix}*.json in {folder}; name one with --set items=FILE");
    }

    string PickAttributesFile(string productsName)
    {
        // items_shuffle_1000.json pairs with items_ins_v2_1000.json, items_shuffle.json with items_ins_v2.json.
        string paired = Path.Combine(folder, "items_ins_v2" + productsName["items_shuffle".Length..]);
        return File.Exists(paired) ? paired : PickFile("items_ins_v2", "--data");
    }

    sealed record AttributeData(Dictionary<string, IReadOnlyList<string>> Attributes, Dictionary<string, SyntheticInstruction> Synthetic);

    static AttributeData ReadAttributes(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var synthetic = new Dictionary<string, SyntheticInstruction>(StringComparer.Ordinal);
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object) continue;
            if (entry.Value.TryGetProperty("attributes", out var attrs))
                attributes[entry.Name] = Strings(attrs);
            if (entry.Value.TryGetProperty("instruction", out var ins) && ins.ValueKind == JsonValueKind.String)
            {
                var insAttrs = entry.Value.TryGetProperty("instruction_attributes", out var ia) ? Strings(ia) : [];
                synthetic[entry.Name] = new SyntheticInstruction(ins.GetString()!, insAttrs);
            }
        }
        return new AttributeData(attributes, synthetic);
    }

    static Dictionary<string, IReadOnlyList<HumanInstruction>> ReadHumanInstructions(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, IReadOnlyList<HumanInstruction>>(StringComparer.Ordinal);
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array) continue;
            result[entry.Name] = entry.Value.EnumerateArray().Select(e => new HumanInstruction(
                Text(e, "instruction"),
                e.TryGetProperty("instruction_attributes", out var a) ? Strings(a) : [],
                e.TryGetProperty("instruction_options", out var o) ? Strings(o) : [])).ToList();
        }
        return result;
    }

    static List<Product> ReadProducts(string path, AttributeData attributes, int? maxProducts)
    {
        var products = new List<Product>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        int read = 0;
        foreach (var p in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream).ToBlockingEnumerable())
        {
            if (maxProducts is { } max && read++ >= max) break;
            string asin = Text(p, "asin");
            if (asin == "nan" || asin.Length > 10 || !seen.Add(asin)) continue;
            try
            {
                products.Add(ToProduct(p, asin, attributes));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}, product {asin}: {e.Message}");
            }
        }
        return products;
    }

    static Product ToProduct(JsonElement p, string asin, AttributeData attributes)
    {
        var (prices, tag) = Pricing.Parse(p.TryGetProperty("pricing", out var pr) && pr.ValueKind == JsonValueKind.String ? pr.GetString() : null);
        var bullets = p.TryGetProperty("small_description", out var sd) && sd.ValueKind == JsonValueKind.Array
            ? Strings(sd)
            : [Text(p, "small_description")];
        return new Product(
            asin,
            Text(p, "name"),
            Text(p, "full_description"),
            bullets,
            Text(p, "category"),
            PythonText.Strip(Text(p, "query").ToLowerInvariant()),
            Text(p, "product_category"),
            prices,
            tag,
            Options(p),
            attributes.Attributes.TryGetValue(asin, out var attrs) ? attrs : ["DUMMY_ATTR"]);
    }

    // customization_options: {name: [{value, image}, ...] | null} or "" — names lower-cased, values stripped,
    // '/' shown as ' | ', lower-cased; a repeated name keeps its first position and its last values (dict semantics).
    static IReadOnlyList<OptionGroup> Options(JsonElement p)
    {
        if (!p.TryGetProperty("customization_options", out var co) || co.ValueKind != JsonValueKind.Object) return [];
        var order = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in co.EnumerateObject())
        {
            if (group.Value.ValueKind != JsonValueKind.Array) continue;
            string name = group.Name.ToLowerInvariant();
            var list = group.Value.EnumerateArray()
                .Select(o => PythonText.Strip(Text(o, "value")).Replace("/", " | ").ToLowerInvariant())
                .ToList();
            if (!values.ContainsKey(name)) order.Add(name);
            values[name] = list;
        }
        return order.Select(n => new OptionGroup(n, values[n])).ToList();
    }

    static string Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    static IReadOnlyList<string> Strings(JsonElement e) => e.ValueKind == JsonValueKind.Array
        ? e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.ToString()).ToList()
        : [];
}
