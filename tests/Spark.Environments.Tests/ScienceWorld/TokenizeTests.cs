using Spark.Environments.ScienceWorld.Objects;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>
/// <c>Referents.Tokenize</c> returns already-tokenized text unchanged after a quick test; that test must never
/// let through text the full form (drop a/an/the, collapse whitespace) would change.
/// </summary>
public class TokenizeTests
{
    static string Plain(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("a" or "an" or "the")));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("an")]
    [InlineData("the")]
    [InlineData("banana")]
    [InlineData("the cup")]
    [InlineData("cup of the")]
    [InlineData("pick up a cup")]
    [InlineData("move an apple to the table")]
    [InlineData("theater an ant ants panda")]
    [InlineData("cup  of water")]
    [InlineData(" cup")]
    [InlineData("cup ")]
    [InlineData("cup\tof water")]
    [InlineData("cup\u00A0of water")]
    [InlineData("look at a\nb")]
    [InlineData("teleport to kitchen")]
    [InlineData("a the an")]
    public void Tokenize_equals_the_plain_form(string text)
    {
        Assert.Equal(Plain(text), Referents.Tokenize(text));
    }

    /// <summary><c>Referents.LowerInvariant</c> skips the lower-casing for ASCII text without capitals: it must give
    /// what <see cref="string.ToLowerInvariant()"/> gives for everything else too.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("teleport to kitchen")]
    [InlineData("Teleport to Kitchen")]
    [InlineData("look AROUND")]
    [InlineData("Z")]
    [InlineData("@[`{")]
    [InlineData("tas\u212A")]
    [InlineData("\u0130tem")]
    [InlineData("caf\u00C9 cup")]
    [InlineData("caf\u00E9 cup")]
    public void LowerInvariant_equals_ToLowerInvariant(string text)
    {
        Assert.Equal(text.ToLowerInvariant(), Referents.LowerInvariant(text));
    }
}
