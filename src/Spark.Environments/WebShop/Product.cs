namespace Spark.Environments.WebShop;

/// <summary>One option group of a product page, e.g. <c>color: black, navy blue</c>. Names and values are
/// lower-case with '/' shown as ' | ', as WebShop's loader stores them.</summary>
public sealed record OptionGroup(string Name, IReadOnlyList<string> Values);

/// <summary>
/// A product as WebShop's <c>load_products</c> leaves it: the fields the pages show and the reward reads.
/// </summary>
/// <param name="Asin">Ten-character id, upper-case ("B09P87V3LZ").</param>
/// <param name="Title">Page title (<c>name</c> in the data files).</param>
/// <param name="Description">Description sub-page text (<c>full_description</c>).</param>
/// <param name="BulletPoints">Features sub-page lines (<c>small_description</c>).</param>
/// <param name="Category">Coarse category: beauty, electronics, fashion, garden or grocery.</param>
/// <param name="Query">The shopping query the product was scraped for, lower-case.</param>
/// <param name="ProductCategory">Breadcrumb path "A › B › C".</param>
/// <param name="Pricing">One price, or the low and high end of a range.</param>
/// <param name="PriceTag">The price as the pages print it ("$24.49 to $39.99", "$100.0").</param>
/// <param name="Options">Option groups in page order.</param>
/// <param name="Attributes">Attribute phrases the reward matches goal attributes against.</param>
public sealed record Product(
    string Asin,
    string Title,
    string Description,
    IReadOnlyList<string> BulletPoints,
    string Category,
    string Query,
    string ProductCategory,
    IReadOnlyList<double> Pricing,
    string PriceTag,
    IReadOnlyList<OptionGroup> Options,
    IReadOnlyList<string> Attributes)
{
    /// <summary>The text WebShop indexes for search: lower(title, description, first bullet, option text).</summary>
    public string SearchText()
    {
        string optionText = string.Join(", and ", Options.Select(o => $"{o.Name}: {string.Join(", ", o.Values)}"));
        string firstBullet = BulletPoints.Count > 0 ? BulletPoints[0] : "";
        return string.Join(' ', Title, Description, firstBullet, optionText).ToLowerInvariant();
    }
}

/// <summary>
/// One option a goal asks for. Human goals list plain values; WebShop's synthetic goals keep (name, value)
/// pairs, which its reward then compares as Python tuples (see <see cref="WebShopReward"/>).
/// </summary>
public sealed record GoalOption(string Value, string? Name = null);

/// <summary>A shopping goal (WebShop's goal dict): the target product's identity, the instruction and what the reward checks.</summary>
/// <param name="Asin">The product the instruction was written for.</param>
/// <param name="Name">The target's title; r_type compares the bought title's nouns with it.</param>
/// <param name="InstructionText">What the agent reads, with the price clause when there is one.</param>
/// <param name="Attributes">Goal attributes (<c>instruction_attributes</c>).</param>
/// <param name="Options">Goal options.</param>
/// <param name="PriceUpper">Price bound; 1e6 when the instruction has no price clause.</param>
public sealed record Goal(
    string Asin,
    string Category,
    string Query,
    string Name,
    string ProductCategory,
    string InstructionText,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<GoalOption> Options,
    double PriceUpper);
