using System.Text.Json;
using Spark.Core.Environments;
using Spark.Environments.Alfworld;
using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.Engine;
using Spark.Environments.Alfworld.Expert;
using Spark.Environments.Alfworld.World;
using Spark.Tests.Shared;

namespace Spark.Environments.Tests.Alfworld;

/// <summary>One fixture episode: the agent-facing intro and its (action, observation) pairs.</summary>
public sealed record Transcript(string Name, string Intro, IReadOnlyList<(string Action, string Observation)> Steps)
{
    public string Goal => ObservationText.Goal(Intro)!;
    public override string ToString() => Name;
}

/// <summary>
/// Reads the ReAct and Reflexion ALFWorld prompts from the shared fixtures, and rebuilds the world an
/// episode was played in from what it shows: the receptacles of its intro, the objects of the first
/// listing of each receptacle, and which cabinets or drawers do not open.
/// </summary>
public static class Transcripts
{
    public static IReadOnlyList<Transcript> ReAct()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("alfworld", "react_alfworld_3prompts.json")));
        return [.. doc.RootElement.EnumerateObject().Select(p => Parse(p.Name, p.Value.GetString()!))];
    }

    /// <summary>The Reflexion file holds episodes that start with an intro (room line + task line) and
    /// end with "STATUS: …" and the reflection.</summary>
    public static IReadOnlyList<Transcript> Reflexion()
    {
        var lines = File.ReadAllLines(RepoPaths.Fixture("alfworld", "reflexion_few_shot_examples.txt"));
        var episodes = new List<Transcript>();
        List<string>? current = null;
        for (int i = 0; i < lines.Length; i++)
        {
            bool intro = lines[i].StartsWith("You are in the middle of a room", StringComparison.Ordinal)
                         && i + 1 < lines.Length && lines[i + 1].StartsWith("Your task is to:", StringComparison.Ordinal);
            if (intro) current = [];
            if (current == null) continue;
            if (lines[i].StartsWith("STATUS:", StringComparison.Ordinal))
            {
                episodes.Add(Parse($"reflexion_{episodes.Count}", string.Join('\n', current)));
                current = null;
                continue;
            }
            current.Add(lines[i]);
        }
        return episodes;
    }

    public static IEnumerable<Transcript> All() => ReAct().Concat(Reflexion());

    /// <summary>Intro = the room line and the task line; then "> action" lines each followed by the
    /// observation. Lines before the first action other than the intro (a stray "OK.") are not steps;
    /// agent thoughts ("think: …") are not sent to ALFWorld and are dropped with their "OK.".</summary>
    static Transcript Parse(string name, string text)
    {
        var lines = text.Replace("\r", "").Split('\n');
        string intro = lines[0] + "\n" + lines[1];
        var steps = new List<(string, string)>();
        for (int i = 2; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('>')) continue;
            string action = lines[i][1..].Trim();
            if (action.StartsWith("think:", StringComparison.Ordinal)) continue;
            // react_cool_0 has a thought wedged between an action and its observation.
            int j = i + 1;
            while (j + 1 < lines.Length && lines[j].StartsWith("> think:", StringComparison.Ordinal)) j += 2;
            steps.Add((action, j < lines.Length && !lines[j].StartsWith('>') ? lines[j] : ""));
        }
        return new Transcript(name, intro, steps);
    }

    /// <summary>The environment the transcript was played in, as far as the transcript shows it.</summary>
    public static AlfworldEnvironment World(Transcript t, AlfworldGrammar grammar = AlfworldGrammar.V03)
    {
        var receptacles = ObservationText.IntroReceptacles(t.Intro);
        var openable = receptacles.ToDictionary(r => r, r => AlfworldCatalog.Receptacle(ObservationText.ClassOf(r)).Openable);
        var firstSeen = new Dictionary<string, List<string>>();
        foreach (var (action, obs) in t.Steps)
        {
            foreach (var r in receptacles)
            {
                var view = ObservationText.Describe(obs, r, out var contents);
                if (view == ReceptacleView.Surface) openable[r] = false;
                if (view is ReceptacleView.Open or ReceptacleView.Surface) firstSeen.TryAdd(r, contents);
            }
        }
        var recSpecs = receptacles.Select((r, i) => new ReceptacleSpec(
            AlfworldCatalog.Receptacle(ObservationText.ClassOf(r)), Number(r), openable[r], i + 1)).ToList();
        var goal = GoalOf(t.Goal);
        var objects = new List<ObjectSpec>();
        var placed = new HashSet<string>();
        foreach (var (r, contents) in firstSeen)
            foreach (var o in contents.Where(placed.Add))
            {
                var cls = ClassOf(ObservationText.ClassOf(o));
                bool lamp = goal.Kind == Spark.Environments.Alfworld.Tasks.TaskKind.LookAtObjInLight && cls == goal.Lamp;
                objects.Add(new ObjectSpec(cls, Number(o), receptacles.IndexOf(r), Toggleable: lamp));
            }
        var info = new TaskInfo("alfworld", "fixture", 0, "fixture", t.Goal + ".");
        return new AlfworldEnvironment(new WorldLayout(info, goal, recSpecs, objects), grammar, 50);
    }

    /// <summary>react_put_1's goal "find some apple and put it in sidetable" is not one of the goal
    /// library's templates (the prompts are hand-edited); its meaning is plain pick-and-place.</summary>
    static Goal GoalOf(string text) => text.StartsWith("find some ", StringComparison.Ordinal)
        ? new Goal(Spark.Environments.Alfworld.Tasks.TaskKind.PickAndPlace, AlfworldCatalog.Object("apple"), AlfworldCatalog.Receptacle("sidetable"), null, text)
        : Goal.FromText(text);

    /// <summary>A class of the catalog, or a fixed object for names Spark's scenes do not use
    /// ("sink", "mirror", "pineapple" appear in the prompts).</summary>
    static ObjectClass ClassOf(string name) => AlfworldCatalog.TryObject(name, out var c)
        ? c
        : new ObjectClass(0, name, ObjectTraits.None, [], 0);

    static int Number(string entity) => int.Parse(entity[(entity.LastIndexOf(' ') + 1)..]);
}
