using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks;

/// <summary>Helpers the task types share for making their objects.</summary>
internal static class TaskObjectsFactory
{
    /// <summary>Creates all 14 task animals (in the original's list order, as it does) and returns the chosen ones:
    /// the first <paramref name="count"/> after shuffling with <c>new Random(seed)</c>.</summary>
    public static List<int> RandomAnimals(SimWorld w, int count, int seed)
    {
        var all = LifeCycles.TaskAnimals.Select(s => Things.Animal(w, s)).ToList();
        return new JavaRandom(seed).Shuffle(all).Take(count).ToList();
    }

    /// <summary>One animal of a species at every stage of its life cycle (the original's <c>mkExamplesAtLifeStages</c>).</summary>
    public static List<int> AtEveryStage(SimWorld w, Species species) =>
        species.Cycle.Stages.Select(stage => Things.Animal(w, species, stage.Name)).ToList();

    /// <summary>A deterministic stand-in for draws the original takes from its global generator while
    /// constructing every task (flower-pot numbers, pea genetics), which cannot be reproduced.</summary>
    public static JavaRandom Substitute(int variation, int salt) => new(variation * 1000003L + salt);

    public static List<int> PotNumbers(JavaRandom rng) => rng.Shuffle(Enumerable.Range(1, 9));
}
