using Spark.Models.Tokenization;
using Spark.Models.Tokenization.Training;

namespace Spark.Models.Tests.Tokenization;

/// <summary>A 1,024-token vocabulary learnt once from the fixtures' texts, saved and loaded back through <see cref="TokenizerFiles"/>.</summary>
internal static class TrainedTokenizer
{
    public const int VocabSize = 1024;

    static readonly Lazy<(BpeTrainingResult Result, string Dir, ByteLevelBpeTokenizer Loaded)> Trained = new(() =>
    {
        var result = BpeTrainer.Train(TokenizerSamples.FixtureTexts.Select(t => t.Text), new BpeTrainerOptions { VocabSize = VocabSize });
        string dir = Path.Combine(Path.GetTempPath(), $"spark-trained-tokenizer-{Environment.ProcessId}-{Guid.NewGuid():N}");
        TokenizerFiles.Save(result.Definition, result.Settings, dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, recursive: true); } catch (IOException) { } };
        return (result, dir, TokenizerFiles.LoadBpe(dir));
    });

    public static BpeTrainingResult Result => Trained.Value.Result;

    /// <summary>The folder holding the saved tokenizer.json and tokenizer_config.json.</summary>
    public static string Dir => Trained.Value.Dir;

    /// <summary>The saved vocabulary as <see cref="TokenizerFiles.Load"/> gives it back.</summary>
    public static ByteLevelBpeTokenizer Tokenizer => Trained.Value.Loaded;
}
