using Spark.Core.Agents;
using Spark.Core.Environments;
using Spark.Core.Randomness;
using Spark.Core.Rollouts.Branching;

namespace Spark.Core.Rollouts;

/// <summary>
/// Runs the rollouts of a batch of tasks as trees. Every step, all active trajectories of all tasks decide
/// together (one <see cref="IAgent.Act"/> call), their environments step, the steps become tree nodes, and the
/// strategy says who branches; <see cref="BranchAllocator"/> enforces the budget. A child is a copy of its parent
/// right after the branch step — the step's action ran once, in the parent's world — so siblings first differ at
/// the next step, each sampling with its own seed.
/// </summary>
public sealed class TreeRolloutEngine
{
    readonly IAgent _agent;
    readonly IBranchStrategy _strategy;
    readonly RolloutOptions _options;

    public TreeRolloutEngine(IAgent agent, IBranchStrategy strategy, RolloutOptions options)
    {
        strategy.Budget.Validate();
        options.Validate();
        _agent = agent;
        _strategy = strategy;
        _options = options;
    }

    public IBranchStrategy Strategy => _strategy;

    /// <summary>The sampling seed of one decision: fixed by (run seed, iteration, task position, slot, step), so it
    /// does not depend on which other trajectories are in the batch.</summary>
    public static ulong SampleSeed(ulong runSeed, int iteration, int task, int slot, int step) =>
        Seeds.Derive(runSeed, "sample", iteration, task, slot, step);

    /// <summary>Rolls out every task of <paramref name="tasks"/> to the end. The engine owns the environments it
    /// creates (and their clones) and disposes the ones that are <see cref="IDisposable"/> when it is done.</summary>
    /// <param name="createEnvironment">Builds a fresh, not yet reset world for a task (for roots, and for replayed children).</param>
    /// <param name="iteration">The training iteration: part of every seed.</param>
    public RolloutBatch Run(IReadOnlyList<TaskInfo> tasks, Func<TaskInfo, IEnvironment> createEnvironment, int iteration = 0)
    {
        var budget = _strategy.Budget;
        var trees = new RolloutTree[tasks.Count];
        var slots = new List<Trajectory>[tasks.Count];
        var allocated = new int[tasks.Count];
        try
        {
            for (int t = 0; t < tasks.Count; t++)
            {
                slots[t] = [];
                trees[t] = StartRoots(tasks[t], t, budget.Roots, createEnvironment, slots[t]);
                allocated[t] = budget.Roots;
            }
            Roll(trees, slots, allocated, createEnvironment, iteration);
        }
        finally
        {
            foreach (var s in slots.Where(s => s is not null).SelectMany(s => s)) (s.Env as IDisposable)?.Dispose();
        }

        for (int t = 0; t < tasks.Count; t++)
            foreach (var s in slots[t])
                trees[t].AddLeaf(new RolloutLeaf(s.Slot, s.Path, s.Last.Won ? _options.SuccessReward : 0, s.Last.Won, s.Truncated, s.Last.Score));
        return new RolloutBatch(_strategy.Name, budget, _options.Seed, iteration, trees);
    }

    /// <summary>Steps every unfinished trajectory of the batch together until none is left.</summary>
    void Roll(RolloutTree[] trees, List<Trajectory>[] slots, int[] allocated, Func<TaskInfo, IEnvironment> createEnvironment, int iteration)
    {
        var brancher = new WorldBrancher(createEnvironment, _options.World);
        for (int step = 0; ; step++)
        {
            var active = slots.SelectMany(s => s).Where(s => !s.Finished).ToList();
            if (active.Count == 0) break;

            var decisions = Decide(active, iteration, step);
            var results = StepEnvironments(active, decisions);
            var candidates = Record(active, decisions, results, trees, iteration, step);
            var branchStep = new BranchStep(iteration, step, Seeds.Derive(_options.Seed, "branch-step", iteration, step));
            // Only candidates may branch, whatever a strategy returns: that is what keeps terminal steps unbranched.
            var eligible = candidates.Select(c => (c.Task, c.Slot)).ToHashSet();
            var requests = step < _strategy.Budget.FirstStep ? []
                : _strategy.SelectRequests(candidates, branchStep).Where(r => eligible.Contains((r.Task, r.Slot)));
            var grants = BranchAllocator.Allocate(requests, allocated, _strategy.Budget, _options.Seed, iteration, step);
            foreach (var grant in grants) Branch(grant, trees[grant.Parent.Task], slots[grant.Parent.Task], brancher);

            _options.Progress?.Report(new RolloutProgress(step, active.Count, allocated.Sum()));
        }
    }

    RolloutTree StartRoots(TaskInfo task, int t, int roots, Func<TaskInfo, IEnvironment> createEnvironment, List<Trajectory> slots)
    {
        RolloutTree? tree = null;
        for (int r = 0; r < roots; r++)
        {
            var env = createEnvironment(task);
            var initial = env.Reset();
            slots.Add(new Trajectory(t, r, env, _agent.Start(env, initial), initial, []));
            tree ??= new RolloutTree(task, t, initial.Observation);
            if (initial.Observation != tree.InitialObservation)
                throw new InvalidOperationException(
                    $"Two fresh instances of task {task.Id} start differently; every trajectory of a task must start from the same world.");
        }
        return tree!;
    }

    IReadOnlyList<AgentStep> Decide(List<Trajectory> active, int iteration, int step)
    {
        var turns = active.Select(s => new AgentTurn(s.Context, s.Env)).ToArray();
        var seeds = active.Select(s => SampleSeed(_options.Seed, iteration, s.Task, s.Slot, step)).ToArray();
        var decisions = _agent.Act(turns, seeds);
        if (decisions.Count != active.Count)
            throw new InvalidOperationException($"The agent returned {decisions.Count} steps for {active.Count} trajectories at step {step}.");
        return decisions;
    }

    StepResult[] StepEnvironments(List<Trajectory> active, IReadOnlyList<AgentStep> decisions)
    {
        var results = new StepResult[active.Count];
        if (_options.EnvironmentParallelism == 1)
            for (int i = 0; i < active.Count; i++) results[i] = active[i].Env.Step(decisions[i].Action);
        else
            Parallel.For(0, active.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.EnvironmentParallelism },
                i => results[i] = active[i].Env.Step(decisions[i].Action));
        return results;
    }

    /// <summary>Turns the step into nodes, ends finished trajectories, and returns the ones that may branch.</summary>
    List<BranchCandidate> Record(List<Trajectory> active, IReadOnlyList<AgentStep> decisions, StepResult[] results,
        RolloutTree[] trees, int iteration, int step)
    {
        var candidates = new List<BranchCandidate>();
        for (int i = 0; i < active.Count; i++)
        {
            var s = active[i];
            var tree = trees[s.Task];
            _agent.Observe(s.Context, decisions[i], results[i]);
            var node = tree.AddNode(s.Path.Count == 0 ? -1 : s.Path[^1], step, s.Slot, s.Last.Observation, decisions[i], results[i]);
            s.Path.Add(node.Id);
            s.Last = results[i];
            bool capped = _options.MaxSteps is int cap && step + 1 >= cap;
            if (results[i].Done || capped)
            {
                // A finished step never branches: its children would be copies of a finished episode.
                s.Finish(truncated: results[i].Truncated || !results[i].Done);
                continue;
            }
            var root = tree.Nodes[s.Path[0]].Decision;
            candidates.Add(new BranchCandidate(s.Task, s.Slot, step, node.Id, decisions[i], root,
                Seeds.Derive(_options.Seed, "branch", iteration, s.Task, s.Slot, step)));
        }
        return candidates;
    }

    void Branch(BranchGrant grant, RolloutTree tree, List<Trajectory> taskSlots, WorldBrancher brancher)
    {
        var parent = taskSlots[grant.Parent.Slot];
        var expected = parent.Path.Select(id => tree.Nodes[id].Result.Observation).ToArray();
        foreach (int childSlot in grant.ChildSlots)
        {
            var (env, replaySteps) = brancher.Branch(parent.Env, tree.InitialObservation, expected);
            tree.ReplaySteps += replaySteps;
            // Slots are numbered densely in allocation order, so a slot's number is its position in the list.
            taskSlots.Add(new Trajectory(parent.Task, childSlot, env, parent.Context.Fork(), parent.Last, [.. parent.Path]));
        }
        tree.AddBranch(new BranchEvent(grant.Parent.NodeId, grant.Parent.Step, parent.Slot, grant.ChildSlots));
    }

    /// <summary>A trajectory in progress: its world, its agent context, and its path through the tree so far.</summary>
    sealed class Trajectory(int task, int slot, IEnvironment env, IAgentContext context, StepResult last, List<int> path)
    {
        public int Task { get; } = task;
        public int Slot { get; } = slot;
        public IEnvironment Env { get; } = env;
        public IAgentContext Context { get; } = context;
        public List<int> Path { get; } = path;

        /// <summary>The latest thing the world said (the reset result before the first step).</summary>
        public StepResult Last { get; set; } = last;

        public bool Finished { get; private set; }
        public bool Truncated { get; private set; }

        public void Finish(bool truncated)
        {
            Finished = true;
            Truncated = truncated;
        }
    }
}
