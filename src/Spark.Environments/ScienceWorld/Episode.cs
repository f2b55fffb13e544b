using System.Text.RegularExpressions;
using Spark.Environments.ScienceWorld.Actions;
using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Simulation;
using Spark.Environments.ScienceWorld.Tasks;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld;

/// <summary>What one input did: the text, whether it was understood and run, and whether time passed.</summary>
internal readonly record struct StepOutcome(string Text, bool Accepted);

/// <summary>
/// One running task: the world, the goal progress and a pending ambiguity question. Steps as the original's
/// <c>AgentInterface.step</c> (parse, run, goal check, universe tick, goal check, repeat while waiting).
/// </summary>
internal sealed partial class Episode : IActionContext
{
    public const string UnknownAction = "Unknown action.  Type 'help' for a list of actions, and 'objects' for a list of possible object referents. ";

    public SimWorld World { get; private set; }
    public TaskSetup Task { get; }
    public GoalState Goals { get; private set; }
    public ActionDef[] Actions { get; }
    /// <summary>The choices offered by the last ambiguity prompt (in choice order), or null.</summary>
    public IReadOnlyList<ActionMatch>? Pending { get; private set; }

    public string TaskDescription => Task.Description;

    public Episode(SimWorld world, TaskSetup task)
    {
        World = world;
        Task = task;
        Goals = task.Goals.NewState();
        Actions = ActionDefs.For(world.Shared.Simplifications);
    }

    Episode(Episode other)
    {
        World = other.World.Clone();
        Task = other.Task;
        Goals = other.Goals.Clone();
        Actions = other.Actions;
        Pending = other.Pending;
    }

    public Episode Clone() => new(this);

    /// <summary>Makes this episode a copy of <paramref name="other"/> (an episode of the same task), reusing
    /// its arrays: what a reset needs, without allocating a new world.</summary>
    public void CopyFrom(Episode other)
    {
        if (other.Task != Task) throw new ArgumentException("Episodes of different tasks.", nameof(other));
        World.CopyFrom(other.World);
        Goals.CopyFrom(other.Goals);
        Pending = other.Pending;
    }

    public void ResetGoals() => GoalSequence.Reset(Goals);

    /// <summary>The score as the original's Python API reports it: round(100 × score).</summary>
    public int Score => (int)Math.Round(100 * Task.Goals.Score(Goals), MidpointRounding.ToEven);
    public bool IsCompleted => Task.Goals.IsCompleted(Goals);
    public bool IsFailed => Goals.Failed;

    public StepOutcome Step(string input)
    {
        string special = Referents.LowerInvariant(input.Trim());
        if (special == "help") return new("Possible actions: \n\t" + string.Join("\n\t", ValidActions.Templates(Actions)), true);
        if (special == "objects") return new("Possible object references: \n\t" + string.Join("\n\t", ValidActions.ObjectNames(World)), true);
        if (special == "task") return new("Task description:\n" + Task.Description, true);

        ActionMatch? action;
        if (Pending != null)
        {
            action = Resolve(input);
        }
        else
        {
            var matches = InputParser.Parse(World, Actions, input);
            if (matches.Count == 0) return new(InputParser.NoMatchMessage, false);
            if (matches.Count > 1)
            {
                var ordered = InputParser.OrderForChoice(matches);
                string question = InputParser.AmbiguityMessage(World, ordered);
                Pending = ordered;
                return new(question, false);
            }
            action = matches[0];
        }
        return Run(action);
    }

    /// <summary>A number chooses one of the offered actions; anything else cancels (and, as in the
    /// original, the world still advances one tick with no output).</summary>
    ActionMatch? Resolve(string input)
    {
        var pending = Pending!;
        Pending = null;
        if (int.TryParse(input, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int choice)
            && choice >= 0 && choice < pending.Count)
            return pending[choice];
        return null;
    }

    StepOutcome Run(ActionMatch? action)
    {
        string output = "";
        bool success = false;
        bool first = true;
        while (true)
        {
            bool takesTime = !first || action == null || !ActionDefs.IsFree(action.Def.Verb);
            if (first && action != null)
            {
                if (action.Def.Verb == Verb.Use)
                    Goals.Uses.Add((World.NameOf(action.Objects[0]), Names.Descript(World, action.Objects[1])));
                (output, success) = ActionRules.Run(this, action.Def.Verb, action.Objects);
            }
            first = false;
            Task.Goals.Tick(World, Goals);
            if (takesTime) Simulator.Tick(World);
            Task.Goals.Tick(World, Goals);
            if (World.WaitCounter <= 0) break;
            World.WaitCounter--;
        }
        string result = output.Trim();
        if (result.Contains("  ", StringComparison.Ordinal)) result = Spaces().Replace(result, " ");
        if (result.Length == 0) return new(UnknownAction, false);
        return new(result, action != null && success);
    }

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
