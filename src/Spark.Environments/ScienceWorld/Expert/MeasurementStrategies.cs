using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>use-thermometer: fetch the thermometer, pick up the object (alone in the inventory it keeps its
/// temperature), measure it with the thermometer set down beside it, and file it in the right box.</summary>
internal sealed partial class UseThermometerStrategy : IStrategy
{
    public void Solve(ExpertSession s)
    {
        var r = s.Random;
        var f = s.Facts;
        string obj = f["object"], room = f["location"];
        double threshold = double.Parse(f["threshold"], CultureInfo.InvariantCulture);
        var lab = new Lab(s);

        s.GoTo("kitchen", true, Phrases.Pick(r, "I need a thermometer first; kitchens usually have one.", "A thermometer is most likely in the kitchen, so I go there."));
        s.Look(true, Phrases.Pick(r, "I look around the kitchen for the thermometer.", "Let me find the thermometer."));
        int thermometer = lab.InView("thermometer");
        s.Act(s.Phrase("focus on {0}", thermometer), [thermometer], false, Phrases.Pick(r,
            "The task says to focus on the thermometer first, so I do.", "First step of the task: focus on the thermometer."));
        s.Act(s.Phrase("pick up {0}", thermometer), [thermometer], false, Phrases.Pick(r,
            "I pick up the thermometer to take it to the object.", "I take the thermometer with me."));
        s.GoTo(room, false, Phrases.Pick(r, $"The {obj} is around the {room}, so I go there.", $"Next I head to the {room}, where the {obj} is."));
        s.Look(false, Phrases.Pick(r, $"I look around the {room} for the {obj}.", $"Let me find the {obj} here."));
        s.Act(s.Phrase("put down {0}", thermometer), [thermometer], false, Phrases.Pick(r,
            $"I set the thermometer down here so it does not touch the {obj} in my inventory and change its temperature.",
            $"I put the thermometer down; carried together, it would exchange heat with the {obj}."));
        int target = lab.InView(obj);
        s.Act(s.Phrase("focus on {0}", target), [target], false, Phrases.Pick(r,
            $"Now I focus on the {obj}, as the task asks next.", $"The {obj} is here; I focus on it."));
        s.Act(s.Phrase("pick up {0}", target), [target], false, Phrases.Pick(r,
            $"I pick up the {obj}; alone in my inventory it keeps its temperature.", $"I take the {obj} so I can carry it to the boxes."));
        var reading = s.Act(s.Phrase("use {0} on {1}", thermometer, target), [thermometer, target], false, Phrases.Pick(r,
            $"I measure the temperature of the {obj} with the thermometer.", $"Time to read the {obj}'s temperature."));
        double measured = Reading(reading.Observation);
        string box = measured > threshold ? f["above"] : f["below"];
        string relation = measured > threshold ? "above" : "not above";
        s.GoTo(f["boxRoom"], false, Phrases.Pick(r, $"The boxes are around the {f["boxRoom"]}, so I go there.", $"I bring the {obj} to the {f["boxRoom"]}, where the boxes are."));
        int boxId = s.InView().First(o => s.NameOf(o) == box);
        s.Act(s.Phrase("move {0} to {1}", target, boxId), [target, boxId], false, Phrases.Pick(r,
            $"It read {measured:0} degrees, {relation} {threshold:0} degrees, so the {obj} goes in the {box}.",
            $"The {obj} measured {measured:0} degrees, which is {relation} the {threshold:0} degree mark; I put it in the {box}."));
    }

    /// <summary>The temperature in "the thermometer measures a temperature of 13 degrees celsius".</summary>
    static double Reading(string text)
    {
        var m = Degrees().Match(text);
        return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    [GeneratedRegex(@"temperature of (-?\d+) degrees")]
    private static partial Regex Degrees();
}
