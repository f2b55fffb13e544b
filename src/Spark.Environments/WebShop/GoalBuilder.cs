namespace Spark.Environments.WebShop;

/// <summary>One crowd-sourced instruction for a product (an entry of <c>items_human_ins.json</c>).</summary>
public sealed record HumanInstruction(string Instruction, IReadOnlyList<string> Attributes, IReadOnlyList<string> Options);

/// <summary>A product's synthetic instruction (<c>items_ins_v2*.json</c>: instruction, instruction_attributes).</summary>
public sealed record SyntheticInstruction(string Instruction, IReadOnlyList<string> Attributes);

/// <summary>
/// WebShop's <c>get_human_goals</c> / <c>get_synthetic_goals</c> followed by <c>random.seed(233); random.shuffle(goals)</c>,
/// which fixes the goal order and so the splits (test = goals 0–499).
/// </summary>
public static class GoalBuilder
{
    /// <summary>The seed WebShop shuffles its goals with.</summary>
    public const int ShuffleSeed = 233;

    /// <summary>Human goals: one per instruction with at least one attribute; options are plain values.</summary>
    public static List<Goal> HumanGoals(
        IReadOnlyList<Product> products, IReadOnlyList<double> prices,
        IReadOnlyDictionary<string, IReadOnlyList<HumanInstruction>> instructions, PythonRandom priceRandom)
    {
        var goals = new List<Goal>();
        for (int i = 0; i < products.Count; i++)
        {
            var product = products[i];
            if (!instructions.TryGetValue(product.Asin, out var list)) continue;
            foreach (var ins in list)
            {
                if (ins.Attributes.Count == 0) continue;
                var (upper, clause) = Pricing.GoalBound(prices[i], priceRandom);
                goals.Add(new Goal(product.Asin, product.Category, product.Query, product.Title, product.ProductCategory,
                    ins.Instruction.Trim('.') + clause, ins.Attributes,
                    ins.Options.Select(o => new GoalOption(o)).ToList(), upper));
            }
        }
        return Shuffled(goals);
    }

    /// <summary>Synthetic goals: one per combination of the product's option values, options named in the text.</summary>
    public static List<Goal> SyntheticGoals(
        IReadOnlyList<Product> products, IReadOnlyList<double> prices,
        IReadOnlyDictionary<string, SyntheticInstruction> instructions, PythonRandom priceRandom)
    {
        var goals = new List<Goal>();
        for (int i = 0; i < products.Count; i++)
        {
            var product = products[i];
            if (!instructions.TryGetValue(product.Asin, out var ins) || ins.Attributes.Count == 0) continue;
            var (upper, clause) = Pricing.GoalBound(prices[i], priceRandom);
            var groups = product.Options.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
            foreach (var combination in Combinations(groups))
            {
                var options = combination.Select((value, g) => new GoalOption(value, groups[g].Name)).ToList();
                string optionText = options.Count == 0 ? "" : " with " + string.Join(", and ", options.Select(o => $"{o.Name}: {o.Value}"));
                goals.Add(new Goal(product.Asin, product.Category, product.Query, product.Title, product.ProductCategory,
                    ins.Instruction + optionText + clause, ins.Attributes, options, upper));
            }
        }
        return Shuffled(goals);
    }

    static List<Goal> Shuffled(List<Goal> goals)
    {
        new PythonRandom(ShuffleSeed).Shuffle(goals);
        return goals;
    }

    // itertools.product over the groups' values, first group slowest.
    static IEnumerable<string[]> Combinations(IReadOnlyList<OptionGroup> groups)
    {
        var index = new int[groups.Count];
        if (groups.Any(g => g.Values.Count == 0)) yield break;
        while (true)
        {
            yield return groups.Select((g, k) => g.Values[index[k]]).ToArray();
            int pos = groups.Count - 1;
            while (pos >= 0 && ++index[pos] == groups[pos].Values.Count) index[pos--] = 0;
            if (pos < 0) yield break;
        }
    }
}
