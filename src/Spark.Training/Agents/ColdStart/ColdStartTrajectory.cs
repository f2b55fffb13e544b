using Spark.Core.Environments;

namespace Spark.Training.Agents.ColdStart;

/// <summary>One annotated step of a cold-start trajectory.</summary>
/// <param name="Step">1-based step number.</param>
/// <param name="Observation">The observation the action answers, as the environment gave it.</param>
/// <param name="Action">The action taken.</param>
/// <param name="Mode">"explore" or "think".</param>
/// <param name="Reason">The one-sentence reasoning, without tags.</param>
/// <param name="Response">The SFT target: <c>&lt;mode&gt;reason&lt;/mode&gt;\n&lt;action&gt;action&lt;/action&gt;</c>.</param>
public sealed record ColdStartStep(int Step, string Observation, string Action, string Mode, string Reason, string Response)
{
    public const string ExploreMode = "explore";
    public const string ThinkMode = "think";

    public bool Explore => Mode == ExploreMode;

    /// <summary>The paper's formulate step: the tag-wrapped reason, a newline, the action in its tags.</summary>
    public static string FormatResponse(string mode, string reason, string action) =>
        $"<{mode}>{reason}</{mode}>\n<action>{action}</action>";

    public static ColdStartStep Create(int step, string observation, string action, bool explore, string reason)
    {
        string mode = explore ? ExploreMode : ThinkMode;
        string sentence = reason.ReplaceLineEndings(" ").Trim();
        return new ColdStartStep(step, observation, action, mode, sentence, FormatResponse(mode, sentence, action));
    }
}

/// <summary>
/// One successful trajectory of cold-start SFT data (one JSON line; see docs/harness.md for the schema).
/// </summary>
/// <param name="TaskId">"alfworld/train/17": environment, split, index.</param>
/// <param name="Source">"expert" (the suite's expert and its reasons), "teacher-annotated" (expert actions, a
/// teacher model's reasons) or "teacher-played" (a teacher model's own successful episode).</param>
/// <param name="FinalObservation">What the world said after the last action (the memory line and the episode
/// prompt mode need it to rebuild prompts).</param>
public sealed record ColdStartTrajectory(
    string TaskId,
    string Env,
    string Split,
    int Index,
    string TaskType,
    string Goal,
    string Source,
    IReadOnlyList<ColdStartStep> Steps,
    string FinalObservation)
{
    public const string ExpertSource = "expert";
    public const string TeacherAnnotatedSource = "teacher-annotated";
    public const string TeacherPlayedSource = "teacher-played";

    public TaskInfo Task => new(Env, Split, Index, TaskType, Goal);

    public static ColdStartTrajectory Create(TaskInfo task, string source, IReadOnlyList<ColdStartStep> steps, string finalObservation) =>
        new(task.Id, task.Env, task.Split, task.Index, task.TaskType, task.Goal, source, steps, finalObservation);

    /// <summary>The suite expert's trajectory with its own reasons: <c>&lt;explore&gt;</c> on its Explore steps.</summary>
    public static ColdStartTrajectory FromExpert(ExpertTrajectory trajectory) =>
        Create(trajectory.Task, ExpertSource,
            trajectory.Steps.Select((s, i) => ColdStartStep.Create(i + 1, s.Observation, s.Action, s.Explore, s.Reason)).ToList(),
            trajectory.FinalObservation);
}
