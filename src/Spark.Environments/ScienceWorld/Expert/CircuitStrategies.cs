using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>Builds circuits in the workshop the way the original's gold agents wire them.</summary>
internal static class Wiring
{
    public static int Battery(ExpertSession s) => s.InView().First(o => s.KindOf(o) == Kind.Battery);

    public static List<int> Wires(ExpertSession s) => s.InView().Where(o => s.KindOf(o) == Kind.Wire).ToList();

    /// <summary>battery anode → wire A → part cathode; battery cathode → wire B → part anode.</summary>
    public static void PowerThrough(ExpertSession s, int part, int wireA, int wireB)
    {
        var r = s.Random;
        int battery = Battery(s);
        string a = s.NameOf(wireA), b = s.NameOf(wireB), p = s.NameOf(part);
        s.Act(s.Phrase("connect {0} to {1}", Electrical.Anode(battery), Electrical.Terminal1(wireA)),
            [Electrical.Anode(battery), Electrical.Terminal1(wireA)], false, Phrases.Pick(r,
                $"I start the circuit at the battery's anode, connecting it to the {a}.",
                $"The battery will power the circuit; I connect its anode to one end of the {a}."));
        s.Act(s.Phrase("connect {0} to {1}", Electrical.Cathode(battery), Electrical.Terminal1(wireB)),
            [Electrical.Cathode(battery), Electrical.Terminal1(wireB)], false, Phrases.Pick(r,
                $"The return path needs a second wire, so I connect the battery's cathode to the {b}.",
                $"I connect the battery's cathode to the {b} to close the loop later."));
        s.Act(s.Phrase("connect {0} to {1}", Electrical.Terminal2(wireA), Electrical.Cathode(part)),
            [Electrical.Terminal2(wireA), Electrical.Cathode(part)], false, Phrases.Pick(r,
                $"The other end of the {a} goes to the {p}'s cathode.",
                $"I run the {a} from the battery's anode to the cathode of the {p}."));
        s.Act(s.Phrase("connect {0} to {1}", Electrical.Terminal2(wireB), Electrical.Anode(part)),
            [Electrical.Terminal2(wireB), Electrical.Anode(part)], false, Phrases.Pick(r,
                $"Connecting the {b} to the {p}'s anode completes the circuit.",
                $"Finally the {b} joins the {p}'s anode, closing the loop through the battery."));
    }
}

/// <summary>power-component: focus on the part, wire it to the battery, wait for the current.</summary>
internal sealed class PowerComponentStrategy : IStrategy
{
    public void Solve(ExpertSession s)
    {
        var r = s.Random;
        string part = s.Facts["part"];
        s.GoTo("workshop", false, Phrases.Pick(r, $"The workshop has the electrical parts, so I go there to power the {part}.",
            $"Circuits are built in the workshop; I head there for the {part}, battery and wires."));
        s.Look(false, Phrases.Pick(r, "I look around to find the part, the battery and the wires.", "Let me see which electrical parts are here."));
        int target = s.InView().First(o => s.NameOf(o) == part);
        s.Act(s.Phrase("focus on {0}", target), [target], false, Phrases.Pick(r,
            $"The task asks me to turn on the {part}, so I focus on it first.", $"I focus on the {part}, as the task requires."));
        var wires = Wiring.Wires(s);
        Wiring.PowerThrough(s, target, wires[0], wires[1]);
        s.Act("wait1", false, Phrases.Pick(r, "The circuit is closed; I wait a moment for the current to flow.",
            "With everything connected, I wait briefly for the part to receive power."));
    }
}

/// <summary>test-conductivity: bring the object to the workshop, put it in series with a battery and the
/// part to power, and see whether the part turns on.</summary>
internal sealed class ConductivityStrategy : IStrategy
{
    public void Solve(ExpertSession s)
    {
        var r = s.Random;
        var f = s.Facts;
        string name = f["substance"], part = f["part"];
        var lab = new Lab(s);
        int thing, carry;
        if (name == "water")
        {
            (thing, carry) = FetchWater(s, lab);
        }
        else
        {
            s.GoTo(f["location"], false, Phrases.Pick(r, $"The {name} is around the {f["location"]}, so I go there.", $"First I fetch the {name} from the {f["location"]}."));
            s.Look(false, Phrases.Pick(r, $"I look for the {name}.", $"Let me find the {name} here."));
            thing = carry = lab.InView(name);
            s.Act(s.Phrase("focus on {0}", thing), [thing], false, Phrases.Pick(r, $"The task asks me to focus on the {name} first.", $"I focus on the {name}, as instructed."));
            s.Act(s.Phrase("pick up {0}", carry), [carry], false, Phrases.Pick(r, $"I pick up the {name} to test it in the workshop.", $"I take the {name} to the workshop, where the battery and wires are."));
        }
        s.GoTo("workshop", false, Phrases.Pick(r, "The workshop has a battery, wires and electrical parts to build a test circuit.", "I go to the workshop to build a circuit."));
        s.Look(false, Phrases.Pick(r, $"I look around for the battery, the wires and the {part}.", "Let me see the parts I can use for the circuit."));
        int target = lab.InView(part);
        var wires = Wiring.Wires(s);
        int battery = Wiring.Battery(s);
        string a = s.NameOf(wires[0]), b = s.NameOf(wires[1]), c = s.NameOf(wires[2]);
        Connect(s, Electrical.Anode(battery), Electrical.Terminal1(wires[0]), $"I connect the battery's anode to the {a}.", $"The circuit starts at the battery's anode, which I join to the {a}.");
        Connect(s, Electrical.Cathode(battery), Electrical.Terminal1(wires[1]), $"I connect the battery's cathode to the {b}.", $"The battery's cathode goes to the {b}.");
        Connect(s, Electrical.Terminal2(wires[0]), Electrical.Cathode(target), $"The {a} powers the {part} through its cathode.", $"I join the {a} to the cathode of the {part}.");
        Connect(s, Electrical.Terminal2(wires[2]), Electrical.Anode(target), $"The {c} leads from the {part}'s anode to the object under test.", $"I connect the {part}'s anode to the {c}.");
        Connect(s, Electrical.Terminal1(thing), Electrical.Terminal2(wires[1]), $"I put the {name} in the circuit: one side to the {b}.", $"One end of the {name} joins the {b}.");
        Connect(s, Electrical.Terminal2(thing), Electrical.Terminal1(wires[2]), $"Its other side goes to the {c}, closing the loop through the {name}.", $"The other end of the {name} connects to the {c}; current can only flow if the {name} conducts.");
        s.Act("wait1", false, Phrases.Pick(r, "I wait a moment for the current to flow.", "The circuit is complete; I give it a moment."));
        s.Look(false, Phrases.Pick(r, $"I look to see whether the {part} turned on.", $"Let me check the {part}."));
        bool conducts = s.World.Has(target, ObjFlags.Activated);
        string box = conducts ? f["conductive"] : f["nonconductive"];
        int boxId = lab.InView(box);
        s.Act(s.Phrase("move {0} to {1}", carry, boxId), [carry, boxId], false, conducts
            ? Phrases.Pick(r, $"The {part} is on, so the {name} conducts electricity; it goes in the {box}.", $"Current flows through the {name}, so I put it in the {box}.")
            : Phrases.Pick(r, $"The {part} stayed off, so the {name} does not conduct; it goes in the {box}.", $"No current flowed through the {name}; I put it in the {box}."));
    }

    static void Connect(ExpertSession s, int a, int b, string reason1, string reason2) =>
        s.Act(s.Phrase("connect {0} to {1}", a, b), [a, b], false, Phrases.Pick(s.Random, reason1, reason2));

    /// <summary>Water needs a container: fill the kitchen's glass cup at the sink.</summary>
    static (int Water, int Cup) FetchWater(ExpertSession s, Lab lab)
    {
        var r = s.Random;
        s.GoTo("kitchen", false, Phrases.Pick(r, "Water comes from a tap, and the kitchen has a sink and cups, so I go there.", "I need water in a container; the kitchen has both."));
        s.Look(false, Phrases.Pick(r, "I look for a cup and the sink.", "Let me find a container for the water."));
        int cup = lab.InView("glass cup"), sink = lab.InView("sink");
        s.Act(s.Phrase("move {0} to {1}", cup, sink), [cup, sink], false, Phrases.Pick(r, "I put the glass cup in the sink.", "The glass cup goes into the sink to be filled."));
        s.Act(s.Phrase("activate {0}", sink), [sink], false, Phrases.Pick(r, "I turn on the tap.", "I activate the sink to fill the cup."));
        s.Act(s.Phrase("deactivate {0}", sink), [sink], false, Phrases.Pick(r, "The cup is full; I turn the tap off.", "I switch the sink off."));
        int water = s.InView().First(o => s.NameOf(o) == "water" && s.ContainerOf(o) == cup);
        s.Act(s.Phrase("focus on {0}", water), [water], false, Phrases.Pick(r, "The water in the cup is what I must test, so I focus on it.", "I focus on the water, as the task asks."));
        s.Act(s.Phrase("pick up {0}", cup), [cup], false, Phrases.Pick(r, "I carry the cup of water to the workshop.", "I take the glass cup with the water."));
        return (water, cup);
    }
}
