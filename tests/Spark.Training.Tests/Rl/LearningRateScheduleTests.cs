using Spark.Training.Optimization;

namespace Spark.Training.Tests.Rl;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Warmup_then_cosine_to_the_floor()
    {
        var s = new LearningRateSchedule(1.0, TotalSteps: 110, WarmupSteps: 10, FinalLrFraction: 0.1);
        Assert.Equal(0.1, s.At(0), 9);
        Assert.Equal(1.0, s.At(9), 9);
        Assert.Equal(1.0, s.At(10), 9);
        Assert.Equal(0.55, s.At(60), 9); // half-way through the decay
        Assert.Equal(0.1, s.At(110), 9);
        Assert.Equal(0.1, s.At(500), 9);
    }

    [Fact]
    public void Constant_is_constant()
    {
        var s = LearningRateSchedule.Constant(1e-6);
        Assert.Equal(1e-6, s.At(0));
        Assert.Equal(1e-6, s.At(1000));
    }
}
