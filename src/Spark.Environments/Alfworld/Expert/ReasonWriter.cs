using Spark.Environments.Alfworld.Tasks;

namespace Spark.Environments.Alfworld.Expert;

/// <summary>
/// One grounded sentence per expert step, in several wordings per situation so cold-start data does not
/// teach a single phrase. Placeholders: {s} subject, {p} place, {c} candidates, {k} the place just checked,
/// {h} the held object, {v} treatment verb, {j} treatment adjective, {g} goal object class, {t} goal receptacle class.
/// </summary>
internal static class ReasonWriter
{
    static readonly string[] Search =
    [
        "I have not seen {a s} yet, and {p} is the most likely unchecked place for one, so I look there.",
        "{A s} is usually kept in places like {c}, so I check {p} first.",
        "To find {a s} I start with {p}, then {c}.",
        "{A s} could be in {c}; {p} is the best bet right now.",
    ];
    static readonly string[] SearchAfterMiss =
    [
        "There is no {s} in {k}, so I try {p} next.",
        "{k} holds no {s}; the next likely place is {p}.",
        "No luck in {k}, so I move on to {p} to look for {a s}.",
        "{k} did not have {a s}, so I keep searching with {p}, then {c}.",
    ];
    static readonly string[] OpenToSearch =
    [
        "{p} is closed, so I open it to see whether {a s} is inside.",
        "I cannot see into the closed {p}, so I open it to look for {a s}.",
        "{A s} might be stored in {p}; opening it will tell.",
    ];
    static readonly string[] GoToKnown =
    [
        "I saw {s} in {p} earlier, so I go back for it.",
        "{s} is in {p}, which I already checked, so I head there to pick it up.",
        "I remember {s} at {p}; going there now.",
    ];
    static readonly string[] Take =
    [
        "{s} is right here in {p}, so I take it.",
        "I found {s} in {p} and pick it up.",
        "I pick up {s} from {p} for the task.",
    ];
    static readonly string[] GoToAppliance =
    [
        "{s} has to be {j} first, so I take it to {p}.",
        "Next I need to {v} {s}, which {p} can do.",
        "To {v} {s} I go to {p}.",
    ];
    static readonly string[] Treat =
    [
        "Now at {p}, I {v} {s}.",
        "I {v} {s} with {p} as the task requires.",
        "I use {p} to {v} {s}.",
    ];
    static readonly string[] GoToTarget =
    [
        "With {s} ready, I carry it to {p}.",
        "{s} belongs in {a t}, so I head to {p}.",
        "Now I bring {s} to {p} to place it.",
    ];
    static readonly string[] OpenTarget =
    [
        "{p} is closed, so I open it before putting {s} inside.",
        "I must open {p} to place {s} in it.",
        "To put {s} in {p} I first open it.",
    ];
    static readonly string[] Put =
    [
        "I put {s} in {p}, which completes the task.",
        "Placing {s} in {p} finishes the job.",
        "I set {s} down in {p} as asked.",
    ];
    static readonly string[] PutFirstOfTwo =
    [
        "I put {s} in {p}; one more {g} is still needed.",
        "{s} goes into {p} first, then I need a second {g}.",
        "That is the first {g} in {p}; I still have to bring another.",
    ];
    static readonly string[] SearchLamp =
    [
        "I hold {h}, and now I need {a s}; {p} is a likely place for one.",
        "With {h} in hand I look for {a s}, starting with {p}.",
        "{A s} is often on {c}, so I check {p} while carrying {h}.",
    ];
    static readonly string[] GoToLamp =
    [
        "I saw {s} at {p}, so I bring {h} there.",
        "{s} is on {p}, so I carry {h} over to it.",
        "Holding {h}, I go to {p} where {s} stands.",
    ];
    static readonly string[] UseLamp =
    [
        "Holding {h}, I turn on {s} to look at it under the light.",
        "I switch on {s} so I can examine {h} in its light.",
        "Now I use {s} while holding {h}.",
    ];
    static readonly string[] Surprise =
    [
        "That did not work as expected, so I reconsider and {action} instead.",
        "The last action had no effect; I change course and {action}.",
        "Nothing happened, so I try something else: {action}.",
    ];

    public static string Write(ExpertDecision d, TaskKind kind, string goalObject, string goalTarget, Random random)
    {
        if (d.AfterSurprise) return Fill(Pick(Surprise, random), d, kind, goalObject, goalTarget).Replace("{action}", d.Action);
        var pool = d.Move switch
        {
            Move.Search when d.Checked != null => SearchAfterMiss,
            Move.Search => Search,
            Move.OpenToSearch or Move.OpenToSearchLamp => OpenToSearch,
            Move.GoToKnown => GoToKnown,
            Move.Take => Take,
            Move.GoToAppliance => GoToAppliance,
            Move.Treat => Treat,
            Move.GoToTarget => GoToTarget,
            Move.OpenTarget => OpenTarget,
            Move.Put when kind == TaskKind.PickTwoObjAndPlace && d.Placed == 0 => PutFirstOfTwo,
            Move.Put => Put,
            Move.SearchLamp when d.Checked != null => SearchAfterMiss,
            Move.SearchLamp => SearchLamp,
            Move.GoToLamp => GoToLamp,
            _ => UseLamp,
        };
        // Wordings that list candidates need at least two of them.
        var usable = d.Candidates.Count >= 2 ? pool : [.. pool.Where(t => !t.Contains("{c}"))];
        return Fill(Pick(usable.Length > 0 ? usable : pool, random), d, kind, goalObject, goalTarget);
    }

    static string Pick(string[] pool, Random random) => pool[random.Next(pool.Length)];

    static string Fill(string template, ExpertDecision d, TaskKind kind, string goalObject, string goalTarget)
    {
        var others = d.Candidates.Where(c => c != d.Place).ToList();
        string text = template
            .Replace("{A s}", Capitalize(Article(d.Subject)))
            .Replace("{a s}", Article(d.Subject))
            .Replace("{a t}", Article(goalTarget))
            .Replace("{s}", d.Subject)
            .Replace("{p}", d.Place)
            .Replace("{c}", JoinOr(others.Count > 0 ? others : [.. d.Candidates]))
            .Replace("{k}", d.Checked ?? d.Place)
            .Replace("{h}", d.Held ?? goalObject)
            .Replace("{v}", Verb(kind))
            .Replace("{j}", Adjective(kind))
            .Replace("{g}", goalObject)
            .Replace("{t}", goalTarget);
        return Capitalize(text);
    }

    static string Verb(TaskKind kind) => kind switch
    {
        TaskKind.PickCleanThenPlace => "clean",
        TaskKind.PickHeatThenPlace => "heat",
        _ => "cool",
    };

    static string Adjective(TaskKind kind) => kind switch
    {
        TaskKind.PickCleanThenPlace => "clean",
        TaskKind.PickHeatThenPlace => "hot",
        _ => "cool",
    };

    static string Article(string noun) => ("aeiou".Contains(noun[0]) ? "an " : "a ") + noun;

    static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    static string JoinOr(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nowhere else",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
    };
}
