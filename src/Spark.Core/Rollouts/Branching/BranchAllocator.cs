using Spark.Core.Randomness;

namespace Spark.Core.Rollouts.Branching;

/// <summary>A served branch request: the parent trajectory and the slots of its new children.</summary>
public sealed record BranchGrant(BranchCandidate Parent, IReadOnlyList<int> ChildSlots);

/// <summary>
/// Enforces the leaf budget, the same way for every strategy. This is where "how many children" is decided:
/// <list type="bullet">
/// <item>Requests are served task by task; within a task, in a random order fixed by
/// (run seed, iteration, task, step), so who wins a contested budget is reproducible and does not depend on
/// the other tasks in the batch. (The paper's code shuffles the whole batch's requests at once; since each
/// request only draws on its own task's budget, shuffling per task serves the same distribution.)</item>
/// <item>A request gets k = min(B − 1, N − allocated) children, where allocated counts every leaf the task has
/// ever had (finished ones too), so a task never exceeds N leaves. k = 0 means the budget is spent and the
/// trajectory just continues.</item>
/// <item>Child slots are numbered in service order after the slots already allocated.</item>
/// </list>
/// </summary>
public static class BranchAllocator
{
    /// <param name="requests">What the strategy asked for (duplicates are served once).</param>
    /// <param name="allocated">Leaves allocated so far per task (batch position); updated in place.</param>
    public static IReadOnlyList<BranchGrant> Allocate(
        IEnumerable<BranchCandidate> requests, int[] allocated, BranchBudget budget, ulong seed, int iteration, int step)
    {
        var grants = new List<BranchGrant>();
        var byTask = requests
            .DistinctBy(r => (r.Task, r.Slot))
            .GroupBy(r => r.Task)
            .OrderBy(g => g.Key);
        foreach (var task in byTask)
        {
            var order = task.OrderBy(r => r.Slot).ToArray();
            new Random(OrderSeed(seed, iteration, task.Key, step)).Shuffle(order);
            foreach (var request in order)
            {
                int k = budget.ChildrenFor(allocated[task.Key]);
                if (k == 0) break;
                grants.Add(new BranchGrant(request, Enumerable.Range(allocated[task.Key], k).ToArray()));
                allocated[task.Key] += k;
            }
        }
        return grants;
    }

    static int OrderSeed(ulong seed, int iteration, int task, int step) =>
        (int)(Seeds.Derive(seed, "branch-order", iteration, task, step) & 0x7FFFFFFF);
}
