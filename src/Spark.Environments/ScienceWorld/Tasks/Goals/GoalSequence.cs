using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Tasks.Goals;

/// <summary>The mutable progress of a goal sequence; small arrays, copied when an episode is cloned.</summary>
internal sealed class GoalState
{
    public int Current;
    public bool Failed;
    public int LastSatisfied = -1;
    public bool[] UnorderedDone;
    public int[] SatisfiedWith;
    public double[] Scratch;
    public HashSet<string> CompletedKeys = [];
    public string StateOfMatterKey = "";
    /// <summary>(device name, patient descriptive name) of every "use" action run so far.</summary>
    public List<(string Device, string Patient)> Uses = [];

    public GoalState(int ordered, int unordered)
    {
        UnorderedDone = new bool[unordered];
        SatisfiedWith = Enumerable.Repeat(-1, ordered + unordered).ToArray();
        Scratch = Enumerable.Repeat(double.NaN, ordered + unordered).ToArray();
    }

    GoalState(GoalState o)
    {
        Current = o.Current;
        Failed = o.Failed;
        LastSatisfied = o.LastSatisfied;
        UnorderedDone = (bool[])o.UnorderedDone.Clone();
        SatisfiedWith = (int[])o.SatisfiedWith.Clone();
        Scratch = (double[])o.Scratch.Clone();
        CompletedKeys = [.. o.CompletedKeys];
        StateOfMatterKey = o.StateOfMatterKey;
        Uses = [.. o.Uses];
    }

    public GoalState Clone() => new(this);

    /// <summary>Makes this state a copy of <paramref name="o"/> (a state of the same sequence) in place.</summary>
    public void CopyFrom(GoalState o)
    {
        Current = o.Current;
        Failed = o.Failed;
        LastSatisfied = o.LastSatisfied;
        o.UnorderedDone.CopyTo(UnorderedDone, 0);
        o.SatisfiedWith.CopyTo(SatisfiedWith, 0);
        o.Scratch.CopyTo(Scratch, 0);
        CompletedKeys.Clear();
        CompletedKeys.UnionWith(o.CompletedKeys);
        StateOfMatterKey = o.StateOfMatterKey;
        Uses.Clear();
        Uses.AddRange(o.Uses);
    }
}

/// <summary>
/// Ordered subgoals plus optional unordered ones, scored as the original's <c>GoalSequence</c>:
/// completed ordered fraction, plus 1/(n+1) of the score shared among the unordered goals, −1 on failure.
/// </summary>
internal sealed class GoalSequence(Goal[] ordered, Goal[] unordered)
{
    public Goal[] Ordered { get; } = ordered;
    public Goal[] Unordered { get; } = unordered;

    public GoalState NewState() => new(Ordered.Length, Unordered.Length);

    public bool IsCompleted(GoalState s) => s.Current >= Ordered.Length;

    public double Score(GoalState s)
    {
        if (s.Failed) return -1.0;
        double ordered = s.Current / (double)Ordered.Length;
        double unit = 1.0 / (Ordered.Length + 1.0) / Unordered.Length;
        double unorderedScore = 0;
        foreach (bool done in s.UnorderedDone)
            if (done) unorderedScore += unit;
        return Math.Min(ordered + unorderedScore, 1.0);
    }

    /// <summary>The original's <c>reset</c>: progress and focus go, remembered keys and goal memory stay.</summary>
    public static void Reset(GoalState s)
    {
        s.Current = 0;
        s.LastSatisfied = -1;
        Array.Clear(s.UnorderedDone);
        s.Failed = false;
    }

    public void Tick(SimWorld w, GoalState s)
    {
        TickOrdered(w, s);
        TickUnordered(w, s);
    }

    bool PrerequisitesDone(GoalState s, Goal g)
    {
        foreach (var key in g.Prerequisites)
            if (!s.CompletedKeys.Contains(key)) return false;
        return true;
    }

    void TickOrdered(SimWorld w, GoalState s)
    {
        int first = -1;
        while (true)
        {
            if (IsCompleted(s)) return;
            int index = s.Current;
            if (first == -1) first = index;
            var goal = Ordered[index];
            var result = GoalResult.Unsuccessful;
            while (true)
            {
                if (PrerequisitesDone(s, goal) && w.Focus >= 0)
                {
                    result = goal.Evaluate(new GoalContext(w, s, index), w.Focus);
                    if (result == GoalResult.Success)
                    {
                        if (s.SatisfiedWith[index] >= 0) s.LastSatisfied = s.SatisfiedWith[index];
                        if (goal.DefocusOnSuccess) w.Focus = -1;
                        if (goal.Key.Length > 0) s.CompletedKeys.Add(goal.Key);
                        break;
                    }
                    if (result == GoalResult.Failure) break;
                }
                if (!goal.IsOptional || index + 1 >= Ordered.Length) break;
                index++;
                goal = Ordered[index];
            }
            if (result == GoalResult.Failure) s.Failed = true;
            if (result != GoalResult.Success) return;
            s.Current = index + 1;
            if (goal.Key.Length > 0) s.CompletedKeys.Add(goal.Key);
            if (first == s.Current) return;
        }
    }

    void TickUnordered(SimWorld w, GoalState s)
    {
        int completedThisCycle = -1;
        while (completedThisCycle != 0)
        {
            completedThisCycle = 0;
            for (int i = 0; i < Unordered.Length; i++)
            {
                if (s.UnorderedDone[i]) continue;
                var goal = Unordered[i];
                if (!PrerequisitesDone(s, goal)) continue;
                var ctx = new GoalContext(w, s, Ordered.Length + i);
                bool done = goal.Evaluate(ctx, -1) == GoalResult.Success
                            || (w.Focus >= 0 && goal.Evaluate(ctx, w.Focus) == GoalResult.Success);
                if (!done) continue;
                s.UnorderedDone[i] = true;
                if (goal.Key.Length > 0) s.CompletedKeys.Add(goal.Key);
                completedThisCycle++;
            }
        }
    }
}
