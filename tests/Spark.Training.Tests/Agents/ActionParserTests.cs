using Spark.Training.Agents.Parsing;

namespace Spark.Training.Tests.Agents;

public class ActionParserTests
{
    [Theory]
    [InlineData("<think>I need the mug.</think>\n<action>go to countertop 1</action>", "go to countertop 1", "think")]
    [InlineData("<explore>It may be in a cabinet.</explore>\n<action>open cabinet 1</action>", "open cabinet 1", "explore")]
    [InlineData("<THINK>upper case tags count</THINK><Action>  look  </Action>", "look", "think")]
    [InlineData("preamble <think>\nmulti\nline\n</think> middle <action>\ninventory\n</action> tail", "inventory", "think")]
    public void Well_formed_responses_are_valid(string response, string action, string mode)
    {
        var parsed = ActionParser.Parse(response);
        Assert.True(parsed.Valid, parsed.Problems.ToString());
        Assert.Equal(action, parsed.Action);
        Assert.Equal(mode, parsed.Mode);
        Assert.Equal(FormatProblem.None, parsed.Problems);
    }

    [Theory]
    [InlineData("go to countertop 1", "", FormatProblem.ActionCount | FormatProblem.ReasoningCount | FormatProblem.EmptyReasoning)]
    [InlineData("<think>a</think><action>x</action><action>y</action>", "", FormatProblem.ActionCount)]
    [InlineData("<action>x</action>", "x", FormatProblem.ReasoningCount | FormatProblem.EmptyReasoning)]
    [InlineData("<think></think><action>x</action>", "x", FormatProblem.EmptyReasoning)]
    [InlineData("<think>   \n </think><action>x</action>", "x", FormatProblem.EmptyReasoning)]
    [InlineData("<action>x</action><think>late</think>", "x", FormatProblem.ReasoningAfterAction)]
    [InlineData("<think>a</think><explore>b</explore><action>x</action>", "x", FormatProblem.ReasoningCount)]
    [InlineData("<think>a</think><think>b</think><action>x</action>", "x", FormatProblem.ReasoningCount)]
    [InlineData("<think>我需要杯子</think><action>x</action>", "x", FormatProblem.Cjk)]
    [InlineData("<think>unclosed <action>x</action>", "x", FormatProblem.ReasoningCount | FormatProblem.EmptyReasoning)]
    [InlineData("<think>a</think><action>unclosed", "", FormatProblem.ActionCount)]
    public void Broken_responses_are_invalid_and_still_yield_the_extracted_action(string response, string action, FormatProblem problems)
    {
        var parsed = ActionParser.Parse(response);
        Assert.False(parsed.Valid);
        Assert.Equal(action, parsed.Action);
        Assert.Equal(problems, parsed.Problems);
    }

    [Fact]
    public void Nested_tags_match_leftmost_shortest_as_the_papers_regex()
    {
        // re.finditer(r"<think>(.*?)</think>") sees one pair "<think>a <think>b</think>" with content "a <think>b".
        var parsed = ActionParser.Parse("<think>a <think>b</think> c</think><action>x</action>");
        Assert.True(parsed.Valid);
        Assert.Equal("a <think>b", parsed.Reasoning);

        // An action tag nested inside the reasoning is still the one action, and it starts after the reasoning.
        var inside = ActionParser.Parse("<think>I will <action>look</action> now</think>");
        Assert.Equal("look", inside.Action);
        Assert.True(inside.Valid);
    }

    [Fact]
    public void Explore_needs_a_complete_case_sensitive_pair_and_ignores_validity()
    {
        Assert.True(ActionParser.Parse("<explore>x</explore>").Explore);
        Assert.True(ActionParser.Parse("<explore></explore><action>a</action><action>b</action>").Explore);
        Assert.False(ActionParser.Parse("<explore>unclosed <action>a</action>").Explore);
        Assert.False(ActionParser.Parse("<EXPLORE>x</EXPLORE><action>a</action>").Explore);
        Assert.True(ActionParser.Parse("<EXPLORE>x</EXPLORE><action>a</action>").Valid);
        Assert.False(ActionParser.Parse("</explore> then <explore>").Explore);
    }

    [Fact]
    public void Ten_kilobytes_of_noise_parse_without_trouble()
    {
        var random = new Random(7);
        string[] bits = ["<action>", "</action>", "<think>", "</think>", "<explore>", "</explore>", "<", ">", "/", " ", "a", "\n", "测"];
        var noise = string.Concat(Enumerable.Range(0, 2500).Select(_ => bits[random.Next(bits.Length)]));
        Assert.True(noise.Length >= 10_000);
        var parsed = ActionParser.Parse(noise);
        Assert.False(parsed.Valid);
        Assert.NotNull(parsed.Action);

        string unclosed = string.Concat(Enumerable.Repeat("<action><think><explore>", 500));
        Assert.Equal("", ActionParser.Parse(unclosed).Action);
    }

    [Fact]
    public void Null_and_empty_input_are_invalid_with_an_empty_action()
    {
        Assert.Equal("", ActionParser.Parse(null).Action);
        Assert.False(ActionParser.Parse("").Valid);
        Assert.False(ActionParser.IsExplore(null));
    }

    [Fact]
    public void Fuzz_ten_thousand_random_and_mutated_responses_never_throw()
    {
        var random = new Random(12345);
        string[] seeds =
        [
            "<think>I need the mug.</think>\n<action>go to countertop 1</action>",
            "<explore>It may be in a cabinet, drawer or fridge.</explore>\n<action>open cabinet 1</action>",
            "<action>look</action>",
        ];
        string[] pieces = ["<", ">", "/", "action", "think", "explore", "</", "<action>", "</think>", "\u4e2d", "\ud83d", "\0", "\r\n", "é", " "];
        int valid = 0;
        for (int i = 0; i < 10_000; i++)
        {
            string text = i % 2 == 0 ? Mutate(seeds[random.Next(seeds.Length)], random, pieces) : RandomText(random, pieces);
            var parsed = ActionParser.Parse(text);
            Assert.NotNull(parsed.Action);
            Assert.Equal(parsed.Valid, parsed.Problems == FormatProblem.None);
            if (parsed.Valid)
            {
                valid++;
                Assert.NotNull(parsed.Mode);
                Assert.False(string.IsNullOrWhiteSpace(parsed.Reasoning));
            }
        }
        Assert.InRange(valid, 1, 9_999); // the mix holds both kinds
    }

    static string Mutate(string text, Random random, string[] pieces)
    {
        var chars = new List<char>(text);
        int edits = random.Next(1, 6);
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0 when chars.Count > 0 && at < chars.Count: chars.RemoveAt(at); break;
                case 1: chars.InsertRange(at, pieces[random.Next(pieces.Length)]); break;
                default: if (at < chars.Count) chars[at] = (char)random.Next(0x20, 0xFFFF); break;
            }
        }
        return new string([.. chars]);
    }

    static string RandomText(Random random, string[] pieces) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => random.Next(4) == 0 ? ((char)random.Next(0, 0xFFFF)).ToString() : pieces[random.Next(pieces.Length)]));
}
