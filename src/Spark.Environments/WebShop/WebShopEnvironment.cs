using Spark.Core.Environments;

namespace Spark.Environments.WebShop;

/// <summary>
/// One WebShop task as an <see cref="IEnvironment"/>: WebShop's text env (observation_mode='text') with a step
/// limit. The reward is WebShop's purchase reward in [0, 1] on <c>click[buy now]</c>; won means reward 1.0.
/// An action the text env ignores returns the same page with <see cref="StepResult.ActionAccepted"/> false.
/// </summary>
public sealed class WebShopEnvironment : IEnvironment
{
    /// <summary>What verl-agent's prompt lists for the search bar (<c>format_avail_actions</c>).</summary>
    public const string SearchPlaceholder = "search[<your query>]";

    readonly WebShopSite _site;
    readonly Goal _goal;
    readonly int _maxSteps;
    WebShopSession _session;
    List<string> _history = [];
    StepResult? _last;

    public WebShopEnvironment(WebShopSite site, TaskInfo task, Goal goal, int maxSteps)
    {
        if (maxSteps < 1) throw new ArgumentOutOfRangeException(nameof(maxSteps), "the step limit must be at least 1");
        _site = site;
        _goal = goal;
        _maxSteps = maxSteps;
        Task = task;
        _session = new WebShopSession(site, goal);
    }

    public TaskInfo Task { get; }
    public int StepCount => _history.Count;
    public IReadOnlyList<string> ActionHistory => _history;
    public bool CanClone => true;

    /// <summary>The session behind the pages (page, keywords, product, options), for experts and tests.</summary>
    public WebShopSession Session => _session;

    /// <summary>
    /// The actions as verl-agent's and SPARK's WebShop prompts list them: <c>search[&lt;your query&gt;]</c> when the
    /// page has a search bar, then <c>click[x]</c> for each clickable in page order. As there, the search page lists
    /// <c>click[search]</c>, which the text env ignores; on the done page (or after the episode ended) the list is empty.
    /// </summary>
    public IReadOnlyList<string> AdmissibleActions
    {
        get
        {
            if (_last is { Done: true }) return [];
            var actions = new List<string>();
            if (_session.HasSearchBar) actions.Add(SearchPlaceholder);
            foreach (var c in _session.Clickables) actions.Add($"click[{c.Key}]");
            return actions;
        }
    }

    public StepResult Reset()
    {
        _session = new WebShopSession(_site, _goal);
        _history = [];
        _last = new StepResult(_session.Observation, 0, Done: false, Won: false, Score: 0, ActionAccepted: true);
        return _last;
    }

    public StepResult Step(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_last == null) throw new InvalidOperationException("call Reset() before Step()");
        _history.Add(action);
        if (_last.Done)
            return _last = _last with { Reward = 0, ActionAccepted = false };

        bool accepted = _session.Apply(action);
        string observation = _session.Observation;
        if (_session.Purchase is { } purchase)
        {
            double r = purchase.Reward;
            return _last = new StepResult(observation, r, Done: true, Won: r == 1.0, Score: r, ActionAccepted: true);
        }
        bool truncated = StepCount >= _maxSteps;
        return _last = new StepResult(observation, 0, Done: truncated, Won: false, Score: 0, ActionAccepted: accepted, Truncated: truncated);
    }

    public IEnvironment Clone()
    {
        var copy = (WebShopEnvironment)MemberwiseClone();
        copy._session = _session.Clone();
        copy._history = [.. _history];
        return copy;
    }
}
