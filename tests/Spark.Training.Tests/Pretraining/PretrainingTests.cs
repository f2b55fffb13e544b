using Spark.Core.Configuration;
using Spark.Core.Randomness;
using Spark.Training.Pretraining;
using Spark.Training.Tests.Agents.TestDoubles;
using Spark.Training.Tests.Sequences;

namespace Spark.Training.Tests.Pretraining;

public sealed class PretrainingTests
{
    [Fact]
    public void Corpus_episodes_follow_from_the_seed_and_render_as_the_agent_sees_them()
    {
        var suite = new FakeAlfworldSuite();
        var corpus = new PretrainCorpus([suite], seed: 3);
        var a = corpus.Episode(PretrainCorpus.TrainStream, 5);
        var b = new PretrainCorpus([suite], seed: 3).Episode(PretrainCorpus.TrainStream, 5);
        Assert.Equal(a.Steps, b.Steps);
        Assert.NotEqual(a.Steps, corpus.Episode(PretrainCorpus.HeldOutStream, 5).Steps);

        var tokenizer = SmallPolicy.Tokenizer;
        var sequence = corpus.Render(a, tokenizer);
        Assert.Equal(a.Steps.Count, sequence.Spans.Count);
        for (int k = 0; k < a.Steps.Count; k++)
        {
            var ids = sequence.Tokens[sequence.Spans[k].Start..sequence.Spans[k].End];
            Assert.Equal($"<action>{a.Steps[k].Action}</action>", tokenizer.Decode(ids[..^1]));
            Assert.Equal(tokenizer.EndOfResponseId, ids[^1]);
        }
        string text = tokenizer.Decode(sequence.Tokens);
        Assert.StartsWith("<|im_start|>user\nGoal: ", text);
        Assert.DoesNotContain("<think>", text.Replace("<think> or <explore>", "")); // only the step cue names the tags
        Assert.Contains("Step 2: <think> or <explore>, then <action>.", text);
    }

    [Fact]
    public void Guidance_reaches_deeper_states_and_random_play_favours_mentioned_entities()
    {
        var suite = new FakeAlfworldSuite();
        int Wins(double guidance) => Enumerable.Range(0, 24)
            .Count(i => new GuidedPlayer(suite, maxGuidance: guidance).Play("train", i, Seeds.Random(9, i)).Won);
        Assert.True(Wins(1.0) >= 8, $"{Wins(1.0)} wins with guidance");
        Assert.True(Wins(0.0) < Wins(1.0));

        // Without guidance, after opening a receptacle that holds the goal object, taking it is favoured.
        var episodes = Enumerable.Range(0, 40).Select(i => new GuidedPlayer(suite, maxGuidance: 0).Play("train", i % 8, Seeds.Random(11, i))).ToList();
        var takes = episodes.SelectMany(e => e.Steps).Count(s => s.Action.StartsWith("take "));
        Assert.True(takes > 0);
    }

    [Fact]
    public void Pretraining_is_reproducible_from_the_seed()
    {
        string root = Path.Combine(Path.GetTempPath(), "spark-sft-tests", Guid.NewGuid().ToString("N"));
        SmallPolicy.Model().Dispose(); // one torch thread, as every test here
        var options = new PretrainOptions(Seed: 5, Tokens: 1024, Environments: ["alfworld"], VocabSize: 600, TokenizerEpisodes: 3,
            StepTokens: 512, MicroBatchTokens: 512, MaxLength: 256, WarmupSteps: 1, HeldOutEpisodes: 2, EvalEvery: 1);
        var first = new Pretrainer(options).Run(Path.Combine(root, "a"));
        var second = new Pretrainer(options).Run(Path.Combine(root, "b"));

        Assert.Equal(2, first.Steps);
        foreach (var file in new[] { "tokenizer.json", "config.json", "model.safetensors" })
            Assert.True(File.ReadAllBytes(Path.Combine(root, "a", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(root, "b", file))), file);
        Assert.True(first.FinalHeldOut.All < first.InitialHeldOut.All);
        using var loaded = Spark.Training.Evaluation.PolicyCheckpoint.OpenPolicy(Path.Combine(root, "a"));
        Assert.Equal(first.Vocabulary.VocabSize, loaded.Tokenizer.VocabSize);

        ModelCard.Write(Path.Combine(root, "a"), options, first, "spark pretrain --out a --tokens 1024 --seed 5", "test machine");
        string card = File.ReadAllText(Path.Combine(root, "a", ModelCard.FileName));
        Assert.Contains("--tokens 1024", card);
        Assert.Contains("held-out loss", card);
    }

    [Fact]
    public void Budgets_are_checked()
    {
        Assert.Equal("budget", Assert.Throws<ConfigException>(() => new PretrainOptions().Validate()).Field);
        Assert.Equal("budget", Assert.Throws<ConfigException>(() => new PretrainOptions(Tokens: 10, Minutes: 1).Validate()).Field);
        Assert.Equal("warmup-steps", Assert.Throws<ConfigException>(() => new PretrainOptions(Minutes: 1, WarmupSteps: 2).Validate()).Field);
    }
}
