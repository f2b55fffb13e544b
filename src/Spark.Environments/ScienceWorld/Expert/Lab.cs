using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>
/// Kitchen-science routines the expert reuses: finding a substance, getting it into the metal pot, heating
/// or cooling the pot until the substance shows a given state (checking by looking at the heater or cooler).
/// The expert knows, as a student would, roughly where things melt and boil, to choose stove, oven, blast
/// furnace, freezer or ultra-cold freezer.
/// </summary>
internal sealed class Lab(ExpertSession s)
{
    int _pot = -1;

    public int Pot => _pot;

    /// <summary>The first object in view with this name, or −1.</summary>
    public int InView(string name) => s.InView().FirstOrDefault(o => s.NameOf(o) == name, -1);

    /// <summary>Looks for an object named <paramref name="name"/> in the given rooms, opening closed
    /// containers (in the given order of preference) until it shows up.</summary>
    public int Search(string name, string[] rooms, string[] containers)
    {
        var r = s.Random;
        foreach (var room in rooms)
        {
            s.GoTo(room, true, Phrases.Pick(r, $"I need the {name}; the {room} is a likely place for it.", $"I go to the {room} to look for the {name}."));
            s.Look(true, Phrases.Pick(r, $"I look around the {room} for the {name}.", $"Let me see whether the {name} is in the {room}."));
            int found = InView(name);
            if (found >= 0) return found;
            foreach (var c in containers)
            {
                int box = InView(c);
                if (box < 0 || s.World.Has(box, ObjFlags.Open)) continue;
                s.Act(s.Phrase("open {0}", box), [box], true, Phrases.Pick(r, $"The {name} might be kept in the {c}, so I open it.",
                    $"I check inside the {c} for the {name}."));
                s.Look(true, Phrases.Pick(r, $"I look to see what the {c} holds.", $"Let me see whether the {name} was in the {c}."));
                found = InView(name);
                if (found >= 0) return found;
            }
        }
        return -1;
    }

    /// <summary>Makes sure the kitchen's metal pot is within reach (opening the cupboard), and returns it.</summary>
    public int GetPot()
    {
        if (_pot >= 0 && s.InView().Contains(_pot)) return _pot;
        var r = s.Random;
        s.GoTo("kitchen", false, Phrases.Pick(r, "A metal pot conducts heat well; the kitchen should have one, so I go there.",
            "I need a metal pot to heat or cool the substance evenly; I go to the kitchen."));
        _pot = InView("metal pot");
        if (_pot < 0)
        {
            int cupboard = InView("cupboard");
            if (!s.World.Has(cupboard, ObjFlags.Open))
                s.Act(s.Phrase("open {0}", cupboard), [cupboard], true, Phrases.Pick(r, "Cookware is usually in the cupboard, so I open it.",
                    "I open the cupboard to find a pot."));
            s.Look(true, Phrases.Pick(r, "I look around to find a metal pot.", "Let me see what the cupboard holds."));
            _pot = InView("metal pot");
        }
        return _pot;
    }

    /// <summary>Moves the pot (with whatever is in it) into a container, carrying it along if that is elsewhere.</summary>
    public void PutPotIn(int place, string reason)
    {
        if (s.ContainerOf(_pot) == place) return;
        s.Act(s.Phrase("move {0} to {1}", _pot, place), [_pot, place], false, reason);
    }

    /// <summary>Carries the pot to another room (picking it up first).</summary>
    public void CarryPotTo(string room)
    {
        if (s.HereName == room) return;
        var r = s.Random;
        if (s.ContainerOf(_pot) != s.World.Inventory)
            s.Act(s.Phrase("pick up {0}", _pot), [_pot], false, Phrases.Pick(r, $"I pick up the metal pot to take it to the {room}.", $"I take the pot with me to the {room}."));
        s.GoTo(room, false, Phrases.Pick(r, $"I carry the pot to the {room}.", $"Next I need the {room}, so I go there with the pot."));
    }

    /// <summary>The state the substance is in, as its name shows it ("liquid chocolate", "steam").</summary>
    public Matter StateOf(int substance) => s.World[substance].State;

    public bool Burning(int substance) => s.World.Has(substance, ObjFlags.Combusting);

    /// <summary>Heats the pot until the substance is in <paramref name="target"/> (or burning, if allowed):
    /// the stove for moderate temperatures, the oven or blast furnace for hotter ones, falling back to the oven
    /// when the stove turns out to be broken.</summary>
    public void Heat(int substance, Matter target, double needed, bool careful, bool burningCounts = false)
    {
        var r = s.Random;
        string name = s.NameOf(substance);
        // The stove approaches 260 °C only slowly; the oven (540 °C) is quicker for anything above ~130 °C.
        string heater = needed < 130 ? "stove" : needed < 500 ? "oven" : "blast furnace";
        int device = StartHeater(heater, name, needed);
        for (int i = 0; i < 14 && !s.Done; i++)
        {
            // Stop once the target state is reached or passed (melting ice in a hot oven may go on to boil).
            if (StateOf(substance) >= target || (burningCounts && Burning(substance))) return;
            s.Act(careful ? "wait1" : "wait", false, careful
                ? Phrases.Pick(r, $"I wait a moment; the {name} should not overheat.", $"I wait briefly and then check the {name} again.")
                : Phrases.Pick(r, $"Heating takes time, so I wait for the {name} to warm up.", $"I let the {heater} heat the {name} for a while."));
            if (s.Done) return;
            s.Act(s.Phrase("look at {0}", device), [device], false, Phrases.Pick(r,
                $"I look at the {heater} to see whether the {name} has changed state.", $"Let me check the substance in the pot on the {heater}."));
        }
    }

    int StartHeater(string heater, string name, double needed)
    {
        var r = s.Random;
        if (heater == "stove")
        {
            int stove = InViewAfterGoing("kitchen", "stove");
            PutPotIn(stove, Phrases.Pick(r, $"I put the pot on the stove to heat the {name}.", $"The stove can heat the {name}; I place the pot on it."));
            if (s.World.Has(stove, ObjFlags.Activated)) return stove;
            var result = s.Act("activate stove", false, Phrases.Pick(r, "I turn on the stove.", "Now I switch the stove on."));
            if (!result.Observation.Contains("broken", StringComparison.Ordinal)) return stove;
            heater = "oven";
            s.Act("look around", true, Phrases.Pick(r, "The stove is broken, so I look for another way to heat the pot.",
                "That did not work: the stove is broken. I need another heater."));
        }
        string room = heater == "oven" ? "kitchen" : "foundry";
        if (s.HereName != room) CarryPotTo(room);
        int device = InView(heater);
        if (!s.World.Has(device, ObjFlags.Open))
            s.Act(s.Phrase("open {0}", device), [device], false, Phrases.Pick(r, $"I open the {heater} to put the pot inside.", $"The {heater} is closed; I open it."));
        PutPotIn(device, Phrases.Pick(r, $"The {heater} gets hot enough for the {name}, so I put the pot in it.",
            $"I place the pot in the {heater}, which can reach about {(heater == "oven" ? 540 : 3000)} degrees."));
        if (!s.World.Has(device, ObjFlags.Activated))
            s.Act(s.Phrase("activate {0}", device), [device], false, Phrases.Pick(r, $"I turn on the {heater}.", $"Now I switch the {heater} on."));
        return device;
    }

    int InViewAfterGoing(string room, string name)
    {
        if (s.HereName != room) CarryPotTo(room);
        return InView(name);
    }

    /// <summary>Cools the substance until it is solid: in the freezer, or the ultra-low-temperature freezer
    /// in the workshop for substances that freeze below −15 °C. A pot just taken off a heater is much hotter
    /// than what it holds, so then the contents are poured into the cooler instead.</summary>
    public void Cool(int substance, double freezingPoint, bool potIsHot = false)
    {
        var r = s.Random;
        string name = s.NameOf(substance);
        bool ultra = freezingPoint < -15;
        string cooler = ultra ? "ultra low temperature freezer" : "freezer";
        string room = ultra ? "workshop" : "kitchen";
        if (s.HereName != room) CarryPotTo(room);
        int device = InView(cooler);
        if (!s.World.Has(device, ObjFlags.Open))
            s.Act(s.Phrase("open {0}", device), [device], false, Phrases.Pick(r, $"I open the {cooler}.", $"The {cooler} is closed, so I open it first."));
        if (potIsHot)
            s.Act(s.Phrase("pour {0} into {1}", _pot, device), [_pot, device], false, Phrases.Pick(r,
                $"The hot pot would keep heating the {name}, so I pour the {name} straight into the {cooler}.",
                $"I pour the {name} out of the hot pot into the {cooler} so it cools quickly."));
        else
            PutPotIn(device, Phrases.Pick(r, $"The {cooler} is cold enough to freeze the {name}; I put the pot inside.",
                $"To make the {name} solid I cool it in the {cooler}."));
        for (int i = 0; i < 14 && !s.Done; i++)
        {
            if (StateOf(substance) == Matter.Solid) return;
            s.Act("wait", false, Phrases.Pick(r, $"Freezing takes a while; I wait for the {name} to cool.", $"I wait while the {cooler} chills the {name}."));
            if (s.Done) return;
            s.Act(s.Phrase("look at {0}", device), [device], false, Phrases.Pick(r, $"I look in the {cooler} to check whether the {name} froze.",
                $"Let me check the state of the substance in the {cooler}."));
        }
    }
}
