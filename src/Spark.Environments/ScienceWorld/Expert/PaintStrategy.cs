using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>chemistry-mix-paint (secondary, tertiary): in the art studio, pour the two input paints into the
/// empty mixing container, mix, focus on the result; for the tertiary colour, fetch another cup of the
/// needed primary paint (from the closed cupboard when the open ones are used up), pour, mix and focus again.</summary>
internal sealed class PaintStrategy(bool tertiary) : IStrategy
{
    public void Solve(ExpertSession s)
    {
        var r = s.Random;
        var f = s.Facts;
        string[] inputs = f["secondaryInputs"].Split(',');
        string secondary = f["secondary"];

        bool there = s.HereName == "art studio";
        if (!there)
            s.GoTo("art studio", true, Phrases.Pick(r, "I need paints; the art studio is where they are kept.",
                "Paints are most likely in the art studio, so I go there.", "To mix paint I first need paints, so I head to the art studio."));
        s.Look(!there, Phrases.Pick(r, "I look around for the paints and an empty container to mix them in.",
            "Let me see which paints and containers are here."));
        int mixer = s.InView().First(o => IsEmptyOpenCup(s, o));
        foreach (string paint in inputs)
            PourPaint(s, paint, mixer, false);
        Mix(s, mixer, string.Join(" and ", inputs));
        int result = s.InView().First(o => s.NameOf(o) == secondary);
        s.Act(s.Phrase("focus on {0}", result), [result], false, tertiary
            ? Phrases.Pick(r, $"The {secondary} is the intermediate colour the task asks me to focus on first.",
                $"I focus on the {secondary}, the secondary colour, as the task says to do part-way.")
            : Phrases.Pick(r, $"The mix made {secondary}, which is what the task asks for; I focus on it.",
                $"I created the {secondary}, so I focus on it to finish."));
        if (!tertiary || s.Done) return;

        string extra = f["tertiaryInputs"].Split(',').First(p => p != secondary);
        if (FindPaint(s, extra, mixer) < 0)
            foreach (int closed in s.InView().Where(o => IsClosedFurniture(s, o)).ToList())
            {
                s.Act(s.Phrase("open {0}", closed), [closed], true, Phrases.Pick(r,
                    $"The {extra} out here is used up; I look for more inside the {s.NameOf(closed)}.",
                    $"I need another cup of {extra}, so I open the {s.NameOf(closed)} to check."));
                if (FindPaint(s, extra, mixer) >= 0) break;
            }
        PourPaint(s, extra, mixer, false);
        string final = f["tertiary"];
        Mix(s, mixer, secondary + " and " + extra);
        int last = s.InView().First(o => s.NameOf(o) == final);
        s.Act(s.Phrase("focus on {0}", last), [last], false, Phrases.Pick(r,
            $"The mix is now {final}, the colour the task is about; I focus on it.", $"I made the {final}, so I focus on it to finish."));
    }

    static bool IsEmptyOpenCup(ExpertSession s, int obj) =>
        s.KindOf(obj) == Kind.Cup && s.World.IsOpenContainer(obj) && s.World.VisibleChildCount(obj) == 0;

    static bool IsClosedFurniture(ExpertSession s, int obj) =>
        s.World.Has(obj, ObjFlags.Container) && s.World.Has(obj, ObjFlags.Closable) && !s.World.Has(obj, ObjFlags.Open)
        && s.KindOf(obj) is Kind.Cupboard or Kind.Closet;

    /// <summary>A cup of the paint in view, other than the mixing container, or −1.</summary>
    static int FindPaint(ExpertSession s, string paint, int mixer) =>
        s.InView().FirstOrDefault(o => s.NameOf(o) == paint && s.ContainerOf(o) != mixer && s.KindOf(s.ContainerOf(o)) == Kind.Cup, -1);

    static void PourPaint(ExpertSession s, string paint, int mixer, bool explore)
    {
        int cup = s.ContainerOf(FindPaint(s, paint, mixer));
        s.Act(s.Phrase("pour {0} in {1}", cup, mixer), [cup, mixer], explore, Phrases.Pick(s.Random,
            $"I pour the {paint} into the {s.NameOf(mixer)} to mix it.", $"The {paint} goes into the {s.NameOf(mixer)} for mixing."));
    }

    static void Mix(ExpertSession s, int mixer, string what) =>
        s.Act(s.Phrase("mix {0}", mixer), [mixer], false, Phrases.Pick(s.Random,
            $"With {what} together in the {s.NameOf(mixer)}, I mix them.", $"I stir the {s.NameOf(mixer)} so the {what} combine."));
}
