using System.Text.Json;
using Spark.Tests.Shared;

namespace Spark.Models.Tests.Tokenization;

/// <summary>Texts the tokenizer tests encode: the environments' real prompts (shared fixtures) and hand-written edge cases.</summary>
internal static class TokenizerSamples
{
    /// <summary>Every prompt string of the ALFWorld, WebShop and ScienceWorld fixtures named in the brief.</summary>
    public static IReadOnlyList<(string Name, string Text)> FixtureTexts { get; } = LoadFixtureTexts();

    static List<(string, string)> LoadFixtureTexts()
    {
        var texts = new List<(string, string)>();
        foreach (var (env, file) in new[]
                 {
                     ("alfworld", "react_alfworld_3prompts.json"),
                     ("scienceworld", "agentboard_scienceworld_base.json"),
                 })
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(env, file)));
            int n = 0;
            foreach (string s in Strings(doc.RootElement)) texts.Add(($"{file}#{n++}", s));
        }
        texts.Add(("react_webshop_prompt1.txt", File.ReadAllText(RepoPaths.Fixture("webshop", "react_webshop_prompt1.txt"))));
        texts.Add(("react_webshop_episodes_0-49.txt", File.ReadAllText(RepoPaths.Fixture("webshop", "react_webshop_episodes_0-49.txt"))));
        return texts;
    }

    static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    /// <summary>Cases where byte-level BPE implementations tend to differ.</summary>
    public static IReadOnlyList<string> EdgeCases { get; } =
    [
        "",
        " ",
        "Hello world",
        "I'LL say it's THE end, we've 'd done'",
        "12345 + 0.5 = 12345.5, and 2024-11-25",
        "   leading spaces and trailing   ",
        "line one\nline two\r\nline three\n\n\nafter blank lines\t\ttabs",
        "a\u00A0non-breaking\u3000ideographic\u2028separator\u0085next-line",
        "caf\u0065\u0301 (e + combining acute, NFC makes it é) and Ame\u0301lie",
        "中文文本，还有标点。日本語のテキスト。한국어 텍스트.",
        "emoji 🙂👍🏽 family 👨‍👩‍👧 flag 🇫🇷 astral 𝐀𝐁 𠀀",
        "<|im_start|>user\nput a clean mug in the coffeemachine<|im_end|>\n<|im_start|>assistant\n",
        "\"<|im_start|>quoted special\" and <|endoftext|>glued<|im_end|>",
        "<think>I should look for the mug.</think>\n<action>go to countertop 1</action>",
        "Observation: On the countertop 1, you see a apple 1, a bread 1, and a knife 2.",
        "search[3 ounce bright citrus deodorant sensitive skin]",
        "click[B078GWRC1J] $10.99 — price lower than 50.00 dollars",
        "x = {\"key\": [1, 2, 3]}; // code-like text\n    indented();",
    ];
}
