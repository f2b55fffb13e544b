using System.Text.RegularExpressions;
using Spark.Environments.Alfworld;
using Spark.Environments.Alfworld.Tasks;

namespace Spark.Environments.Tests.Alfworld;

/// <summary>
/// Every kind of sentence the ReAct and Reflexion transcripts show must also come out of Spark's own
/// generated rooms (not only out of worlds rebuilt from the transcripts): same words and punctuation,
/// with entity names and well-formed lists abstracted away.
/// </summary>
public partial class AlfworldShapeTests
{
    /// <summary>"On the cabinet 3, you see a mug 1, and a cup 2." → "On the E, you see LIST."
    /// A list only becomes LIST when it is well formed (article "a", ", " and the Oxford ", and ").</summary>
    public static string Shape(string text)
    {
        string s = Entity().Replace(text, "E");
        s = List().Replace(s, "LIST");
        return s.Replace("you see nothing", "you see LIST");
    }

    [Fact]
    public void Shapes_abstract_names_and_only_well_formed_lists()
    {
        Assert.Equal("On the E, you see LIST.", Shape("On the countertop 1, you see a apple 2, a bowl 1, and a egg 3."));
        Assert.Equal("On the E, you see LIST.", Shape("On the countertop 1, you see a apple 2."));
        Assert.Equal("The E is open. In it, you see LIST.", Shape("The fridge 1 is open. In it, you see nothing."));
        Assert.NotEqual("On the E, you see LIST.", Shape("On the cabinet 1, you see a cloth 1, a soapbar 1, a soapbottle 1."));
    }

    [Fact]
    public void Every_sentence_form_of_the_transcripts_comes_out_of_generated_rooms()
    {
        var wanted = new HashSet<string>();
        foreach (var t in Transcripts.All())
        {
            wanted.Add(Shape(t.Intro.Split('\n')[0]));
            foreach (var (action, observation) in t.Steps)
                if (!AlfworldTranscriptTests.Excused(t.Name, action)) wanted.Add(Shape(observation));
        }

        var produced = new HashSet<string>();
        var suite = Walks.Suite;
        foreach (var (split, index) in Walks.Tasks(25))
        {
            var env = suite.CreateAlfworld(split, index);
            produced.Add(Shape(env.Reset().Observation.Split('\n')[0]));
            var expert = suite.Expert!.Solve(env, env.Reset(), new Random(index));
            foreach (var s in expert.Steps) produced.Add(Shape(s.Observation));
            produced.Add(Shape(expert.FinalObservation));
            env = suite.CreateAlfworld(split, index);
            env.Reset();
            Walks.Play(env, new Random(index), 40, e => produced.Add(Shape(e.Observation)));
        }
        var missing = wanted.Where(w => !produced.Contains(w)).ToList();
        Assert.True(missing.Count == 0, "not produced by generated rooms: " + string.Join(" | ", missing));
        Assert.True(wanted.Count >= 12, $"only {wanted.Count} forms read from the transcripts");
    }

    [GeneratedRegex(@"\b[a-z]+ \d+\b")]
    private static partial Regex Entity();

    [GeneratedRegex(@"a E(?:, a E)*, and a E|a E")]
    private static partial Regex List();
}
