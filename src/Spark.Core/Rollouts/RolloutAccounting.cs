namespace Spark.Core.Rollouts;

/// <summary>
/// What a rollout batch cost, and what independent chains would have cost to produce the same leaves.
/// </summary>
/// <param name="Tasks">Trees in the batch.</param>
/// <param name="Leaves">Finished trajectories.</param>
/// <param name="Nodes">Distinct decided steps: one generation call each.</param>
/// <param name="BranchEvents">Nodes that spawned children.</param>
/// <param name="ChildrenCreated">Trajectories created by branching (leaves − roots).</param>
/// <param name="GeneratedTokens">Sampled response tokens, each node once.</param>
/// <param name="PromptTokens">Prompt tokens as built (<c>AgentStep.PromptIds</c>), each node once.</param>
/// <param name="PromptTokensComputed">Prompt tokens the policy actually ran through the model
/// (<c>AgentStep.PromptTokensComputed</c>; 0 when the agent does not report it).</param>
/// <param name="EnvironmentSteps">Every <c>IEnvironment.Step</c> call: one per node plus <paramref name="ReplaySteps"/>.</param>
/// <param name="ReplaySteps">Steps spent replaying a parent's actions into a fresh child environment.</param>
/// <param name="ChainsGeneratedTokens">Σ over leaves of the response tokens along the whole path: what independent
/// chains would generate to produce these leaves.</param>
/// <param name="ChainsPromptTokens">Σ over leaves of the prompt tokens along the whole path (each chain prompts
/// every one of its steps itself).</param>
/// <param name="ChainsEnvironmentSteps">Σ over leaves of the path length.</param>
public sealed record RolloutAccounting(
    int Tasks,
    int Leaves,
    int Nodes,
    int BranchEvents,
    int ChildrenCreated,
    long GeneratedTokens,
    long PromptTokens,
    long PromptTokensComputed,
    long EnvironmentSteps,
    long ReplaySteps,
    long ChainsGeneratedTokens,
    long ChainsPromptTokens,
    long ChainsEnvironmentSteps)
{
    /// <summary>Share of the chains' generated tokens that sharing prefixes saved (0 for chains).</summary>
    public double GeneratedTokensSaved => Saved(GeneratedTokens, ChainsGeneratedTokens);

    /// <summary>Share of the chains' prompt tokens that were not computed (0 when the agent does not report what it computed).</summary>
    public double PromptTokensSaved => PromptTokensComputed == 0 ? 0 : Saved(PromptTokensComputed, ChainsPromptTokens);

    public static RolloutAccounting Of(IEnumerable<RolloutTree> trees)
    {
        var a = new RolloutAccounting(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var tree in trees) a = a.Add(OfTree(tree));
        return a;
    }

    public RolloutAccounting Add(RolloutAccounting o) => new(
        Tasks + o.Tasks, Leaves + o.Leaves, Nodes + o.Nodes, BranchEvents + o.BranchEvents, ChildrenCreated + o.ChildrenCreated,
        GeneratedTokens + o.GeneratedTokens, PromptTokens + o.PromptTokens, PromptTokensComputed + o.PromptTokensComputed,
        EnvironmentSteps + o.EnvironmentSteps, ReplaySteps + o.ReplaySteps,
        ChainsGeneratedTokens + o.ChainsGeneratedTokens, ChainsPromptTokens + o.ChainsPromptTokens,
        ChainsEnvironmentSteps + o.ChainsEnvironmentSteps);

    static RolloutAccounting OfTree(RolloutTree tree)
    {
        long generated = 0, prompt = 0, computed = 0;
        foreach (var node in tree.Nodes)
        {
            generated += node.Decision.ResponseIds.Length;
            prompt += node.Decision.PromptIds.Length;
            computed += node.Decision.PromptTokensComputed;
        }
        long chainsGenerated = 0, chainsPrompt = 0, chainsSteps = 0;
        foreach (var leaf in tree.Leaves)
        {
            chainsSteps += leaf.Path.Count;
            foreach (int id in leaf.Path)
            {
                chainsGenerated += tree.Nodes[id].Decision.ResponseIds.Length;
                chainsPrompt += tree.Nodes[id].Decision.PromptIds.Length;
            }
        }
        return new RolloutAccounting(
            1, tree.Leaves.Count, tree.Nodes.Count, tree.Branches.Count, tree.Branches.Sum(b => b.ChildSlots.Count),
            generated, prompt, computed, tree.Nodes.Count + tree.ReplaySteps, tree.ReplaySteps,
            chainsGenerated, chainsPrompt, chainsSteps);
    }

    static double Saved(long actual, long chains) => chains == 0 ? 0 : 1.0 - (double)actual / chains;
}
