using System.Text.RegularExpressions;

namespace Spark.Environments.WebShop;

/// <summary>
/// Stand-in for the spaCy noun sets in WebShop's r_type (<c>get_type_reward</c>): the lower-cased tokens of a title
/// tagged NOUN or PROPN. No POS tagger ships for .NET here, so this keeps every word token that is not a closed-class
/// word (article, preposition, conjunction, pronoun, auxiliary, particle), not a number and not an "-ed" participle.
/// Product titles are Title Case, where spaCy tags almost every such word NOUN/PROPN: the logged noun counts of the
/// human-session goal titles (7 and 23 nouns) come out exactly, and the test_goal.py title scores within tolerance
/// except the "D.O.N." pair (0.44 here, 0.33 with spaCy). docs/webshop.md lists the checks.
/// </summary>
public static partial class TitleNouns
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?")]
    private static partial Regex WordToken();

    static readonly HashSet<string> ClosedClass = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "nor", "but", "for", "with", "without", "of", "in", "on", "at", "by", "to",
        "from", "into", "onto", "over", "under", "up", "down", "off", "out", "as", "per", "via", "w", "x", "than",
        "about", "above", "across", "after", "against", "along", "among", "around", "before", "behind", "below",
        "beneath", "beside", "between", "beyond", "during", "except", "inside", "near", "outside", "since", "through",
        "throughout", "till", "toward", "towards", "until", "upon", "within", "i", "me", "my", "you", "your", "he",
        "him", "his", "she", "her", "it", "its", "we", "us", "our", "they", "them", "their", "this", "that", "these",
        "those", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "can", "could", "will",
        "would", "shall", "should", "may", "might", "must", "not", "no", "so", "too", "very", "also", "only", "just",
        "all", "any", "each", "every", "both", "either", "neither", "some", "such", "more", "most", "less", "if",
        "then", "when", "while", "where", "which", "who", "whom", "whose", "what", "how", "why", "s",
    };

    /// <summary>The approximate NOUN/PROPN tokens of <paramref name="title"/>, lower-cased, in order, with repeats.</summary>
    public static List<string> Of(string title)
    {
        var nouns = new List<string>();
        foreach (Match m in WordToken().Matches(title))
        {
            string t = m.Value.ToLowerInvariant();
            if (t.EndsWith("'s") || t.EndsWith("’s")) t = t[..^2];
            if (t.EndsWith('.') && t.IndexOf('.') == t.Length - 1) t = t[..^1];
            if (IsNoun(t)) nouns.Add(t);
        }
        return nouns;
    }

    static bool IsNoun(string t) =>
        t.Length > 0
        && t.Any(char.IsLetter)
        && !ClosedClass.Contains(t)
        && !(t.Length >= 5 && t.EndsWith("ed") && !t.EndsWith("eed"));

    /// <summary>WebShop's title_score: |nouns(bought) ∩ nouns(goal)| / (number of goal nouns, with repeats); 0.2 when the goal title has none.</summary>
    public static double TitleScore(string boughtTitle, string goalTitle)
    {
        var goal = Of(goalTitle);
        if (goal.Count == 0) return 0.2;
        var bought = new HashSet<string>(Of(boughtTitle), StringComparer.Ordinal);
        int shared = new HashSet<string>(goal, StringComparer.Ordinal).Count(bought.Contains);
        return (double)shared / goal.Count;
    }
}
