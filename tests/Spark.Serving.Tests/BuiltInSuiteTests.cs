using Spark.Environments;

namespace Spark.Serving.Tests;

/// <summary>The real environments over HTTP: a server built from the same name and options as the in-process
/// suite plays the same episodes for the same seeds. Covers each built-in suite once it is registered.</summary>
public sealed class BuiltInSuiteTests
{
    static readonly Dictionary<string, SuiteOptions> Small = new()
    {
        ["alfworld"] = new SuiteOptions(Seed: 3),
        ["scienceworld"] = new SuiteOptions(Seed: 3, Extra: new Dictionary<string, string> { ["train_per_type"] = "2", ["eval_per_type"] = "1" }),
        ["webshop"] = new SuiteOptions(Seed: 3, Extra: new Dictionary<string, string> { ["products"] = "300" }),
    };

    public static TheoryData<string> Suites => ["alfworld", "scienceworld", "webshop"];

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Remote_episodes_equal_in_process_episodes(string name)
    {
        if (!EnvironmentRegistry.Names.Contains(name)) return; // not merged into this branch yet
        var local = EnvironmentRegistry.Create(name, Small[name]);
        await using var server = await TestServers.Start(EnvironmentRegistry.Create(name, Small[name]));
        using var remote = TestServers.Client(local, servers: server);
        EquivalenceTests.AssertSameEpisodes(local, remote, seeds: 2, tasksPerSplit: 2, maxSteps: 12);
    }
}
