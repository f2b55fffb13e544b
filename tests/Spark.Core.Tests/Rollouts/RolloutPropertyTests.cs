using Spark.Core.Environments;
using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Core.Tests.Rollouts.Fakes;

namespace Spark.Core.Tests.Rollouts;

/// <summary>Thousands of random trees: random budgets, step limits, explore rates and strategies.</summary>
public sealed class RolloutPropertyTests
{
    sealed record Case(string Strategy, BranchingOptions Options, double Explore, int StepLimit, int? Cap, int Tasks, ulong Seed)
    {
        public IBranchStrategy Create() => BranchStrategies.Create(Strategy, Options);

        public RolloutBatch Run(BranchWorld world = BranchWorld.Auto, bool canClone = true, int parallelism = 1)
        {
            var agent = ScriptedAgent.Random(Explore, entropies: true);
            var engine = new TreeRolloutEngine(agent, Create(), new RolloutOptions
            {
                Seed = Seed, MaxSteps = Cap, World = world, EnvironmentParallelism = parallelism,
            });
            var tasks = Enumerable.Range(0, Tasks).Select(CorridorWorld.TaskAt).ToArray();
            return engine.Run(tasks, t => new CorridorWorld(t, StepLimit, canClone), iteration: (int)(Seed % 3));
        }

        public override string ToString() => $"{Strategy} M={Options.Roots} N={Options.Budget} B={Options.Factor} q={Explore:F2} K={StepLimit} cap={Cap} seed={Seed}";
    }

    static IEnumerable<Case> RandomCases(int count, int seed)
    {
        var rng = new Random(seed);
        string[] strategies = ["spark", "spark", "spark", "fixed", "entropy", "chains"];
        for (int i = 0; i < count; i++)
        {
            int m = rng.Next(1, 6);
            var options = new BranchingOptions
            {
                Roots = m, Budget = m + rng.Next(0, 9), Factor = rng.Next(1, 5),
                Probability = rng.NextDouble(), EntropyTokens = rng.Next(1, 8),
                PicksPerStep = rng.Next(4) == 0 ? rng.Next(1, 5) : null,
            };
            yield return new Case(strategies[rng.Next(strategies.Length)], options, rng.NextDouble(),
                StepLimit: rng.Next(2, 13), Cap: rng.Next(3) == 0 ? rng.Next(1, 10) : null, Tasks: rng.Next(1, 9), Seed: (ulong)rng.Next());
        }
    }

    [Fact]
    public void Random_trees_keep_every_structural_promise()
    {
        int trees = 0;
        foreach (var c in RandomCases(500, seed: 11))
        {
            var batch = c.Run();
            var budget = c.Create().Budget;
            foreach (var tree in batch.Trees)
            {
                try { TreeInvariants.Check(tree, budget.Roots, budget.Leaves, budget.Factor, c.Cap); }
                catch (Exception e) { throw new Xunit.Sdk.XunitException($"{c}: {e.Message}"); }
                trees++;
            }
        }
        Assert.True(trees >= 2000, $"only {trees} trees");
    }

    [Fact]
    public void Spark_branches_exactly_at_explore_steps_while_budget_remains()
    {
        foreach (var c in RandomCases(400, seed: 12).Select(c => c with { Strategy = "spark" }))
        {
            var batch = c.Run();
            foreach (var tree in batch.Trees)
            {
                var branched = tree.Branches.ToDictionary(b => b.NodeId);
                foreach (var node in tree.Nodes)
                {
                    bool terminal = node.Result.Done || node.Step + 1 == c.Cap;
                    if (!node.Explore || terminal || c.Options.Factor == 1)
                        Assert.False(branched.ContainsKey(node.Id), $"{c}: branched at node {node.Id} without a live <explore>");
                    else if (tree.Leaves.Count < c.Options.Budget)
                        Assert.Equal(c.Options.Factor - 1, branched[node.Id].ChildSlots.Count);
                }
            }
        }
    }

    [Fact]
    public void Same_seed_same_trees_and_another_seed_other_trees()
    {
        int differ = 0;
        foreach (var c in RandomCases(60, seed: 13))
        {
            string a = RolloutTreeJson.Serialize(c.Run());
            Assert.Equal(a, RolloutTreeJson.Serialize(c.Run()));
            if (a != RolloutTreeJson.Serialize((c with { Seed = c.Seed + 1 }).Run())) differ++;
        }
        Assert.True(differ > 50, $"only {differ} of 60 cases changed with the seed");
    }

    [Fact]
    public void Clone_and_replay_branching_give_identical_trees()
    {
        foreach (var c in RandomCases(150, seed: 14).Select(c => c with { Strategy = "spark" }))
        {
            var cloned = c.Run(BranchWorld.Auto, canClone: true);
            var replayed = c.Run(BranchWorld.Replay, canClone: true);
            var cannotClone = c.Run(BranchWorld.Auto, canClone: false);
            Assert.Equal(TreeInvariants.Fingerprint(cloned), TreeInvariants.Fingerprint(replayed));
            Assert.Equal(TreeInvariants.Fingerprint(cloned), TreeInvariants.Fingerprint(cannotClone));
            Assert.Equal(0, cloned.Accounting.ReplaySteps);
            if (cloned.Accounting.ChildrenCreated > 0) Assert.True(replayed.Accounting.ReplaySteps > 0);
        }
    }

    [Fact]
    public void Parallel_environment_steps_do_not_change_the_trees()
    {
        foreach (var c in RandomCases(40, seed: 15))
            Assert.Equal(TreeInvariants.Fingerprint(c.Run()), TreeInvariants.Fingerprint(c.Run(parallelism: 3)));
    }

    [Fact]
    public void A_task_tree_does_not_depend_on_the_other_tasks_in_the_batch()
    {
        foreach (var c in RandomCases(40, seed: 16).Where(c => c.Options.PicksPerStep is null))
        {
            var alone = c with { Tasks = 1 };
            var crowded = c with { Tasks = 6 };
            string first = TreeInvariants.Fingerprint(crowded.Run()).Split("T corridor/train/1 ")[0];
            Assert.Equal(TreeInvariants.Fingerprint(alone.Run()), first);
        }
    }
}
