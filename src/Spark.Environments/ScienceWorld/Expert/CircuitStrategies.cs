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
