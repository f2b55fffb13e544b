using System.Text;
using Spark.Core.Rollouts;

namespace Spark.Core.Tests.Rollouts.Fakes;

/// <summary>The structural promises every rollout tree keeps, checked with plain exceptions so a property test
/// can report which random case broke which rule.</summary>
public static class TreeInvariants
{
    public static void Check(RolloutTree tree, int roots, int budget, int factor, int? cap)
    {
        void Require(bool ok, string rule) { if (!ok) throw new Xunit.Sdk.XunitException($"{tree.Task.Id}: {rule}"); }

        Require(tree.Nodes.Count(n => n.IsRoot) == roots, "roots = M");
        Require(tree.Leaves.Count <= budget, "leaves ≤ N");
        Require(tree.Leaves.Count == roots + tree.Branches.Sum(b => b.ChildSlots.Count), "leaves = roots + children");
        Require(tree.Leaves.Select(l => l.Slot).SequenceEqual(Enumerable.Range(0, tree.Leaves.Count)), "slots are 0..leaves−1");
        Require(tree.Branches.All(b => b.ChildSlots.Count is >= 1 && b.ChildSlots.Count <= factor - 1), "1 ≤ children ≤ B−1");

        foreach (var leaf in tree.Leaves)
        {
            Require(tree.Nodes[leaf.Path[0]].IsRoot, "a path starts at a root");
            for (int i = 0; i < leaf.Path.Count; i++)
            {
                var node = tree.Nodes[leaf.Path[i]];
                Require(node.Step == i, "a path's i-th node is step i");
                if (i > 0) Require(node.ParentId == leaf.Path[i - 1], "a path follows parent links");
                Require(i == leaf.Path.Count - 1 || !node.Result.Done, "only the last step of a path is terminal");
            }
            var last = tree.Nodes[leaf.LastNodeId];
            Require(last.Result.Done || leaf.Path.Count == cap, "a leaf ends terminal or at the step limit");
            Require(leaf.Won == last.Result.Won && (!leaf.Truncated || !leaf.Won), "leaf outcome = last step's");
        }

        foreach (var branch in tree.Branches)
        {
            var node = tree.Nodes[branch.NodeId];
            Require(!node.Result.Done && branch.Step + 1 != cap, "no branch from a terminal step");
            Require(node.Step == branch.Step, "branch step = node step");
            var parentPath = tree.Leaves[branch.ParentSlot].Path;
            Require(parentPath[branch.Step] == branch.NodeId, "the parent passes through the branch node");
            foreach (int child in branch.ChildSlots)
            {
                var childPath = tree.Leaves[child].Path;
                Require(childPath.Count > branch.Step + 1, "a child takes at least one step of its own");
                Require(childPath.Take(branch.Step + 1).SequenceEqual(parentPath.Take(branch.Step + 1)), "a child's history = its parent's up to the branch step");
                Require(tree.Nodes[childPath[branch.Step + 1]].Observation == node.Result.Observation, "siblings decide from the post-branch observation");
                Require(tree.Nodes[childPath[branch.Step + 1]].Slot == child, "the child's own steps start right after the branch");
            }
        }
    }

    /// <summary>Everything that defines the trees (not the cost of making them): equal fingerprints, equal trees.</summary>
    public static string Fingerprint(RolloutBatch batch)
    {
        var sb = new StringBuilder();
        foreach (var tree in batch.Trees)
        {
            sb.Append($"T {tree.Task.Id} {tree.InitialObservation}\n");
            foreach (var n in tree.Nodes)
                sb.Append($"N {n.Id} {n.ParentId} {n.Step} {n.Slot} [{n.Observation}] [{n.Decision.ResponseText}] [{n.Result.Observation}] {n.Result.Done}\n");
            foreach (var l in tree.Leaves)
                sb.Append($"L {l.Slot} {string.Join(",", l.Path)} {l.Reward} {l.Won} {l.Truncated}\n");
            foreach (var b in tree.Branches)
                sb.Append($"B {b.NodeId} {b.ParentSlot} {string.Join(",", b.ChildSlots)}\n");
        }
        return sb.ToString();
    }
}
