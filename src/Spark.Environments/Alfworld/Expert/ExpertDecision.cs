namespace Spark.Environments.Alfworld.Expert;

/// <summary>The kind of step the expert takes; <see cref="ReasonWriter"/> words each one.</summary>
internal enum Move
{
    Search, OpenToSearch, GoToKnown, Take, GoToAppliance, Treat, GoToTarget, OpenTarget, Put,
    SearchLamp, OpenToSearchLamp, GoToLamp, UseLamp,
}

/// <summary>
/// One expert step with the facts its reason is about.
/// </summary>
/// <param name="Subject">The thing sought or handled: a class while searching ("apple"), else an entity ("apple 3").</param>
/// <param name="Place">The receptacle the action goes to or acts on.</param>
/// <param name="Candidates">While searching: the unchecked receptacles in the order the expert will try them.</param>
/// <param name="Checked">The receptacle the previous step revealed without the sought thing, if any.</param>
/// <param name="AfterSurprise">The previous action did not do what the expert expected.</param>
/// <param name="Held">What the expert holds while taking this step.</param>
/// <param name="Placed">How many goal objects the expert has placed so far (pick-two).</param>
internal sealed record ExpertDecision(
    string Action,
    Move Move,
    string Subject,
    string Place,
    IReadOnlyList<string> Candidates,
    string? Checked,
    bool AfterSurprise,
    string? Held,
    int Placed)
{
    /// <summary>Searching for something not seen yet, or recovering from a surprise.</summary>
    public bool Explore => AfterSurprise || Move is Move.Search or Move.OpenToSearch or Move.SearchLamp or Move.OpenToSearchLamp;
}
