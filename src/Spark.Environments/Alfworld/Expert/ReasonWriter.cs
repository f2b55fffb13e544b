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
        "I have not seen {a s} yet, and the {p} is the most likely unchecked place for one, so I look there.",
        "{A s} is usually kept in places like {c}, so I check the {p} first.",
        "To find {a s} I start with the {p}, then {c}.",
        "{A s} could be in {c}; the {p} is the best bet right now.",
    ];
    static readonly string[] SearchAfterMiss =
    [
        "There is no {s} in the {k}, so I try the {p} next.",
        "The {k} holds no {s}; the next likely place is the {p}.",
        "No luck in the {k}, so I move on to the {p} to look for {a s}.",
        "The {k} did not have {a s}, so I keep searching with the {p}, then {c}.",
    ];
    static readonly string[] OpenToSearch =
    [
        "The {p} is closed, so I open it to see whether {a s} is inside.",
        "I cannot see into the closed {p}, so I open it to look for {a s}.",
        "{A s} might be stored in the {p}; opening it will tell.",
    ];
    static readonly string[] GoToKnown =
    [
        "I saw the {s} in the {p} earlier, so I go back for it.",
        "The {s} is in the {p}, which I already checked, so I head there to pick it up.",
        "I remember the {s} at the {p}; going there now.",
    ];
    static readonly string[] Take =
    [
        "The {s} is right here in the {p}, so I take it.",
        "I found the {s} in the {p} and pick it up.",
        "I pick up the {s} from the {p} for the task.",
    ];
    static readonly string[] GoToAppliance =
    [
        "The {s} has to be {j} first, so I take it to the {p}.",
        "Next I need to {v} the {s}, which the {p} can do.",
        "To {v} the {s} I go to the {p}.",
    ];
    static readonly string[] Treat =
    [
        "Now at the {p}, I {v} the {s}.",
        "I {v} the {s} with the {p} as the task requires.",
        "I use the {p} to {v} the {s}.",
    ];
    static readonly string[] GoToTarget =
    [
        "With the {s} ready, I carry it to the {p}.",
        "The {s} belongs in {a t}, so I head to the {p}.",
        "Now I bring the {s} to the {p} to place it.",
    ];
    static readonly string[] OpenTarget =
    [
        "The {p} is closed, so I open it before putting the {s} inside.",
        "I must open the {p} to place the {s} in it.",
        "To put the {s} in the {p} I first open it.",
    ];
    static readonly string[] Put =
    [
        "I put the {s} in the {p}, which completes the task.",
        "Placing the {s} in the {p} finishes the job.",
        "I set the {s} down in the {p} as asked.",
    ];
    static readonly string[] PutFirstOfTwo =
    [
        "I put the {s} in the {p}; one more {g} is still needed.",
        "The {s} goes into the {p} first, then I need a second {g}.",
        "That is the first {g} in the {p}; I still have to bring another.",
    ];
    static readonly string[] SearchLamp =
    [
        "I hold the {h}, and now I need {a s}; the {p} is a likely place for one.",
        "With the {h} in hand I look for {a s}, starting with the {p}.",
        "{A s} is often on {c}, so I check the {p} while carrying the {h}.",
    ];
    static readonly string[] GoToLamp =
    [
        "I saw the {s} at the {p}, so I bring the {h} there.",
        "The {s} is on the {p}, so I carry the {h} over to it.",
        "Holding the {h}, I go to the {p} where the {s} stands.",
    ];
    static readonly string[] UseLamp =
    [
        "Holding the {h}, I turn on the {s} to look at it under the light.",
        "I switch on the {s} so I can examine the {h} in its light.",
        "Now I use the {s} while holding the {h}.",
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
