using Spark.Core.Agents;
using Spark.Core.Rollouts.Branching;

namespace Spark.Core.Tests.Rollouts;

public sealed class BranchAllocatorTests
{
    static readonly AgentStep Decision = new("go", true, true, "<explore>?</explore>", [], [], []);

    static BranchCandidate Request(int task, int slot) => new(task, slot, 3, slot, Decision, Decision, 0);

    [Fact]
    public void Each_request_gets_min_of_B_minus_1_and_the_remaining_budget()
    {
        int[] allocated = [4];
        var grants = BranchAllocator.Allocate(Enumerable.Range(0, 4).Select(s => Request(0, s)), allocated, new BranchBudget(4, 9, 3), 1, 0, 3);
        Assert.Equal([2, 2, 1], grants.Select(g => g.ChildSlots.Count));
        Assert.Equal(Enumerable.Range(4, 5), grants.SelectMany(g => g.ChildSlots));
        Assert.Equal(9, allocated[0]);
    }

    [Fact]
    public void A_full_task_grants_nothing_and_tasks_do_not_share_budgets()
    {
        int[] allocated = [8, 4];
        var grants = BranchAllocator.Allocate([Request(0, 1), Request(1, 0), Request(1, 0)], allocated, new BranchBudget(4, 8, 2), 1, 0, 3);
        var only = Assert.Single(grants);
        Assert.Equal((1, 0), (only.Parent.Task, only.Parent.Slot));
        Assert.Equal([4], only.ChildSlots);
        Assert.Equal([8, 5], allocated);
    }

    [Fact]
    public void Contested_budget_goes_in_a_seeded_order_that_varies_by_step()
    {
        BranchCandidate Winner(int step) =>
            BranchAllocator.Allocate(Enumerable.Range(0, 4).Select(s => Request(0, s)), [7], new BranchBudget(4, 8, 2), 42, 0, step).Single().Parent;
        Assert.Equal(Winner(3), Winner(3));
        Assert.Equal(4, Enumerable.Range(0, 40).Select(Winner).Select(w => w.Slot).Distinct().Count());
    }
}
