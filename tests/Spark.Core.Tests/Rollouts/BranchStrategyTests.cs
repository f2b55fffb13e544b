using Spark.Core.Agents;
using Spark.Core.Configuration;
using Spark.Core.Randomness;
using Spark.Core.Rollouts.Branching;

namespace Spark.Core.Tests.Rollouts;

public sealed class BranchStrategyTests
{
    static AgentStep Step(bool explore = false, float[]? entropies = null) =>
        new("go", true, explore, explore ? "<explore>?</explore>" : "<think>.</think>", [1], [1, 2, 3], [0, 0, 0], entropies);

    static BranchCandidate Candidate(int task, int slot, AgentStep decision, AgentStep? root = null, int step = 1) =>
        new(task, slot, step, slot, decision, root ?? decision, Seeds.Derive(5, "branch", 0, task, slot, step));

    static readonly BranchStep AStep = new(0, 1, 99);

    [Fact]
    public void Spark_asks_for_exactly_the_explore_steps()
    {
        var candidates = new[] { Candidate(0, 0, Step(true)), Candidate(0, 1, Step()), Candidate(1, 0, Step(true)) };
        var asked = BranchStrategies.Create("spark").SelectRequests(candidates, AStep);
        Assert.Equal([candidates[0], candidates[2]], asked);
    }

    [Fact]
    public void Chains_never_branch_and_start_all_N()
    {
        var chains = BranchStrategies.Create("chains", new BranchingOptions { Budget = 6 });
        Assert.Equal(new BranchBudget(6, 6, 1), chains.Budget);
        Assert.Empty(chains.SelectRequests([Candidate(0, 0, Step(true))], AStep));
    }

    [Fact]
    public void Fixed_asks_with_probability_p_from_each_candidates_own_seed()
    {
        var candidates = Enumerable.Range(0, 10000).Select(i => Candidate(i, 0, Step())).ToArray();
        Assert.Empty(BranchStrategies.Create("fixed", new BranchingOptions { Probability = 0 }).SelectRequests(candidates, AStep));
        Assert.Equal(candidates.Length, BranchStrategies.Create("fixed", new BranchingOptions { Probability = 1 }).SelectRequests(candidates, AStep).Count());
        int asked = BranchStrategies.Create("fixed", new BranchingOptions { Probability = 0.3 }).SelectRequests(candidates, AStep).Count();
        Assert.InRange(asked, 2800, 3200);
    }

    [Fact]
    public void Fixed_with_picks_chooses_that_many_across_the_batch_like_the_papers_code()
    {
        var strategy = BranchStrategies.Create("fixed", new BranchingOptions { PicksPerStep = 2 });
        var candidates = Enumerable.Range(0, 5).Select(i => Candidate(i / 2, i % 2, Step())).ToArray();
        var first = strategy.SelectRequests(candidates, AStep).ToArray();
        Assert.Equal(2, first.Length);
        Assert.Equal(first, strategy.SelectRequests(candidates, AStep));
        var chosen = Enumerable.Range(0, 50).SelectMany(s => strategy.SelectRequests(candidates, new BranchStep(0, s, (ulong)s * 7919))).Distinct();
        Assert.Equal(5, chosen.Count());
        Assert.Single(strategy.SelectRequests(candidates.Take(1).ToArray(), AStep));
    }

    [Fact]
    public void Entropy_asks_when_the_leading_tokens_are_less_certain_than_at_the_root()
    {
        var root = Step(entropies: [0.5f, 0.5f, 9f]);
        var calmer = Candidate(0, 0, Step(entropies: [0.4f, 0.5f, 9f]), root);
        var warier = Candidate(0, 1, Step(entropies: [1f, 1f, 0f]), root);
        var strategy = BranchStrategies.Create("entropy", new BranchingOptions { EntropyTokens = 2 });
        Assert.True(strategy.NeedsEntropies);
        Assert.Equal([warier], strategy.SelectRequests([calmer, warier], AStep));
        var strict = BranchStrategies.Create("entropy", new BranchingOptions { EntropyTokens = 2, EntropyMargin = 0.6 });
        Assert.Empty(strict.SelectRequests([calmer, warier], AStep));
    }

    [Fact]
    public void Entropy_without_entropies_says_how_to_get_them()
    {
        var strategy = BranchStrategies.Create("entropy");
        var e = Assert.Throws<InvalidOperationException>(() => strategy.SelectRequests([Candidate(0, 0, Step())], AStep).ToArray());
        Assert.Contains("ReturnEntropy", e.Message);
    }

    [Fact]
    public void Bad_names_and_settings_name_the_field()
    {
        Assert.Equal("strategy", Assert.Throws<ConfigException>(() => BranchStrategies.Create("beam")).Field);
        Assert.Equal("budget", Assert.Throws<ConfigException>(() => BranchStrategies.Create("spark", new BranchingOptions { Roots = 5, Budget = 4 })).Field);
        Assert.Equal("p", Assert.Throws<ConfigException>(() => BranchStrategies.Create("fixed", new BranchingOptions { Probability = 1.5 })).Field);
        Assert.Equal("zz", Assert.Throws<ConfigException>(() => BranchingOptions.Parse(["zz=1"])).Field);
        Assert.Equal("n", Assert.Throws<ConfigException>(() => BranchingOptions.Parse(["n=eight"])).Field);
    }

    [Fact]
    public void Options_parse_every_key()
    {
        var o = BranchingOptions.Parse(["m=2", "N=6", "b=3", "p=0.5", "picks=4", "k=10", "margin=0.25"]);
        Assert.Equal(new BranchingOptions { Roots = 2, Budget = 6, Factor = 3, Probability = 0.5, PicksPerStep = 4, EntropyTokens = 10, EntropyMargin = 0.25 }, o);
        Assert.Equal(new BranchingOptions(), BranchingOptions.Parse([]));
    }
}
