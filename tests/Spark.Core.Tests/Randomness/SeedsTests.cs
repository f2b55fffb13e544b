using Spark.Core.Randomness;

namespace Spark.Core.Tests.Randomness;

public sealed class SeedsTests
{
    [Fact]
    public void Same_path_same_seed_and_different_paths_differ()
    {
        Assert.Equal(Seeds.Derive(7, 1, 2, 3), Seeds.Derive(7, 1, 2, 3));
        Assert.NotEqual(Seeds.Derive(7, 1, 2, 3), Seeds.Derive(7, 1, 3, 2));
        Assert.NotEqual(Seeds.Derive(7, 1), Seeds.Derive(8, 1));
        Assert.NotEqual(Seeds.Derive(7, "rollout", 1), Seeds.Derive(7, "eval", 1));
    }

    [Fact]
    public void Random_streams_are_reproducible()
    {
        var a = Seeds.Random(42, 5);
        var b = Seeds.Random(42, 5);
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.Next()), Enumerable.Range(0, 10).Select(_ => b.Next()));
    }
}
