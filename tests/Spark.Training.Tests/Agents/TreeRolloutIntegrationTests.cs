using Spark.Core.Rollouts;
using Spark.Core.Rollouts.Branching;
using Spark.Training.Agents;
using Spark.Training.Agents.Policies;
using Spark.Training.Agents.Prompts;
using Spark.Training.Tests.Agents.TestDoubles;

namespace Spark.Training.Tests.Agents;

/// <summary>The harness under the real rollout engine: branching on &lt;explore&gt;, forked contexts, episode-mode tokens.</summary>
public class TreeRolloutIntegrationTests
{
    [Theory]
    [InlineData(PromptMode.Episode)]
    [InlineData(PromptMode.Window)]
    public void Spark_rollouts_branch_on_explore_and_every_leaf_is_a_consistent_sequence(PromptMode mode)
    {
        var suite = new FakeAlfworldSuite();
        var tokenizer = new TestTokenizer();
        var agent = new PolicyAgent(new RandomPolicy(tokenizer, exploreProbability: 0.5),
            new AgentOptions(PromptOptions.Compact with { Mode = mode }, ConstrainActions: true));
        var engine = new TreeRolloutEngine(agent, BranchStrategies.Create("spark"), new RolloutOptions { Seed = 11, MaxSteps = 12 });
        var tasks = Enumerable.Range(0, 3).Select(i => suite.Describe("train", i)).ToList();
        var batch = engine.Run(tasks, t => suite.Create(t.Split, t.Index));

        foreach (var tree in batch.Trees)
        {
            Assert.InRange(tree.Leaves.Count, 4, 8);
            Assert.NotEmpty(tree.Branches);
            foreach (var leaf in tree.Leaves)
            {
                var nodes = leaf.Path.Select(id => tree.Nodes[id]).ToList();
                if (mode == PromptMode.Window)
                {
                    // Each prompt shows the last step of its own branch.
                    for (int k = 1; k < nodes.Count; k++)
                        Assert.Contains("> " + nodes[k - 1].Decision.Action, tokenizer.Decode(nodes[k].Decision.PromptIds));
                    continue;
                }
                // Episode mode: the leaf's tokens, concatenated, read as one conversation in which every
                // observation the leaf saw follows the action that produced it.
                var sequence = nodes.SelectMany(n => n.Decision.PromptIds.Concat(n.Decision.ResponseIds)).ToArray();
                string text = tokenizer.Decode(sequence);
                int at = 0;
                foreach (var node in nodes)
                {
                    at = text.IndexOf($"<action>{node.Decision.Action}</action>", at, StringComparison.Ordinal);
                    Assert.True(at >= 0, $"leaf {leaf.Slot}: action '{node.Decision.Action}' out of order");
                    if (node != nodes[^1])
                    {
                        at = text.IndexOf(node.Result.Observation, at, StringComparison.Ordinal);
                        Assert.True(at >= 0, $"leaf {leaf.Slot}: observation '{node.Result.Observation}' out of order");
                    }
                }
            }
        }
    }
}
