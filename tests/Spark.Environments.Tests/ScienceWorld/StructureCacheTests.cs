using Spark.Environments.ScienceWorld;
using Spark.Environments.ScienceWorld.Actions;
using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.Tasks.Goals;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.Tests.ScienceWorld;

/// <summary>
/// Structures kept alongside the object tree for speed must always say what the tree says: the dense lists
/// of children the tick walks, the whole-world walk <c>teleport</c> reuses across room-to-room moves, and the
/// goals' name test by interned upper-case ids.
/// </summary>
public class StructureCacheTests
{
    static readonly (string Type, int Variation)[] Tasks =
        [("boil", 1), ("freeze", 2), ("find-animal", 3), ("power-component", 2), ("lifespan-longest-lived", 0), ("chemistry-mix-paint-secondary-color", 1)];

    /// <summary>Every step of the expert's path, then a random walk with some typed-in teleports, on the
    /// environment, a clone taken mid-way, and the environment again after a reset.</summary>
    static IEnumerable<ScienceWorldEnvironment> StatesAlongPaths(int randomSteps = 25, params (string Type, int Variation)[] more)
    {
        var suite = new ScienceWorldSuite(new SuiteOptions());
        foreach (var (type, variation) in Tasks.Concat(more))
        {
            var (env, actions) = GoldPaths.Solve(suite, type, variation);
            yield return env;
            ScienceWorldEnvironment? clone = null;
            for (int i = 0; i < actions.Count; i++)
            {
                env.Step(actions[i]);
                yield return env;
                if (i == actions.Count / 2) clone = (ScienceWorldEnvironment)env.Clone();
            }
            env.Reset();
            var random = new Random(variation);
            foreach (var walker in new[] { env, clone! })
                for (int i = 0; i < randomSteps; i++)
                {
                    var admissible = walker.AdmissibleActions;
                    string action = i % 5 == 4 ? "teleport to " + (i % 2 == 0 ? "kitchen" : "outside") : admissible[random.Next(admissible.Count)];
                    if (walker.Step(action).Done) break;
                    yield return walker;
                }
        }
    }

    /// <summary>Terminals, substances, animals and plants share referent sets by what their names are made of (kind,
    /// name, fire, a terminal's owner's name, a living thing's species and stage, a plant's sickness and height): the
    /// shared set for an object's present key must list what building its set afresh lists.</summary>
    [Fact]
    public void Shared_referent_sets_equal_fresh_ones_after_every_step()
    {
        int compared = 0;
        var kinds = new HashSet<Kind>();
        foreach (var env in StatesAlongPaths(25, ("find-plant", 1), ("identify-life-stages-2", 0)))
        {
            var w = env.CurrentEpisode.World;
            for (int id = 0; id < w.Count; id++)
            {
                if (w.Has(id, ObjFlags.Deleted) || Referents.SharedFor(w, id) is not { } shared) continue;
                var fresh = Referents.BuildSet(w, id);
                Assert.Equal(fresh.Raw, shared.Raw);
                Assert.Equal(fresh.Tokens, shared.Tokens);
                compared++;
                kinds.Add(w.KindOf(id));
            }
        }
        Assert.True(compared > 1000, $"only {compared} shared sets compared");
        Assert.Superset(new HashSet<Kind> { Kind.Terminal, Kind.Water, Kind.Animal, Kind.Plant }, kinds);
    }

    /// <summary>Every object's cached referent set (the one the parser and the object list read) must list what
    /// building it afresh lists: a change to anything its names are made of marks it stale. Terminals are named
    /// after their owner ("steam terminal 1"), so renaming the owner (water boiling to steam, a seed growing into
    /// a tree) must reach them; the original builds its terminals' referents from the owner's name when asked.</summary>
    [Fact]
    public void Cached_referent_sets_equal_fresh_ones_after_every_step()
    {
        int compared = 0, terminals = 0;
        foreach (var env in StatesAlongPaths(25, ("find-plant", 1), ("identify-life-stages-2", 0), ("melt", 0)))
        {
            var w = env.CurrentEpisode.World;
            for (int id = 0; id < w.Count; id++)
            {
                if (w.Has(id, ObjFlags.Deleted)) continue;
                var cached = Referents.Of(w, id);
                var fresh = Referents.BuildSet(w, id);
                Assert.True(fresh.Raw.SequenceEqual(cached.Raw),
                    $"{w.KindOf(id)} {w.NameOf(id)} ({id}): cached [{string.Join(", ", cached.Raw)}], fresh [{string.Join(", ", fresh.Raw)}]");
                Assert.Equal(fresh.Tokens, cached.Tokens);
                compared++;
                if (KindFacts.IsTerminal(w.KindOf(id))) terminals++;
            }
        }
        Assert.True(terminals > 1000, $"only {terminals} terminals compared");
        Assert.True(compared > 10000, $"only {compared} sets compared");
    }

    /// <summary>Water boiled to steam: its terminals are "steam terminal 1/2" to the parser, as in the original,
    /// no longer "water terminal 1/2".</summary>
    [Fact]
    public void A_renamed_owner_s_terminals_take_its_new_name()
    {
        var suite = new ScienceWorldSuite(new SuiteOptions());
        var env = suite.CreateVariation("boil", 0);
        env.Reset();
        var w = env.CurrentEpisode.World;
        int water = Things.Water(w);
        w.AddChild(w.AgentLocation, water);
        int t1 = Electrical.Terminal1(water), t2 = Electrical.Terminal2(water);
        Assert.Contains("water terminal 1", Referents.Of(w, t1).Raw);
        Assert.Equal("a substance called water", env.Step("look at water").Observation);

        w[water].Temperature = 150;
        Spark.Environments.ScienceWorld.Simulation.Thermal.ChangeOfState(w, water);
        Assert.Equal("steam", w.NameOf(water));

        Assert.Contains("steam terminal 1", Referents.Of(w, t1).Raw);
        Assert.Contains("terminal 1 on steam", Referents.Of(w, t1).Raw);
        Assert.DoesNotContain("water terminal 1", Referents.Of(w, t1).Raw);
        Assert.Contains("steam terminal 2", Referents.Of(w, t2).Raw);
        Assert.Equal(Referents.BuildSet(w, t1).Raw, Referents.Of(w, t1).Raw);
        Assert.Equal("a terminal 1. it is connected to: nothing.", env.Step("look at steam terminal 1").Observation);
    }

    /// <summary>Each task built makes its own species records for trees; shared referent sets must be keyed by what
    /// the records say, or the process-wide table would grow with every task built: two builds of one task walking
    /// the same path share their plants' sets.</summary>
    [Fact]
    public void Shared_referent_sets_are_shared_by_tasks_built_again()
    {
        var suite = new ScienceWorldSuite(new SuiteOptions());
        var (first, actions) = GoldPaths.Solve(suite, "identify-life-stages-2", 0);
        var (second, _) = GoldPaths.Solve(suite, "identify-life-stages-2", 0);
        int plants = 0;
        foreach (var action in actions.Concat(Enumerable.Repeat("wait", 5)))
        {
            first.Step(action);
            second.Step(action);
            SimWorld a = first.CurrentEpisode.World, b = second.CurrentEpisode.World;
            for (int id = 0; id < a.Count; id++)
            {
                if (a.KindOf(id) != Kind.Plant || Referents.SharedFor(a, id) is not { } shared) continue;
                Assert.Same(shared, Referents.SharedFor(b, id));
                plants++;
            }
        }
        Assert.True(plants > 0, "no plant's set was shared");
    }

    /// <summary>A portal's names are kept per the names they are made of: seen from each side and from elsewhere,
    /// they must name the portal and the places it joins as the world names them now.</summary>
    [Fact]
    public void Portal_names_are_made_of_the_present_names_after_every_step()
    {
        int doors = 0;
        foreach (var env in StatesAlongPaths(randomSteps: 5))
        {
            var w = env.CurrentEpisode.World;
            for (int id = 0; id < w.Count; id++)
            {
                if (w.Has(id, ObjFlags.Deleted) || !KindFacts.IsPortal(w.KindOf(id))) continue;
                string name = w.NameOf(id), owner = w.NameOf(w[id].Owner), link = w.NameOf(w[id].Link);
                if (w.KindOf(id) == Kind.Drain)
                {
                    Assert.Equal([name, owner + " " + name], InputParser.PortalReferents(w, id, w[id].Owner));
                    Assert.Equal([name, link + " " + name], InputParser.PortalReferents(w, id, w[id].Link));
                    Assert.Equal([name], InputParser.PortalReferents(w, id, -1));
                    continue;
                }
                Assert.Equal([name, name + " to " + link, link + " " + name], InputParser.PortalReferents(w, id, w[id].Owner));
                Assert.Equal([name, name + " to " + owner, owner + " " + name], InputParser.PortalReferents(w, id, w[id].Link));
                Assert.Equal([name, name + " from " + owner + " to " + link, name + " from " + link + " to " + owner], InputParser.PortalReferents(w, id, -1));
                doors++;
            }
        }
        Assert.True(doors > 100, $"only {doors} doors checked");
    }

    [Fact]
    public void The_tick_s_children_lists_equal_the_tree_without_terminals_after_every_step()
    {
        int checkedStates = 0;
        foreach (var env in StatesAlongPaths())
        {
            var w = env.CurrentEpisode.World;
            for (int id = 0; id < w.Count; id++)
            {
                var expected = new List<int>();
                foreach (int c in w.Children(id))
                    if (!KindFacts.IsTerminal(w.KindOf(c))) expected.Add(c);
                Assert.Equal(expected, w.TickChildren(id).ToArray());
            }
            checkedStates++;
        }
        Assert.True(checkedStates > 150);
    }

    [Fact]
    public void Teleport_s_reused_world_walk_equals_a_fresh_one_after_every_step()
    {
        int reused = 0;
        foreach (var env in StatesAlongPaths())
        {
            var w = env.CurrentEpisode.World;
            int version = w.ReachVersion;
            var cached = Visibility.ForOracle(w).ToArray();
            var fresh = new List<int>();
            Visibility.Accessible(w, w.Universe, true, fresh, new IdSet(w.Count));
            fresh.Sort();
            Assert.Equal(fresh, cached);
            if (version == _lastVersion && ReferenceEquals(w, _lastWorld)) reused++;
            (_lastWorld, _lastVersion) = (w, version);
        }
        Assert.True(reused > 20, "some steps should keep the walk (moves between rooms, actions that move nothing)");
    }

    SimWorld? _lastWorld;
    int _lastVersion;

    /// <summary>Exposes the goals' name test.</summary>
    sealed class NameProbe() : Goal("probe")
    {
        public override GoalResult Evaluate(GoalContext ctx, int obj) => GoalResult.Unsuccessful;
        public static bool Test(SimWorld w, int id, string name) => Named(w, id, new GoalName(name));
    }

    /// <summary>The visible devices the goals read are kept with the visible walk: after every step (the goals
    /// have just used both), they must equal the devices of a fresh walk of the agent's location.</summary>
    [Fact]
    public void Visible_devices_equal_the_devices_of_a_fresh_visibility_walk_after_every_step()
    {
        int withDevices = 0;
        foreach (var env in StatesAlongPaths())
        {
            var w = env.CurrentEpisode.World;
            var fresh = new List<int>();
            Visibility.VisibleRecursive(w, w.AgentLocation, fresh);
            var expected = fresh.Where(v => w.Has(v, ObjFlags.Device)).ToList();
            Assert.Equal(expected, Visibility.VisibleDevicesUnder(w, w.AgentLocation));
            if (expected.Count > 0) withDevices++;
        }
        Assert.True(withDevices > 50, "most rooms hold devices");
    }

    /// <summary>Likewise the visible objects holding something not hidden, which the goals on a named container
    /// read.</summary>
    [Fact]
    public void Visible_holders_equal_those_of_a_fresh_visibility_walk_after_every_step()
    {
        int total = 0;
        foreach (var env in StatesAlongPaths())
        {
            var w = env.CurrentEpisode.World;
            var fresh = new List<int>();
            Visibility.VisibleRecursive(w, w.AgentLocation, fresh);
            var expected = fresh.Where(v =>
            {
                foreach (int c in w.Children(v))
                    if (!w.IsHidden(c)) return true;
                return false;
            }).ToList();
            Assert.Equal(expected, Visibility.VisibleHoldersUnder(w, w.AgentLocation));
            total += expected.Count;
        }
        Assert.True(total > 500, "rooms hold tables, counters and boxes with things on them");
    }

    [Fact]
    public void Goal_name_test_by_ids_equals_the_string_comparison()
    {
        var env = new ScienceWorldSuite(new SuiteOptions()).CreateVariation("find-animal", 3);
        env.Reset();
        var w = env.CurrentEpisode.World;
        var names = Enumerable.Range(0, w.Count).Select(w.NameOf).Distinct().Take(60).ToList();
        names.AddRange(["KITCHEN", "Door Between Kitchen And Hallway", "burned wood", "caf\u00e9", "Ä", "", "stove (on fire)"]);
        int matches = 0;
        for (int id = 0; id < w.Count; id++)
            foreach (var name in names)
            {
                bool expected = string.Equals(w.NameOf(id), name, StringComparison.OrdinalIgnoreCase)
                    || Spark.Environments.ScienceWorld.Objects.Names.DescriptIs(w, id, name);
                Assert.Equal(expected, NameProbe.Test(w, id, name));
                if (expected) matches++;
            }
        Assert.True(matches > 100);
    }
}
