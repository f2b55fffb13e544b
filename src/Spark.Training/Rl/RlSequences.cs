using Spark.Core.Advantages;
using Spark.Core.Rollouts;
using Spark.Training.Agents.Prompts;
using Spark.Training.Sequences;

namespace Spark.Training.Rl;

/// <summary>
/// One RL training sequence: tokens exactly as sampled (prompt ids and response ids from the rollout, never
/// re-encoded), with each response span's advantage and the log-probs it was sampled with.
/// </summary>
/// <param name="Sequence">The tokens and response spans (with the admissible actions of constrained spans).</param>
/// <param name="Advantages">One advantage per span, broadcast to the span's tokens.</param>
/// <param name="OldLogProbs">The sampling log-probs of each span's tokens.</param>
public sealed record RlSequence(TrainingSequence Sequence, IReadOnlyList<double> Advantages, IReadOnlyList<float[]> OldLogProbs)
{
    public int ResponseTokens => Sequence.Spans.Sum(s => s.Length);
}

/// <summary>
/// Turns scored rollout samples into training sequences. Window mode: one sequence per sample (its prompt and its
/// response). Episode mode: one sequence per leaf — the conversation along the leaf's path — with a span per step
/// that has a sample; in the per-node layout a node shared by several leaves is trained once, on the first leaf
/// (in slot order) that passes through it, so no step is counted twice.
/// </summary>
public static class RlSequenceBuilder
{
    /// <param name="layout">The layout the samples were exported in (the estimator's).</param>
    public static IReadOnlyList<RlSequence> Build(
        IReadOnlyList<RolloutTree> trees, IReadOnlyList<ScoredSample> scored, PromptMode mode, SampleLayout layout) =>
        mode == PromptMode.Window ? Window(scored) : Episode(trees, scored, layout);

    static IReadOnlyList<RlSequence> Window(IReadOnlyList<ScoredSample> scored) =>
        scored.Select(s =>
        {
            var d = s.Sample.Decision;
            var tokens = new int[d.PromptIds.Length + d.ResponseIds.Length];
            d.PromptIds.CopyTo(tokens, 0);
            d.ResponseIds.CopyTo(tokens, d.PromptIds.Length);
            var span = new ResponseSpan(d.PromptIds.Length, d.ResponseIds.Length, d.AdmissibleActions);
            return new RlSequence(new TrainingSequence(tokens, [span]), [s.Advantage], [d.LogProbs]);
        })
        .Where(r => r.ResponseTokens > 0)
        .ToList();

    static IReadOnlyList<RlSequence> Episode(IReadOnlyList<RolloutTree> trees, IReadOnlyList<ScoredSample> scored, SampleLayout layout)
    {
        // Per (leaf, step) a sample's Trajectory is its leaf's slot; per node it is the node id.
        var advantageOf = scored.ToDictionary(s => (s.Sample.Group, s.Sample.Trajectory, s.Sample.Node.Id), s => s.Advantage);
        bool perNode = layout == SampleLayout.Nodes;

        var result = new List<RlSequence>();
        foreach (var tree in trees)
        {
            var trained = new HashSet<int>();
            foreach (var leaf in tree.Leaves)
            {
                var tokens = new List<int>();
                var spans = new List<ResponseSpan>();
                var advantages = new List<double>();
                var oldLogProbs = new List<float[]>();
                foreach (int id in leaf.Path)
                {
                    var d = tree.Nodes[id].Decision;
                    tokens.AddRange(d.PromptIds);
                    int start = tokens.Count;
                    tokens.AddRange(d.ResponseIds);
                    var key = (tree.TaskIndex, perNode ? id : leaf.Slot, id);
                    if (d.ResponseIds.Length == 0 || (perNode && !trained.Add(id)) || !advantageOf.TryGetValue(key, out double advantage))
                        continue;
                    spans.Add(new ResponseSpan(start, d.ResponseIds.Length, d.AdmissibleActions));
                    advantages.Add(advantage);
                    oldLogProbs.Add(d.LogProbs);
                }
                if (spans.Count > 0)
                    result.Add(new RlSequence(new TrainingSequence(tokens.ToArray(), spans), advantages, oldLogProbs));
            }
        }
        return result;
    }
}
