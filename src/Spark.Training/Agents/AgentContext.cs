using Spark.Core.Agents;
using Spark.Core.Environments;
using Spark.Training.Agents.Memory;
using Spark.Training.Agents.Prompts;

namespace Spark.Training.Agents;

/// <summary>One past step as the prompts show it: the observation the action answered, and the action.</summary>
public readonly record struct HistoryStep(string Observation, string Action);

/// <summary>
/// What one trajectory carries between steps: the task, every (observation, action) pair so far (the prompt
/// shows a window of them), the compact memory line, and in episode mode the conversation's token ids.
/// Observations are kept as the environment gave them; the prompt piece reformats them when rendering.
/// <see cref="Fork"/> gives an independent copy for a branch.
/// </summary>
public sealed class AgentContext : IAgentContext
{
    readonly List<HistoryStep> _history;
    readonly List<int> _conversation;

    public AgentContext(IEnvironmentPrompts prompts, TaskInfo task, string firstObservation)
    {
        Prompts = prompts;
        Task = task;
        TaskDescription = prompts.TaskDescription(task, firstObservation);
        Observation = firstObservation;
        Memory = prompts.CreateMemory();
        Memory.Start(firstObservation);
        _history = [];
        _conversation = [];
    }

    AgentContext(AgentContext other)
    {
        Prompts = other.Prompts;
        Task = other.Task;
        TaskDescription = other.TaskDescription;
        Observation = other.Observation;
        Memory = other.Memory.Clone();
        _history = [.. other._history];
        _conversation = [.. other._conversation];
        ConversationTurnOpen = other.ConversationTurnOpen;
    }

    public IEnvironmentPrompts Prompts { get; }

    public TaskInfo Task { get; }

    /// <summary>The task text the templates show.</summary>
    public string TaskDescription { get; }

    /// <summary>The current observation, as the environment gave it.</summary>
    public string Observation { get; private set; }

    /// <summary>Every step so far, oldest first.</summary>
    public IReadOnlyList<HistoryStep> History => _history;

    /// <summary>Steps taken so far; the next step is number <c>StepCount + 1</c>.</summary>
    public int StepCount => _history.Count;

    public IMemoryTracker Memory { get; }

    /// <summary>Episode mode: the whole conversation so far (prompts and responses).</summary>
    public IReadOnlyList<int> Conversation => _conversation;

    /// <summary>Episode mode: the last response did not end with the end-of-response token (it stopped at a
    /// stop string or the token limit), so the next user turn must close the assistant turn first.</summary>
    public bool ConversationTurnOpen { get; private set; }

    /// <summary>Records what the world answered to <paramref name="action"/>.</summary>
    public void Record(string action, string result)
    {
        Memory.Record(Observation, action, result);
        _history.Add(new HistoryStep(Observation, action));
        Observation = result;
    }

    /// <summary>Episode mode: appends a step's prompt tokens and the sampled response.</summary>
    public void AppendTurn(IReadOnlyList<int> promptIds, IReadOnlyList<int> responseIds, int endOfResponseId)
    {
        _conversation.AddRange(promptIds);
        _conversation.AddRange(responseIds);
        ConversationTurnOpen = responseIds.Count == 0 || responseIds[^1] != endOfResponseId;
    }

    public IAgentContext Fork() => new AgentContext(this);
}
