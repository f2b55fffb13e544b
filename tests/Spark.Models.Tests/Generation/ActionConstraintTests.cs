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

    [Fact]
    public void An_open_reasoning_tag_can_only_be_closed_by_its_own_closer()
    {
        var tokenizer = new TestTokenizer(actionMarkersSpecial: true);
        var constraint = new ActionConstraint(TokenTexts.For(tokenizer), Admissible);
        int thinkClose = tokenizer.TokenToId("</think>")!.Value, exploreClose = tokenizer.TokenToId("</explore>")!.Value;

        var inExplore = constraint.MaskFor("<explore>I am not sure where the mug is.")!;
        Assert.False(inExplore.Allows(thinkClose));
        Assert.True(inExplore.Allows(exploreClose));
        var inThink = constraint.MaskFor("<think>The mug is here.")!;
        Assert.False(inThink.Allows(exploreClose));
        Assert.True(inThink.Allows(thinkClose));
        Assert.Null(constraint.MaskFor("<explore>Unsure.</explore>")); // closed: free again
        Assert.Null(constraint.MaskFor("free text before any tag"));
    }

    [Fact]
    public void A_closer_spelled_over_several_tokens_cannot_turn_into_the_wrong_one()
    {
        var tokenizer = new TestTokenizer(actionMarkersSpecial: false);
        var texts = TokenTexts.For(tokenizer);
        var constraint = new ActionConstraint(texts, ["look"]);
        int Id(string text) => Enumerable.Range(0, texts.Count).First(i => texts[i] == text);
        var mask = constraint.MaskFor("<explore>Unsure.</")!;   // "</" is one token of this vocabulary
        Assert.False(mask.Allows(Id("think")));                  // would spell "</think"
        Assert.False(mask.Allows(Id("t")));
        Assert.True(mask.Allows(Id("e")));                       // "</e..." may still become "</explore>"
        Assert.True(mask.Allows(Id("a")));                       // "</a..." may become "</action>"

        // Random walks inside an open <explore> never write a closer of another tag.
        var random = new Random(3);
        var pool = Enumerable.Range(0, texts.Count).Where(i => texts[i].Length > 0).ToArray();
        for (int trial = 0; trial < 100; trial++)
        {
            string text = "<explore>";
            for (int step = 0; step < 12; step++)
            {
                var allowed = constraint.MaskFor(text);
                int token;
                do token = random.Next(4) == 0 ? Id("</") : pool[random.Next(pool.Length)];
                while (allowed != null && !allowed.Allows(token));
                text += texts[token];
            }
            Assert.DoesNotContain("</t", text);
            Assert.DoesNotContain("</p", text);
        }
    }
}
