using Spark.Core.Policies;
using Spark.Core.Text;

namespace Spark.Training.Agents.Policies;

/// <summary>
/// Turns a response written as text (by a script, a random agent or a remote model) into what a policy returns,
/// the way a sampling engine would have ended it: cut right after the first stop string (no end token), else
/// followed by the end-of-response token; at most <see cref="SamplingOptions.MaxNewTokens"/> tokens. Its
/// log-probs are 0: the text was not sampled from a model distribution.
/// </summary>
public static class TextResponses
{
    public static GenerationOutput ToOutput(ITokenizer tokenizer, string text, SamplingOptions options)
    {
        var finish = FinishReason.EndToken;
        int stopAt = FirstStopEnd(text, options.StopStrings);
        int[] ids;
        if (stopAt >= 0)
        {
            text = text[..stopAt];
            ids = tokenizer.Encode(text);
            finish = FinishReason.StopString;
        }
        else
        {
            ids = [.. tokenizer.Encode(text), tokenizer.EndOfResponseId];
        }
        if (ids.Length > options.MaxNewTokens)
        {
            ids = ids[..options.MaxNewTokens];
            text = tokenizer.Decode(ids);
            finish = FinishReason.MaxTokens;
        }
        return new GenerationOutput(ids, new float[ids.Length], options.ReturnEntropy ? new float[ids.Length] : null, text, finish);
    }

    static int FirstStopEnd(string text, IReadOnlyList<string>? stops)
    {
        int best = -1;
        foreach (var stop in stops ?? [])
        {
            if (stop.Length == 0) continue;
            int at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at + stop.Length < best)) best = at + stop.Length;
        }
        return best;
    }
}
