namespace Spark.Models.Tokenization;

/// <summary>
/// The added tokens of Spark's own trained vocabularies, in id order after the BPE tokens. The first three
/// are Qwen's (document end and the ChatML markers); the rest are the SPARK agent's tags, one token each so
/// the policy emits and the parser sees them whole.
/// </summary>
public static class BuiltInTokens
{
    public const string EndOfText = "<|endoftext|>";
    public const string ImStart = ChatMLFormat.ImStart;
    public const string ImEnd = ChatMLFormat.ImEnd;
    public const string ThinkOpen = "<think>";
    public const string ThinkClose = "</think>";
    public const string ExploreOpen = "<explore>";
    public const string ExploreClose = "</explore>";
    public const string ActionOpen = "<action>";
    public const string ActionClose = "</action>";

    /// <summary>ScienceWorld's and WebShop's prompts also accept <c>&lt;planning&gt;</c> as the reasoning tag (paper.md §valid step).</summary>
    public const string PlanningOpen = "<planning>";
    public const string PlanningClose = "</planning>";

    public static IReadOnlyList<string> All { get; } =
    [
        EndOfText, ImStart, ImEnd,
        ThinkOpen, ThinkClose, ExploreOpen, ExploreClose, ActionOpen, ActionClose, PlanningOpen, PlanningClose,
    ];

    /// <summary>Tokens that Hugging Face should skip when decoding with skip_special_tokens (the control tokens);
    /// the agent's tags are content and stay.</summary>
    public static bool IsControl(string token) => token is EndOfText or ImStart or ImEnd;

    /// <summary>The Jinja chat template written into our tokenizer_config.json: Qwen2.5's ChatML without a default
    /// system prompt and without tools, so Hugging Face renders what <see cref="ChatMLFormat"/> renders.</summary>
    public const string ChatTemplate =
        "{%- for message in messages %}\n" +
        "    {%- if message.role == 'tool' %}\n" +
        "        {%- if loop.first or messages[loop.index0 - 1].role != 'tool' %}{{- '<|im_start|>user' }}{%- endif %}\n" +
        "        {{- '\\n<tool_response>\\n' + message.content + '\\n</tool_response>' }}\n" +
        "        {%- if loop.last or messages[loop.index0 + 1].role != 'tool' %}{{- '<|im_end|>\\n' }}{%- endif %}\n" +
        "    {%- else %}\n" +
        "        {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}\n" +
        "    {%- endif %}\n" +
        "{%- endfor %}\n" +
        "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}\n";
}
