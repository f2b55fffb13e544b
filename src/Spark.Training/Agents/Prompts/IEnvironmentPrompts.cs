using Spark.Core.Environments;
using Spark.Training.Agents.Memory;

namespace Spark.Training.Agents.Prompts;

/// <summary>
/// Everything environment-specific about prompting one environment: the paper's template texts, how it
/// renders admissible actions and observations, and what the compact memory line tracks. One small class
/// per environment, looked up by name in <see cref="EnvironmentPrompts"/>; the runner never switches on names.
/// Everything here is derived from observation and action texts, never from the environment's internals.
/// </summary>
public interface IEnvironmentPrompts
{
    /// <summary>The environment name (<see cref="TaskInfo.Env"/>).</summary>
    string Name { get; }

    /// <summary>The paper's template texts for this environment.</summary>
    SparkTemplates Templates { get; }

    /// <summary>The task text the templates show, as the paper's environment manager extracts it.</summary>
    string TaskDescription(TaskInfo task, string firstObservation);

    /// <summary>The observation as the templates show it (WebShop drops the page header up to the instruction).</summary>
    string FormatObservation(string observation, string taskDescription);

    /// <summary>The text that fills <c>{admissible_actions}</c>.</summary>
    string FormatAdmissible(IReadOnlyList<string> actions);

    /// <summary>When a history prompt is longer than this many characters, the paper's code falls back to the
    /// no-history template (ScienceWorld 13,000; WebShop 20,000); null for none.</summary>
    int? HistoryFallbackChars { get; }

    /// <summary>A fresh tracker for the compact memory line.</summary>
    IMemoryTracker CreateMemory();
}

/// <summary>The paper's templates for one environment (placeholders in Python <c>str.format</c> style).</summary>
/// <param name="NoHistory">RL, step 1: task, observation, admissible actions.</param>
/// <param name="WithHistory">RL, later steps: adds the last pairs and the plan line.</param>
/// <param name="NoHistoryColdStart">The <c>_NO_HIS_SPARK_CS</c> variant (no admissible actions).</param>
/// <param name="WithHistoryColdStart">The <c>_SPARK_CS</c> variant.</param>
/// <param name="Tagging">The teacher's retro-annotation prompt (placeholder <c>{traj}</c>).</param>
public sealed record SparkTemplates(
    string NoHistory,
    string WithHistory,
    string NoHistoryColdStart,
    string WithHistoryColdStart,
    string Tagging);
