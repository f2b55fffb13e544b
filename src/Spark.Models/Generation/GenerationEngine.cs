using System.Diagnostics;
using Spark.Core.Policies;
using Spark.Core.Text;
using Spark.Models.Checkpoints;
using Spark.Models.Qwen2;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Generation;

/// <summary>
/// The TorchSharp rollout engine behind <see cref="IPolicy"/>: batched KV-cache sampling over prompts of different
/// lengths, identical prompts prefilled once, shared leading segments computed once, a cross-call prefix cache for
/// growing conversations and branches, and constrained action decoding per input. Not thread-safe.
/// Call <see cref="InvalidateCache"/> after every weight update: cached K/V belong to the weights that made them.
/// </summary>
public sealed class GenerationEngine : IPolicy, IDisposable
{
    readonly Qwen2ForCausalLM _model;
    readonly EngineOptions _options;
    readonly PrefixCache _cache;
    readonly TokenTexts _texts;
    readonly HashSet<int> _endIds;

    public GenerationEngine(Qwen2ForCausalLM model, ITokenizer tokenizer, EngineOptions? options = null)
    {
        if (tokenizer.VocabSize > model.Config.VocabSize)
            throw new ArgumentException($"tokenizer has {tokenizer.VocabSize} tokens, the model only {model.Config.VocabSize}");
        _model = model;
        Tokenizer = tokenizer;
        _options = options ?? new EngineOptions();
        _cache = new PrefixCache(_options.PrefixCacheBytes);
        _texts = TokenTexts.For(tokenizer);
        _endIds = [tokenizer.EndOfResponseId, .. _options.ExtraEndTokenIds ?? []];
    }

    /// <summary>
    /// Loads a checkpoint folder (CPU float32 unless told otherwise) and adds generation_config.json's end tokens to
    /// <paramref name="options"/>' extra end tokens.
    /// </summary>
    public static GenerationEngine FromCheckpoint(string dir, ITokenizer tokenizer, Device? device = null,
        ScalarType dtype = ScalarType.Float32, EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        var generation = Checkpoint.ReadGenerationConfig(dir);
        var ends = (options.ExtraEndTokenIds ?? []).Concat(generation?.EosTokenIds ?? []).Distinct().ToList();
        return new GenerationEngine(Checkpoint.Load(dir, device, dtype), tokenizer, options with { ExtraEndTokenIds = ends });
    }

    public ITokenizer Tokenizer { get; }
    public Qwen2ForCausalLM Model => _model;
    public EngineStats Stats { get; } = new();
    public PrefixCache Cache => _cache;

    /// <summary>The constraint this engine applies for <paramref name="admissibleActions"/> (the trainer recomputes masks with it).</summary>
    public ActionConstraint ConstraintFor(IReadOnlyList<string> admissibleActions) => new(_texts, admissibleActions);

    /// <summary>Drops all cached K/V (after a weight update).</summary>
    public void InvalidateCache() => _cache.Clear();

    public IReadOnlyList<GenerationOutput> Generate(IReadOnlyList<GenerationInput> inputs, SamplingOptions options)
    {
        if (inputs.Count == 0) return [];
        Validate(inputs, options);
        _model.eval();
        using var inference = inference_mode();
        var clock = Stopwatch.StartNew();
        bool keep = _options.PrefixCacheBytes > 0;
        var working = keep ? _cache : new PrefixCache(long.MaxValue);
        var computed = new long[inputs.Count];
        try
        {
            var uniqueOf = new int[inputs.Count];
            var unique = new List<int[]>();
            var firstUser = new List<int>();
            var index = new Dictionary<int[], int>(TokenSequenceComparer.Instance);
            for (int i = 0; i < inputs.Count; i++)
            {
                if (!index.TryGetValue(inputs[i].PromptIds, out int u))
                {
                    index[inputs[i].PromptIds] = u = unique.Count;
                    unique.Add(inputs[i].PromptIds);
                    firstUser.Add(i);
                }
                uniqueOf[i] = u;
            }
            PrefillSegments(SharedSegments.Find(unique, working, _options.MinSharedPrefix), working, inputs, computed);

            var jobs = unique.Select(p => { var (e, n) = working.Longest(p, p.Length - 1); return new PrefillJob(p, e, n); }).ToList();
            var order = Enumerable.Range(0, jobs.Count).OrderByDescending(j => jobs[j].Computed).ToArray();
            var (cache, logits) = BatchPrefill.Run(_model, order.Select(j => jobs[j]).ToList(), options.MaxNewTokens,
                Tokenizer.PadId, _options.PrefillTokensPerChunk);
            using var _ = cache;
            for (int u = 0; u < jobs.Count; u++) computed[firstUser[u]] += jobs[u].Computed;

            var rowOfUnique = new long[jobs.Count];
            for (int r = 0; r < order.Length; r++) rowOfUnique[order[r]] = r;
            var rows = uniqueOf.Select(u => rowOfUnique[u]).ToArray();
            if (!rows.SequenceEqual(Enumerable.Range(0, rows.Length).Select(r => (long)r)))
            {
                using var rowIndex = tensor(rows, device: _model.Device);
                cache.SelectRows(rowIndex);
                var expanded = logits.index_select(0, rowIndex);
                logits.Dispose();
                logits = expanded;
            }
            Stats.PrefillSeconds += clock.Elapsed.TotalSeconds;
            clock.Restart();

            long width = cache.Length;
            var states = inputs.Select((input, i) => new SequenceState(i, input.PromptIds, input.Seed,
                input.AdmissibleActions is { Count: > 0 } actions ? ConstraintFor(actions) : null,
                width - input.PromptIds.Length)).ToList();
            new DecodeLoop(_model, _texts, options, _endIds, keep ? _cache : null).Run(cache, logits, states);
            Stats.DecodeSeconds += clock.Elapsed.TotalSeconds;
            return states.Select(s => Output(s, options, computed[s.Input])).ToList();
        }
        finally
        {
            if (!keep) working.Dispose();
            Stats.Calls++;
            Stats.Sequences += inputs.Count;
            Stats.PromptTokens += inputs.Sum(i => (long)i.PromptIds.Length);
            Stats.PromptTokensComputed += computed.Sum();
        }
    }

    /// <summary>Prefills shared segments once and caches them, charging each to the first input that uses it.</summary>
    void PrefillSegments(List<int[]> segments, PrefixCache working, IReadOnlyList<GenerationInput> inputs, long[] computed)
    {
        if (segments.Count == 0) return;
        var jobs = segments.Select(s => { var (e, n) = working.Longest(s, s.Length - 1); return new PrefillJob(s, e, n); }).ToList();
        var (cache, logits) = BatchPrefill.Run(_model, jobs, 0, Tokenizer.PadId, _options.PrefillTokensPerChunk);
        using (cache)
        using (logits)
        {
            long width = cache.Length;
            for (int j = 0; j < jobs.Count; j++)
            {
                using (NewDisposeScope())
                    working.Add(jobs[j].Tokens, cache.ExtractRow(j, width - jobs[j].Tokens.Length, jobs[j].Tokens.Length));
                int first = Enumerable.Range(0, inputs.Count).First(i => inputs[i].PromptIds.AsSpan().StartsWith(jobs[j].Tokens));
                computed[first] += jobs[j].Computed;
            }
        }
    }

    GenerationOutput Output(SequenceState s, SamplingOptions options, long computed)
    {
        Stats.GeneratedTokens += s.Ids.Count;
        return new GenerationOutput(s.Ids.ToArray(), s.LogProbs.ToArray(), options.ReturnEntropy ? s.Entropies.ToArray() : null,
            Tokenizer.Decode(s.Ids.ToArray()), s.Finish ?? FinishReason.MaxTokens, (int)computed);
    }

    void Validate(IReadOnlyList<GenerationInput> inputs, SamplingOptions options)
    {
        if (options.MaxNewTokens < 1) throw new ArgumentException($"MaxNewTokens must be at least 1 (got {options.MaxNewTokens})");
        if (options.Temperature < 0) throw new ArgumentException($"Temperature must be >= 0 (got {options.Temperature})");
        if (options.TopP is <= 0 or > 1) throw new ArgumentException($"TopP must be in (0, 1] (got {options.TopP})");
        if (options.TopK < 0) throw new ArgumentException($"TopK must be >= 0 (got {options.TopK})");
        int vocab = _model.Config.VocabSize;
        for (int i = 0; i < inputs.Count; i++)
        {
            var p = inputs[i].PromptIds;
            if (p.Length == 0) throw new ArgumentException($"input {i} has an empty prompt");
            foreach (int id in p)
                if ((uint)id >= (uint)vocab) throw new ArgumentException($"input {i}: token id {id} is outside the vocabulary (0..{vocab - 1})");
        }
    }

    public void Dispose() => _cache.Dispose();
}
