using Spark.Core.Environments;
using Spark.Environments.ScienceWorld;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>The gold-path expert: it wins every task type in every split, its score only rises and ends at 100,
/// its actions do not depend on the random source that varies its reasons.</summary>
public class ExpertTests
{
    const int PerTypeAndSplit = 6;
    static readonly ScienceWorldSuite Suite = new(new SuiteOptions());

    public static IEnumerable<object[]> TypesAndSplits() =>
        Suite.Splits.SelectMany(split => Enumerable.Range(0, Suite.Count(split))
            .Select(i => Suite.Describe(split, i).TaskType).Distinct().Select(type => new object[] { split, type }));

    [Theory]
    [MemberData(nameof(TypesAndSplits))]
    public void The_expert_wins_with_rising_scores(string split, string taskType)
    {
        var indices = Enumerable.Range(0, Suite.Count(split)).Where(i => Suite.Describe(split, i).TaskType == taskType).ToList();
        var chosen = indices.Where((_, k) => k % Math.Max(1, indices.Count / PerTypeAndSplit) == 0).Take(PerTypeAndSplit);
        foreach (int index in chosen)
        {
            var env = Suite.CreateEnvironment(split, index);
            var trajectory = Suite.Expert!.Solve(env, env.Reset(), new Random(index));
            Assert.True(trajectory.Won, $"{env.Task} lost: {string.Join(" | ", trajectory.Steps.Select(s => s.Action))}");
            Assert.True(trajectory.Steps.Count <= ScienceWorldSuite.DefaultMaxSteps);

            var replay = Suite.CreateEnvironment(split, index);
            double last = replay.Reset().Score;
            StepResult? result = null;
            foreach (var step in trajectory.Steps)
            {
                result = replay.Step(step.Action);
                Assert.True(result.Score >= last, $"{env.Task}: score fell from {last} to {result.Score} at '{step.Action}'");
                last = result.Score;
            }
            Assert.True(result!.Won && result.Done);
            Assert.Equal(100, replay.Score);
        }
    }

    [Theory]
    [InlineData("find-living-thing", 3)]
    [InlineData("boil", 5)]
    [InlineData("test-conductivity", 11)]
    public void Actions_do_not_depend_on_the_random_source_but_reasons_do(string taskType, int variation)
    {
        var one = Solve(taskType, variation, seed: 1);
        var two = Solve(taskType, variation, seed: 2);
        Assert.Equal(one.Steps.Select(s => s.Action), two.Steps.Select(s => s.Action));
        Assert.NotEqual(one.Steps.Select(s => s.Reason), two.Steps.Select(s => s.Reason));
        foreach (var step in one.Steps)
        {
            Assert.False(string.IsNullOrWhiteSpace(step.Reason));
            Assert.DoesNotContain('<', step.Reason);
            Assert.DoesNotContain('\n', step.Reason);
        }
    }

    [Fact]
    public void Searching_is_exploration_and_acting_on_what_was_seen_is_not()
    {
        var trajectory = Solve("find-living-thing", 3, seed: 1);
        Assert.True(trajectory.Steps[0].Explore, "the first move goes looking for a living thing");
        var focus = trajectory.Steps.First(s => s.Action.StartsWith("focus on", StringComparison.Ordinal));
        Assert.False(focus.Explore);
        Assert.False(trajectory.Steps[^1].Explore);
    }

    static ExpertTrajectory Solve(string taskType, int variation, int seed)
    {
        var env = Suite.CreateVariation(taskType, variation);
        var trajectory = Suite.Expert!.Solve(env, env.Reset(), new Random(seed));
        Assert.True(trajectory.Won);
        return trajectory;
    }
}
