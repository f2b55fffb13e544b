namespace Spark.Core.Text;

/// <summary>A tokenizer as the policy sees text. Special tokens written in the text are recognised.</summary>
public interface ITokenizer
{
    int VocabSize { get; }

    /// <summary>The token that ends a response (for chat models, <c>&lt;|im_end|&gt;</c>).</summary>
    int EndOfResponseId { get; }

    /// <summary>The token used to pad batches.</summary>
    int PadId { get; }

    int[] Encode(string text);

    string Decode(ReadOnlySpan<int> ids);

    /// <summary>The id of a single-token string (a special token such as <c>&lt;action&gt;</c>), or null.</summary>
    int? TokenToId(string token);

    /// <summary>Chat formatting for this tokenizer's model.</summary>
    IChatFormat Chat { get; }
}

public sealed record ChatMessage(string Role, string Content)
{
    public static ChatMessage System(string content) => new("system", content);
    public static ChatMessage User(string content) => new("user", content);
    public static ChatMessage Assistant(string content) => new("assistant", content);
}

/// <summary>
/// Turns conversations into token ids. The episode prompt mode grows one conversation turn by turn
/// without re-encoding what the model generated, so the format is split into a full prompt and the
/// tokens that follow a finished assistant response.
/// </summary>
public interface IChatFormat
{
    /// <summary>The conversation followed by the opening of an assistant turn (add_generation_prompt).</summary>
    int[] Prompt(IReadOnlyList<ChatMessage> messages);

    /// <summary>Tokens to append after an assistant response that ended with <see cref="ITokenizer.EndOfResponseId"/>:
    /// the end of that turn, a user turn with <paramref name="userText"/>, and the opening of the next assistant turn.</summary>
    int[] ContinueWithUser(string userText);
}
