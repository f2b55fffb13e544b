using Spark.Core.Configuration;

namespace Spark.Training.Agents.Prompts;

/// <summary>Which words the prompt uses.</summary>
public enum PromptStyle
{
    /// <summary>The paper's SPARK templates, verbatim (for real chat models).</summary>
    Paper,
    /// <summary>The same information in far fewer tokens, with a memory line and no admissible list
    /// (for the built-in small model, whose actions come from constrained decoding).</summary>
    Compact,
}

/// <summary>How steps become model input.</summary>
public enum PromptMode
{
    /// <summary>The paper's: a fresh single-turn prompt per step showing the last k (observation, action) pairs.</summary>
    Window,
    /// <summary>The whole episode as one growing conversation: observations as user turns, responses as
    /// assistant turns, appended token by token (never re-encoded), so the KV cache runs across steps.</summary>
    Episode,
}

/// <param name="Style">Paper or compact words.</param>
/// <param name="Mode">Window or episode.</param>
/// <param name="IncludeAdmissible">Paper style only: true gives the RL templates with the admissible actions,
/// false the cold-start (<c>_CS</c>) templates without them.</param>
/// <param name="HistoryLength">Window mode: how many past (observation, action) pairs to show; null takes the
/// style's default (the paper's 5, or 2 for the compact style, whose memory line carries the rest).</param>
/// <param name="MemoryLine">Compact style only: add the memory line (places visited, what is held, …).</param>
/// <param name="SystemPrompt">An optional system message before the first user turn. The paper's code sends
/// none (the model's chat template may then add its own default).</param>
public sealed record PromptOptions(
    PromptStyle Style = PromptStyle.Paper,
    PromptMode Mode = PromptMode.Window,
    bool IncludeAdmissible = true,
    int? HistoryLength = null,
    bool MemoryLine = true,
    string? SystemPrompt = null)
{
    public const int PaperHistoryLength = 5;
    public const int CompactHistoryLength = 2;

    public int EffectiveHistoryLength => HistoryLength ?? (Style == PromptStyle.Paper ? PaperHistoryLength : CompactHistoryLength);

    /// <summary>The paper's RL prompt: SPARK template, admissible actions, last 5 pairs.</summary>
    public static PromptOptions PaperRl { get; } = new();

    /// <summary>The paper's cold-start (SFT) prompt: the <c>_CS</c> templates.</summary>
    public static PromptOptions PaperColdStart { get; } = new(IncludeAdmissible: false);

    /// <summary>The built-in small model's prompt.</summary>
    public static PromptOptions Compact { get; } = new(PromptStyle.Compact, IncludeAdmissible: false);

    /// <summary>Checks the values; the exception names the bad field.</summary>
    public PromptOptions Validate()
    {
        ConfigException.Require(HistoryLength is null or >= 0, "prompt.history_length", $"must be 0 or more, got {HistoryLength}");
        return this;
    }

    /// <summary>Parses "window"/"episode" (as written in configs and on the command line).</summary>
    public static PromptMode ParseMode(string text, string field) => text.Trim().ToLowerInvariant() switch
    {
        "window" => PromptMode.Window,
        "episode" => PromptMode.Episode,
        _ => throw new ConfigException(field, $"expected 'window' or 'episode', got '{text}'"),
    };

    /// <summary>Parses "paper"/"compact".</summary>
    public static PromptStyle ParseStyle(string text, string field) => text.Trim().ToLowerInvariant() switch
    {
        "paper" => PromptStyle.Paper,
        "compact" => PromptStyle.Compact,
        _ => throw new ConfigException(field, $"expected 'paper' or 'compact', got '{text}'"),
    };
}
