namespace Spark.Serving.Tests.Fakes;

/// <summary>A clock that moves only when told, for idle-eviction tests.</summary>
public sealed class ManualClock : TimeProvider
{
    DateTimeOffset _now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
