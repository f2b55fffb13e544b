namespace Spark.Models.Generation;

/// <param name="PrefixCacheBytes">Budget of the cross-call prefix cache (0 disables it; shared prefixes within a call are still computed once).</param>
/// <param name="MinSharedPrefix">A leading segment shared by several prompts of one call is prefilled separately once when it saves at least this many tokens.</param>
/// <param name="PrefillTokensPerChunk">Rows × padded length per prefill forward (bounds activation memory).</param>
/// <param name="ExtraEndTokenIds">End tokens besides the tokenizer's end-of-response (e.g. generation_config's eos ids).</param>
public sealed record EngineOptions(
    long PrefixCacheBytes = 256L << 20,
    int MinSharedPrefix = 32,
    int PrefillTokensPerChunk = 8192,
    IReadOnlyList<int>? ExtraEndTokenIds = null);

/// <summary>Cumulative counters of an engine (since creation).</summary>
public sealed class EngineStats
{
    public long Calls { get; internal set; }
    public long Sequences { get; internal set; }
    public long PromptTokens { get; internal set; }
    public long PromptTokensComputed { get; internal set; }
    public long GeneratedTokens { get; internal set; }
    public double PrefillSeconds { get; internal set; }
    public double DecodeSeconds { get; internal set; }

    public override string ToString() =>
        $"{Calls} calls, {Sequences} sequences, prompt tokens {PromptTokensComputed:N0} computed of {PromptTokens:N0}, " +
        $"{GeneratedTokens:N0} generated, prefill {PrefillSeconds:F2} s, decode {DecodeSeconds:F2} s";
}
