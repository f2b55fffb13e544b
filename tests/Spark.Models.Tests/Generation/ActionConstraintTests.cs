using Spark.Models.Generation;
using Spark.Models.Tests.Support;

namespace Spark.Models.Tests.Generation;

public sealed class ActionConstraintTests
{
    static readonly string[] Admissible = ["go to cabinet 1", "go to cabinet 12", "go to countertop 1", "open drawer 2", "take apple 1 from fridge 1", "look"];

    /// <summary>Walks random allowed tokens from the opened action until it closes; the body must be admissible.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Random_walks_through_the_mask_always_end_on_an_admissible_action(bool markersAreSpecial)
    {
        var tokenizer = new TestTokenizer(markersAreSpecial);
        var texts = TokenTexts.For(tokenizer);
        var constraint = new ActionConstraint(texts, Admissible);
        var random = new Random(5);
        var seen = new HashSet<string>();
        for (int trial = 0; trial < 200; trial++)
        {
            var ids = tokenizer.Encode("<think>I should act.</think>\n<action>").ToList();
            string text = string.Concat(ids.Select(i => texts[i]));
            for (int step = 0; step < 100 && !text.EndsWith(ActionConstraint.Close); step++)
            {
                var mask = constraint.MaskFor(text);
                Assert.NotNull(mask);
                Assert.True(mask!.AllowOnly);
                Assert.NotEmpty(mask.Ids);
                int token = mask.Ids[random.Next(mask.Ids.Length)];
                ids.Add(token);
                text += texts[token];
            }
            Assert.EndsWith(ActionConstraint.Close, text);
            int open = text.LastIndexOf(ActionConstraint.Open, StringComparison.Ordinal) + ActionConstraint.Open.Length;
            string action = text[open..^ActionConstraint.Close.Length];
            Assert.Contains(action, Admissible);
            seen.Add(action);
            Assert.Null(constraint.MaskFor(text)); // after the action the text is free again
        }
        Assert.True(seen.Count >= 4, $"only {seen.Count} distinct actions reached");
    }

    [Fact]
    public void Close_is_allowed_only_after_a_complete_action()
    {
        var tokenizer = new TestTokenizer(actionMarkersSpecial: true);
        var constraint = new ActionConstraint(TokenTexts.For(tokenizer), Admissible);
        int close = tokenizer.TokenToId("</action>")!.Value;
        Assert.False(constraint.MaskFor("<action>go to cabinet")!.Allows(close));
        var afterOne = constraint.MaskFor("<action>go to cabinet 1")!;
        Assert.True(afterOne.Allows(close));                                 // "go to cabinet 1" is complete
        Assert.True(afterOne.Allows(tokenizer.Encode("2").Single()));        // ... and a prefix of "go to cabinet 12"
        Assert.False(afterOne.Allows(tokenizer.EndOfResponseId));
        Assert.Null(constraint.MaskFor("<think>free text</think>"));
    }

    [Fact]
    public void Multi_token_markers_ban_opening_tokens_with_a_bad_tail()
    {
        var tokenizer = new TestTokenizer(actionMarkersSpecial: false);
        var texts = TokenTexts.For(tokenizer);
        var constraint = new ActionConstraint(texts, ["look"]);
        // The text ends with "<action" (no special token); ">" opens the action with an empty tail: allowed.
        var mask = constraint.MaskFor("<think>x</think><action");
        int gt = tokenizer.Encode(">").Single();
        Assert.True(mask == null || mask.Allows(gt));
        // Masks over a whole response equal the step-by-step masks.
        var ids = tokenizer.Encode("<action>lo");
        var masks = constraint.Masks(ids);
        Assert.Equal(ids.Length, masks.Length);
        string text = "";
        for (int j = 0; j < ids.Length; j++)
        {
            Assert.Equal(constraint.MaskFor(text)?.Ids, masks[j]?.Ids);
            text += texts[ids[j]];
        }
        Assert.True(masks[^1]!.AllowOnly); // inside the action after "<action>l"
    }
}
