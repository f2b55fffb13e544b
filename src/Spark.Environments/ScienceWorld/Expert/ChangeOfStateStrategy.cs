using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>boil / melt / freeze / change the state of matter: find the substance, focus on it, put it in
/// the metal pot, then heat and/or cool it until it has changed state as asked.</summary>
internal sealed class ChangeOfStateStrategy : IStrategy
{
    /// <summary>What the expert knows about each substance: melting and boiling points (°C) and where such a
    /// thing is usually kept.</summary>
    static readonly Dictionary<string, (double Melt, double Boil, string[] Rooms)> Handbook = new()
    {
        ["water"] = (0, 100, ["kitchen"]),
        ["ice"] = (0, 100, ["kitchen"]),
        ["orange juice"] = (0, 100, ["kitchen"]),
        ["apple juice"] = (-2, 160, ["kitchen"]),
        ["chocolate"] = (30, 95, ["kitchen"]),           // burns at about 95 °C
        ["marshmallow"] = (36, 350, ["kitchen"]),        // burns at about 350 °C
        ["ice cream"] = (-10, 101, ["kitchen"]),
        ["soap"] = (140, 537, ["kitchen"]),              // burns at about 537 °C
        ["rubber"] = (180, 260, ["workshop", "kitchen"]),// burns at about 260 °C
        ["lead"] = (327, 1740, ["workshop", "kitchen"]),
        ["tin"] = (232, 2602, ["workshop", "kitchen"]),
        ["mercury"] = (-39, 357, ["workshop", "kitchen"]),
        ["gallium"] = (30, 2400, ["workshop", "kitchen"]),
        ["caesium"] = (29, 671, ["workshop", "kitchen"]),
    };

    static readonly string[] ColdPlaces = ["freezer", "fridge", "cupboard"];

    public void Solve(ExpertSession s)
    {
        var lab = new Lab(s);
        var r = s.Random;
        string task = s.Env.Task.TaskType;
        string name = s.Facts["substance"];
        var (melt, boil, rooms) = Handbook[name];

        int substance = name == "water" ? FetchWater(s, lab) : FetchOther(s, lab, name, rooms);
        if (substance < 0 || s.Done) return;

        var state = s.World[substance].State;
        switch (task)
        {
            case "boil":
                lab.Heat(substance, Matter.Gas, boil, careful: false, burningCounts: true);
                break;
            case "melt":
                if (state != Matter.Solid) lab.Cool(substance, melt);
                lab.Heat(substance, Matter.Liquid, melt, careful: false);
                break;
            case "freeze":
                // A solid has to be melted first; when it burns or boils soon after melting, heat in small steps.
                bool heated = state == Matter.Solid;
                if (heated) lab.Heat(substance, Matter.Liquid, melt, careful: boil - melt < 75);
                lab.Cool(substance, melt, potIsHot: heated);
                break;
            default:
                if (state == Matter.Solid) lab.Heat(substance, Matter.Liquid, melt, careful: false);
                else lab.Cool(substance, melt);
                break;
        }
    }

    /// <summary>Water comes from a tap: fill the metal pot at the kitchen sink (or the bathroom's, if the
    /// kitchen's is broken), then focus on the water.</summary>
    static int FetchWater(ExpertSession s, Lab lab)
    {
        var r = s.Random;
        int pot = lab.GetPot();
        foreach (var room in new[] { "kitchen", "bathroom" })
        {
            if (s.HereName != room) lab.CarryPotTo(room);
            int sink = lab.InView("sink");
            lab.PutPotIn(sink, Phrases.Pick(r, "I put the metal pot in the sink to fill it with water.", "Water comes from the sink, so I place the pot in it."));
            var result = s.Act(s.Phrase("activate {0}", sink), [sink], false, Phrases.Pick(r, "I turn on the tap to fill the pot.", "I activate the sink so water flows into the pot."));
            if (result.Observation.Contains("broken", StringComparison.Ordinal))
            {
                s.Look(true, Phrases.Pick(r, "This sink is broken; I need water from somewhere else.", "The tap does not work here, so I must find another sink."));
                continue;
            }
            s.Act(s.Phrase("deactivate {0}", sink), [sink], false, Phrases.Pick(r, "The pot has water now, so I turn the tap off.", "I switch the sink off again."));
            int water = s.InView().FirstOrDefault(o => s.NameOf(o) == "water" && s.ContainerOf(o) == pot, -1);
            s.Act(s.Phrase("focus on {0}", water), [water], false, Phrases.Pick(r, "The water in the pot is the substance to work with, so I focus on it.",
                "I focus on the water in the metal pot, as the task asks."));
            return water;
        }
        return -1;
    }

    /// <summary>Finds the substance, focuses on it, and gets it into the metal pot.</summary>
    static int FetchOther(ExpertSession s, Lab lab, string name, string[] rooms)
    {
        var r = s.Random;
        int substance = lab.Search(name, rooms, ColdPlaces);
        if (substance < 0) return -1;
        s.Act(s.Phrase("focus on {0}", substance), [substance], false, Phrases.Pick(r,
            $"I found the {name}; I focus on it first, as the task says.", $"There is the {name}. The task asks me to focus on it first."));
        int holder = s.ContainerOf(substance);
        bool inCup = s.World.Has(holder, ObjFlags.Movable) && s.World.Has(holder, ObjFlags.Holds)
                     && s.KindOf(holder) is Kind.Cup or Kind.GlassJar;
        int carry = inCup ? holder : substance;
        if (s.HereName != "kitchen")
        {
            s.Act(s.Phrase("pick up {0}", carry), [carry], false, Phrases.Pick(r,
                $"I pick up the {s.NameOf(carry)} to bring it to the kitchen, where the pot and heaters are.", $"I take the {s.NameOf(carry)} with me."));
        }
        int pot = lab.GetPot();
        if (inCup)
            s.Act(s.Phrase("pour {0} into {1}", holder, pot), [holder, pot], false, Phrases.Pick(r,
                $"I pour the {name} from the {s.NameOf(holder)} into the metal pot, which conducts heat well.", $"The {name} goes into the metal pot."));
        else
            s.Act(s.Phrase("move {0} to {1}", substance, pot), [substance, pot], false, Phrases.Pick(r,
                $"I put the {name} into the metal pot so it heats and cools evenly.", $"I move the {name} into the metal pot."));
        return substance;
    }
}
