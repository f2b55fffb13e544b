using Spark.Core.Text;

namespace Spark.Training.Agents.Prompts;

/// <summary>The tokens of one step's prompt.</summary>
/// <param name="Appended">What this step adds: the whole prompt in window mode; in episode mode the tokens after
/// the previous response (the whole first prompt at step 1). This is <see cref="Spark.Core.Agents.AgentStep.PromptIds"/>.</param>
/// <param name="Context">What the model continues: the same as <paramref name="Appended"/> in window mode, the
/// whole conversation so far plus <paramref name="Appended"/> in episode mode.</param>
/// <param name="Text">The user message text of this step (for logs and docs).</param>
public sealed record PromptTokens(int[] Appended, int[] Context, string Text);

/// <summary>
/// Turns a trajectory's context into model input through the tokenizer's chat format. Window mode: a fresh
/// single-turn conversation per step. Episode mode: the first step opens the conversation; each later step
/// appends (the end of the previous assistant turn if it was left open, then) a user turn and the opening of
/// the next assistant turn. Sampled responses are appended as their token ids and never re-encoded, so the
/// conversation is append-only. <see cref="Next"/> does not change the context; <see cref="Commit"/> does,
/// once the response is known.
/// </summary>
public sealed class PromptBuilder(ITokenizer tokenizer, PromptOptions options)
{
    public PromptOptions Options { get; } = options.Validate();

    public ITokenizer Tokenizer { get; } = tokenizer;

    /// <summary>The user message text of the next step. <paramref name="admissible"/> is used by the paper
    /// style when <see cref="PromptOptions.IncludeAdmissible"/> is on.</summary>
    public string Text(AgentContext context, IReadOnlyList<string>? admissible)
    {
        var shown = Options.Style == PromptStyle.Paper && Options.IncludeAdmissible ? admissible ?? [] : null;
        bool continuing = Options.Mode == PromptMode.Episode && context.Conversation.Count > 0;
        return (Options.Style, continuing) switch
        {
            (PromptStyle.Paper, false) => PaperPrompt.Window(context, Options.EffectiveHistoryLength, shown),
            (PromptStyle.Paper, true) => PaperPrompt.EpisodeTurn(context, shown),
            (_, false) => CompactPrompt.Window(context, Options.EffectiveHistoryLength, Options.MemoryLine),
            (_, true) => CompactPrompt.EpisodeTurn(context, Options.MemoryLine),
        };
    }

    /// <summary>The tokens of the next step's prompt.</summary>
    public PromptTokens Next(AgentContext context, IReadOnlyList<string>? admissible)
    {
        string text = Text(context, admissible);
        if (Options.Mode == PromptMode.Window || context.Conversation.Count == 0)
        {
            int[] ids = Tokenizer.Chat.Prompt(FirstTurn(text));
            return new PromptTokens(ids, Options.Mode == PromptMode.Window ? ids : [.. context.Conversation, .. ids], text);
        }

        int[] turn = Tokenizer.Chat.ContinueWithUser(text);
        int[] appended = context.ConversationTurnOpen ? [Tokenizer.EndOfResponseId, .. turn] : turn;
        return new PromptTokens(appended, [.. context.Conversation, .. appended], text);
    }

    /// <summary>Records the step's prompt and sampled response in the context (episode mode; a no-op in window mode).</summary>
    public void Commit(AgentContext context, PromptTokens prompt, IReadOnlyList<int> responseIds)
    {
        if (Options.Mode == PromptMode.Episode)
            context.AppendTurn(prompt.Appended, responseIds, Tokenizer.EndOfResponseId);
    }

    List<ChatMessage> FirstTurn(string text) =>
        Options.SystemPrompt is { } system
            ? [ChatMessage.System(system), ChatMessage.User(text)]
            : [ChatMessage.User(text)];
}
