using Spark.Environments.ScienceWorld;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>The paint tasks' extra stores, with the original's quirk: its three stores receive the same paint
/// objects in turn, so only the desk (filled last) holds paint.</summary>
public class PaintTaskTests
{
    static readonly ScienceWorldSuite Suite = new(new SuiteOptions());

    [Fact]
    public void Only_the_desk_store_holds_paint()
    {
        var cupboard = Suite.CreateVariation("chemistry-mix-paint-secondary-color", 0);
        cupboard.Reset();
        cupboard.Step("teleport to art studio");
        Assert.Equal("The paint cupboard is now open.", cupboard.Step("open paint cupboard").Observation);
        Assert.Contains("In the paint cupboard is: a drawer, a wood cup (containing nothing), a wood cup (containing nothing), a wood cup (containing nothing).",
            cupboard.Step("look around").Observation);

        var desk = Suite.CreateVariation("chemistry-mix-paint-secondary-color", 5);
        desk.Reset();
        desk.Step("teleport to workshop");
        var look = desk.Step("look around").Observation;
        Assert.Contains("a tin cup (containing red paint)", look);
        Assert.Contains("a tin cup (containing blue paint)", look);
        Assert.Contains("(containing nothing)", look); // the mixing container the workshop stores come with
    }

    [Fact]
    public void Mixing_two_primaries_makes_the_secondary_and_focusing_on_it_wins()
    {
        var env = Suite.CreateVariation("chemistry-mix-paint-secondary-color", 26);
        Assert.Equal("Your task is to use chemistry to create violet paint. When you are done, focus on the violet paint.", env.TaskDescription);
        var trajectory = Suite.Expert!.Solve(env, env.Reset(), new Random(0));
        Assert.True(trajectory.Won);
        Assert.Contains(trajectory.Steps, s => s.Action.StartsWith("mix ", StringComparison.Ordinal));
        Assert.Equal("Red and blue paint mix to produce violet paint.",
            trajectory.Steps.SkipWhile(s => !s.Action.StartsWith("mix ", StringComparison.Ordinal)).Skip(1).First().Observation);
    }
}
