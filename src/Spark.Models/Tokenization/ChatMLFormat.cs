using System.Text;
using System.Text.RegularExpressions;
using Spark.Core.Text;

namespace Spark.Models.Tokenization;

/// <summary>How conversations are rendered. <see cref="DefaultSystemPrompt"/> is the system turn added when the
/// conversation has none (Qwen2.5's template adds "You are Qwen, …"; our built-in model adds none).</summary>
public sealed record ChatOptions(string? DefaultSystemPrompt = null)
{
    /// <summary>The system prompt Qwen2/Qwen2.5 chat templates add when the conversation has no system message.</summary>
    public const string QwenDefaultSystemPrompt = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

    /// <summary>No default system turn.</summary>
    public static ChatOptions None { get; } = new();

    // The else-branch of Qwen2.5's template: a single string literal '<|im_start|>system\n…<|im_end|>\n'.
    static readonly Regex DefaultSystemLiteral = new(@"'<\|im_start\|>system\\n((?:[^'\\]|\\.)*?)<\|im_end\|>\\n'", RegexOptions.CultureInvariant);

    /// <summary>Reads the default system prompt out of a Jinja chat template: a literal
    /// <c>'&lt;|im_start|&gt;system\n…&lt;|im_end|&gt;\n'</c> as in Qwen2/2.5's. None when absent (Qwen3, ours).</summary>
    public static ChatOptions FromTemplate(string? template)
    {
        if (template == null) return None;
        var match = DefaultSystemLiteral.Match(template);
        return match.Success ? new ChatOptions(Unescape(match.Groups[1].Value)) : None;
    }

    static string Unescape(string literal)
    {
        var text = new StringBuilder(literal.Length);
        for (int i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\' || i + 1 == literal.Length) { text.Append(literal[i]); continue; }
            char c = literal[++i];
            text.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => c });
        }
        return text.ToString();
    }
}

/// <summary>
/// Qwen2/Qwen2.5's ChatML, rendered as their Jinja template does (without tools):
/// <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c> per message, consecutive <c>tool</c> messages
/// gathered into one user turn of <c>&lt;tool_response&gt;</c> blocks, and <c>&lt;|im_start|&gt;assistant\n</c>
/// to open the reply. The text is encoded with special tokens recognised, exactly as Hugging Face's
/// <c>apply_chat_template(tokenize=True)</c> does.
/// </summary>
public sealed class ChatMLFormat : IChatFormat
{
    public const string ImStart = "<|im_start|>";
    public const string ImEnd = "<|im_end|>";

    readonly Func<string, int[]> _encode;

    public ChatMLFormat(Func<string, int[]> encode, ChatOptions options)
    {
        _encode = encode;
        Options = options;
    }

    public ChatOptions Options { get; }

    public int[] Prompt(IReadOnlyList<ChatMessage> messages) => _encode(Render(messages, addGenerationPrompt: true));

    /// <summary>Appending this to a prompt, then a response ending with <c>&lt;|im_end|&gt;</c>, gives the same
    /// ids as <see cref="Prompt"/> of the longer conversation, because special tokens cut the text into pieces
    /// that are encoded separately. (It fails only for a response that starts with a line break: Qwen's regex
    /// would join that break with the one after "assistant".)</summary>
    public int[] ContinueWithUser(string userText) => _encode(RenderContinueWithUser(userText));

    public static string RenderContinueWithUser(string userText) => $"\n{ImStart}user\n{userText}{ImEnd}\n{ImStart}assistant\n";

    /// <summary>The conversation as text, as the chat template renders it.</summary>
    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        var text = new StringBuilder();
        bool leadingSystem = messages.Count > 0 && messages[0].Role == "system";
        string? system = leadingSystem ? messages[0].Content : Options.DefaultSystemPrompt;
        if (system != null) Turn(text, "system", system);
        for (int i = leadingSystem ? 1 : 0; i < messages.Count; i++)
        {
            var message = messages[i];
            switch (message.Role)
            {
                case "system" or "user" or "assistant":
                    Turn(text, message.Role, message.Content);
                    break;
                case "tool":
                    if (i == 0 || messages[i - 1].Role != "tool") text.Append(ImStart).Append("user");
                    text.Append("\n<tool_response>\n").Append(message.Content).Append("\n</tool_response>");
                    if (i == messages.Count - 1 || messages[i + 1].Role != "tool") text.Append(ImEnd).Append('\n');
                    break;
                default:
                    throw new ArgumentException($"messages[{i}]: role '{message.Role}' is not one of system, user, assistant, tool", nameof(messages));
            }
        }
        if (addGenerationPrompt) text.Append(ImStart).Append("assistant\n");
        return text.ToString();
    }

    static void Turn(StringBuilder text, string role, string content) =>
        text.Append(ImStart).Append(role).Append('\n').Append(content).Append(ImEnd).Append('\n');
}
