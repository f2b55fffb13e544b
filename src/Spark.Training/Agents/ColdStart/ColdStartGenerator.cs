using Spark.Core.Configuration;
using Spark.Core.Environments;
using Spark.Core.Randomness;

namespace Spark.Training.Agents.ColdStart;

/// <param name="Count">Trajectories to keep (the paper: about 300 per environment).</param>
/// <param name="Seed">Fixes which tasks are drawn and the wording of the reasons.</param>
/// <param name="Split">Split to draw tasks from; null takes the suite's training split (its first).</param>
/// <param name="MaxSteps">Keep only trajectories shorter than this (the paper's annotation script: fewer than 30 steps).</param>
public sealed record ColdStartOptions(int Count = 300, ulong Seed = 1, string? Split = null, int MaxSteps = 30)
{
    public ColdStartOptions Validate()
    {
        ConfigException.Require(Count > 0, "count", $"must be positive, got {Count}");
        ConfigException.Require(MaxSteps > 0, "max_steps", $"must be positive, got {MaxSteps}");
        return this;
    }
}

/// <summary>What a generation run produced and what it passed over.</summary>
/// <param name="Tried">Tasks the expert played.</param>
/// <param name="Lost">Expert episodes that did not win (dropped).</param>
/// <param name="TooLong">Won episodes with <see cref="ColdStartOptions.MaxSteps"/> steps or more (dropped).</param>
public sealed record ColdStartResult(IReadOnlyList<ColdStartTrajectory> Trajectories, int Tried, int Lost, int TooLong);

/// <summary>
/// Makes cold-start data from an environment suite's expert: tasks drawn from the split in a seeded random
/// order, each solved by the expert, kept when won and short enough, with <c>&lt;explore&gt;</c> on the steps
/// the expert marks as lacking information and <c>&lt;think&gt;</c> elsewhere.
/// </summary>
public static class ColdStartGenerator
{
    public static ColdStartResult FromExpert(IEnvironmentSuite suite, ColdStartOptions options, Action<int>? progress = null)
    {
        options.Validate();
        var expert = suite.Expert ?? throw new ConfigException("env", $"{suite.Name} has no expert to make cold-start data from");
        string split = options.Split ?? suite.Splits[0];
        ConfigException.Require(suite.Splits.Contains(split), "split", $"'{split}' is not a split of {suite.Name} ({string.Join(", ", suite.Splits)})");

        var kept = new List<ColdStartTrajectory>();
        int tried = 0, lost = 0, tooLong = 0;
        foreach (int index in ShuffledIndices(suite.Count(split), options.Seed))
        {
            if (kept.Count == options.Count) break;
            tried++;
            var env = suite.Create(split, index);
            var trajectory = expert.Solve(env, env.Reset(), Seeds.Random(Seeds.Derive(options.Seed, "reasons", index)));
            if (!trajectory.Won) lost++;
            else if (trajectory.Steps.Count >= options.MaxSteps) tooLong++;
            else
            {
                kept.Add(ColdStartTrajectory.FromExpert(trajectory));
                progress?.Invoke(kept.Count);
            }
        }
        return new ColdStartResult(kept, tried, lost, tooLong);
    }

    /// <summary>0..count-1 in a seeded random order (Fisher–Yates).</summary>
    public static int[] ShuffledIndices(int count, ulong seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = Seeds.Random(Seeds.Derive(seed, "cold-start-tasks"));
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
