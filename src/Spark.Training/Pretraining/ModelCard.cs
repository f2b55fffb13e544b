using System.Globalization;
using System.Text;
using Spark.Core.IO;

namespace Spark.Training.Pretraining;

/// <summary>Writes MODEL_CARD.md for a pretrained base model: recipe, seed, data, command, wall time, figures.</summary>
public static class ModelCard
{
    public const string FileName = "MODEL_CARD.md";

    public static string Render(PretrainOptions o, PretrainResult r, string command, string machine)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# spark-tiny-base");
        sb.AppendLine();
        sb.AppendLine("Spark's built-in base model: the `" + o.Preset + "` Qwen2 preset pretrained as a plain language model on text of the " +
                      "built-in environments, so that cold-start SFT and RL start from a model that already knows the worlds' language, " +
                      "their dynamics and how to copy names from an observation into an action — as a real LLM arrives pretrained. " +
                      "It has not been taught the task policy: most of its training episodes are random play.");
        sb.AppendLine();
        sb.AppendLine("## Command");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(command);
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine(c, $"Re-run exactly (same steps, same weights): `spark pretrain --out DIR --seed {o.Seed} --preset {o.Preset} --tokens {(long)r.Steps * o.StepTokens}`.");
        sb.AppendLine();
        sb.AppendLine("## Recipe");
        sb.AppendLine();
        string environments = string.Join(", ", r.Environments);
        sb.AppendLine(I($"- Data: an endless seeded stream of episodes from {environments} (training split, world seed {o.EnvSeed}), ") +
                      "round robin over the suites, a random training task each. Each episode is played by a guided random player: every step, with " +
                      I($"a per-episode probability drawn from [0, {GuidedPlayer.DefaultMaxGuidance}), the next step of the suite expert's solution (going to or opening the place it ") +
                      "needs when it is not yet admissible); otherwise a random admissible action, weighted " +
                      I($"1 + {GuidedPlayer.DefaultEntityBias} × (numbered names it shares with the latest observation)."));
        sb.AppendLine("- Format: exactly as the agent sees an episode — the compact prompt in episode mode, one ChatML conversation per episode " +
                      "(memory line, observation, step cue as user turns); assistant turns hold only `<action>…</action>` and `<|im_end|>` " +
                      "(no reasoning tags).");
        sb.AppendLine(I($"- Vocabulary: byte-level BPE (Qwen2 pre-tokenizer, NFC) learnt from the text of the first {o.TokenizerEpisodes} episodes and ") +
                         I($"the expert's reason sentences for those tasks: {r.Vocabulary.VocabSize:N0} tokens = 256 bytes + {r.Vocabulary.Merges:N0} merges + ") +
                         "11 special tokens (`<|endoftext|>`, `<|im_start|>`, `<|im_end|>`, `<think>`, `</think>`, `<explore>`, `</explore>`, " +
                         I($"`<action>`, `</action>`, `<planning>`, `</planning>`); stopped: {r.Vocabulary.StopReason}."));
        sb.AppendLine(c, $"- Model: Qwen2 `{o.Preset}` preset, {r.Parameters:N0} parameters, tied embeddings, float32.");
        sb.AppendLine(I($"- Training: next-token loss on every token of whole episodes (longer ones keep their last {o.MaxLength} tokens); ") +
                         I($"whole episodes are added to a step until it holds {o.StepTokens:N0} tokens, packed into length-sorted micro-batches of at most ") +
                         I($"{o.MicroBatchTokens:N0} padded tokens; AdamW (β 0.9/0.95, weight decay {o.WeightDecay}), peak lr {o.LearningRate}, ") +
                         I($"{o.WarmupSteps} warmup steps, cosine to {o.FinalLrFraction} × peak, gradient clip {o.MaxGradNorm}."));
        sb.AppendLine(c, $"- Seed {o.Seed}: corpus stream, held-out stream, vocabulary and initial weights all follow from it.");
        sb.AppendLine();
        sb.AppendLine("## Measured");
        sb.AppendLine();
        sb.AppendLine("| figure | value |");
        sb.AppendLine("|---|---|");
        sb.AppendLine(c, $"| optimizer steps | {r.Steps:N0} |");
        sb.AppendLine(c, $"| training tokens (no padding) | {r.Tokens:N0} |");
        sb.AppendLine(c, $"| episodes | {r.Episodes:N0} (won: {r.WonShare:P1}; mean {r.MeanEpisodeTokens:N0} tokens) |");
        sb.AppendLine(c, $"| training throughput | {r.TokensPerSecond:N0} tokens/s |");
        sb.AppendLine(c, $"| training time | {r.TrainingTime.TotalMinutes:F1} min |");
        sb.AppendLine(c, $"| wall time (corpus, vocabulary, training, evaluation) | {r.Elapsed.TotalMinutes:F1} min |");
        sb.AppendLine(c, $"| last training loss (nats/token) | {r.FinalLoss:F3} |");
        sb.AppendLine(c, $"| held-out loss, all tokens: init → final | {r.InitialHeldOut.All:F3} → {r.FinalHeldOut.All:F3} |");
        sb.AppendLine(c, $"| held-out loss, assistant turns: init → final | {r.InitialHeldOut.Actions:F3} → {r.FinalHeldOut.Actions:F3} |");
        sb.AppendLine();
        sb.AppendLine(I($"Held out: {o.HeldOutEpisodes} episodes of a separate stream, never trained on. Assistant-turn loss is over ") +
                         "`<action>…</action><|im_end|>` tokens; most of those actions are random, so it cannot approach 0.");
        sb.AppendLine();
        sb.AppendLine("Machine: " + machine);
        sb.AppendLine();
        sb.AppendLine("Per-step figures: `metrics.jsonl` (loss, lr, gradient norm, tokens/s; held-out losses every " +
                      $"{o.EvalEvery} steps).");
        return sb.ToString();
    }

    static string I(FormattableString text) => FormattableString.Invariant(text);

    public static void Write(string dir, PretrainOptions options, PretrainResult result, string command, string machine) =>
        AtomicFile.WriteAllText(Path.Combine(dir, FileName), Render(options, result, command, machine));
}
