using Spark.Core.Environments;
using Spark.Environments.ScienceWorld.Actions;
using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>
/// The expert's view of an episode: it acts through the environment (every step is recorded with its
/// reason), reads what "look around" shows in the current room, and names objects the way the original's
/// gold agent does (each object's unique referent), checking that every action it sends parses to exactly
/// the objects it means.
/// </summary>
internal sealed class ExpertSession(ScienceWorldEnvironment env, StepResult initial, Random random)
{
    readonly List<ExpertStep> _steps = [];

    public ScienceWorldEnvironment Env { get; } = env;
    public Random Random { get; } = random;
    public StepResult Last { get; private set; } = initial;
    public IReadOnlyList<ExpertStep> Steps => _steps;
    public bool Done => Last.Done;

    Episode Episode => Env.CurrentEpisode;
    public SimWorld World => Episode.World;
    public Dictionary<string, string> Facts => new(Episode.Task.Facts);
    public int Here => World.AgentLocation;
    public string HereName => World.NameOf(Here);
    public bool CanTeleport => World.Shared.Has(Simplifications.TeleportAction);

    /// <summary>Sends one action (if the episode is still running) and records it.</summary>
    public StepResult Act(string action, bool explore, string reason)
    {
        if (Done) return Last;
        string observation = Last.Observation;
        Last = Env.Step(action);
        _steps.Add(new ExpertStep(observation, action, explore, reason));
        return Last;
    }

    /// <summary>Acts on specific objects: sends the text and, if the original asks which one was meant,
    /// answers with the number of the intended choice.</summary>
    public StepResult Act(string action, int[] intended, bool explore, string reason)
    {
        var result = Act(action, explore, reason);
        if (Episode.Pending is { } pending && !Done)
        {
            int choice = pending.ToList().FindIndex(m => m.Objects.AsSpan().SequenceEqual(intended));
            result = Act(Math.Max(choice, 0).ToString(System.Globalization.CultureInfo.InvariantCulture), false,
                Phrases.Pick(Random, "The parser asked which object I meant, so I pick the choice for the one I intend.",
                    "My wording matched several objects; I answer with the number of the one I meant."));
        }
        return result;
    }

    /// <summary>What "look around" shows here: the accessible, visible objects of the current room (and the
    /// agent's inventory), in id order.</summary>
    public List<int> InView()
    {
        var list = new List<int>();
        Visibility.Accessible(World, Here, includeHidden: false, list, new IdSet(World.Count));
        var inventory = new List<int>();
        Visibility.Accessible(World, World.Inventory, includeHidden: false, inventory, new IdSet(World.Count));
        list.AddRange(inventory.Where(o => !list.Contains(o)));
        list.Sort();
        return list;
    }

    /// <summary>The name the original's gold agent would use: the object's unique referent among what is in view.</summary>
    public string Name(int obj) => UniqueReferents.Choose(World, [.. InView(), obj], Here, canonicalPortals: true)[^1];

    /// <summary>Finds referents for the objects so that the filled action parses to exactly them.</summary>
    public string Phrase(string format, params int[] objects)
    {
        var candidates = objects.Select(Candidates).ToArray();
        var picks = new int[objects.Length];
        string first = Fill(format, candidates, picks);
        for (int attempt = 0; attempt < 64; attempt++)
        {
            string text = Fill(format, candidates, picks);
            var matches = InputParser.Parse(World, Episode.Actions, text);
            if (matches.Count == 1 && matches[0].Objects.AsSpan().SequenceEqual(objects)) return text;
            // Advance like an odometer over each object's candidate names.
            int k = 0;
            while (k < picks.Length && ++picks[k] >= candidates[k].Length) picks[k++] = 0;
            if (k == picks.Length) break;
        }
        return first;
    }

    static string Fill(string format, string[][] candidates, int[] picks) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, format, candidates.Select((c, i) => (object)c[picks[i]]).ToArray());

    static readonly HashSet<string> Generic = ["object", "living thing", "organism", "substance", "component", "terminal", "container"];

    /// <summary>Names to try for an object, most natural first: terminals as "battery anode" (the gold agent's
    /// style); otherwise the name as shown, the plain name, the object's other names (short to long), the same
    /// "in" its container, and last the original's unique referent and every other referent.</summary>
    string[] Candidates(int obj)
    {
        var names = new List<string>();
        if (KindFacts.IsTerminal(World.KindOf(obj))) names.Add(World.NameOf(World[obj].Owner) + " " + World.NameOf(obj));
        if (KindFacts.IsPortal(World.KindOf(obj))) names.Add(UniqueReferents.Canonical(World, obj, Here));
        names.Add(Names.Descript(World, obj));
        names.Add(World.NameOf(obj));
        string plain = World.NameOf(obj);
        var own = Referents.Of(World, obj).Raw.Where(r => !Generic.Contains(r))
            .OrderBy(r => r.StartsWith(plain, StringComparison.Ordinal) ? 0 : 1).ThenBy(r => r.Length).ToList();
        names.AddRange(own);
        int container = World.ParentOf(obj);
        if (container >= 0) names.AddRange(own.Select(r => r + " in " + World.NameOf(container)));
        names.Add(Name(obj));
        names.AddRange(UniqueReferents.WithContainers(World, obj, Here));
        return [.. names.Select(n => n.ToLowerInvariant()).Distinct()];
    }

    /// <summary>Goes to a room: teleports when the simplification allows it, otherwise walks through doors
    /// (opening closed ones) along the shortest path.</summary>
    public void GoTo(string room, bool explore, string reason)
    {
        if (HereName == room || Done) return;
        if (CanTeleport)
        {
            Act("teleport to " + room, explore, reason);
            return;
        }
        foreach (var (door, next) in Path(room))
        {
            if (Done) return;
            if (!World.Has(door, ObjFlags.Open))
                Act("open door to " + next, explore, Phrases.Pick(Random, $"The door to the {next} is closed, so I open it first.",
                    $"I open the door to the {next} to pass through."));
            Act("go to " + next, explore, reason);
        }
    }

    /// <summary>The doors and rooms from here to <paramref name="room"/> (breadth-first over the house's doors).</summary>
    List<(int Door, string Room)> Path(string room)
    {
        var previous = new Dictionary<int, (int From, int Door)> { [Here] = (-1, -1) };
        var queue = new Queue<int>([Here]);
        int target = -1;
        while (queue.Count > 0)
        {
            int at = queue.Dequeue();
            if (World.NameOf(at) == room)
            {
                target = at;
                break;
            }
            foreach (int door in World.PortalsOf(at))
            {
                if (World.KindOf(door) != Kind.Door) continue;
                int to = World.PortalDestination(door, at);
                if (to >= 0 && previous.TryAdd(to, (at, door))) queue.Enqueue(to);
            }
        }
        var path = new List<(int, string)>();
        for (int at = target; at >= 0 && previous[at].From >= 0; at = previous[at].From)
            path.Insert(0, (previous[at].Door, World.NameOf(at)));
        return path;
    }

    public StepResult Look(bool explore, string reason) => Act("look around", explore, reason);

    public ExpertTrajectory Finish() => new(Env.Task, _steps, Last.Won, Last.Observation);

    // Facts about objects in view, as the descriptions show them.
    public string NameOf(int obj) => World.NameOf(obj);
    public Kind KindOf(int obj) => World.KindOf(obj);
    public int ContainerOf(int obj) => World.ParentOf(obj);
    public string Described(int obj) => Describer.Describe(World, obj, detailed: false, Here);
}
