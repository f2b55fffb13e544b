namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>Varies the wording of the expert's reasons; the random source never changes an action.</summary>
internal static class Phrases
{
    public static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
