using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>find-living-thing / non-living / plant / animal: find one, focus on it, carry it to the answer box.</summary>
internal sealed class FindStrategy : IStrategy
{
    public void Solve(ExpertSession s)
    {
        var facts = s.Facts;
        string subject = facts["subject"], box = facts["box"], boxRoom = facts["boxRoom"];
        var r = s.Random;
        if (subject == "non-living thing")
        {
            s.GoTo(boxRoom, false, Phrases.Pick(r,
                $"Almost anything in the {boxRoom} is non-living, and the {box} is there too, so I go to the {boxRoom}.",
                $"The {box} is in the {boxRoom}; I can pick a non-living object right there, so I head to the {boxRoom}."));
            s.Look(false, Phrases.Pick(r, $"I look around the {boxRoom} to choose an object to put in the {box}.",
                $"Let me see what objects the {boxRoom} holds."));
            int thing = PickNonLiving(s, box);
            string what = Names.Descript(s.World, thing);
            s.Act(s.Phrase("focus on {0}", thing), [thing], false, Phrases.Pick(r,
                $"I see {Article(what)} {what}, which is not alive, so I focus on it.",
                $"The {what} is a non-living thing, so it is a good choice; I focus on it."));
            int boxId = BoxIn(s, box);
            s.Act(s.Phrase("move {0} to {1}", thing, boxId), [thing, boxId], false, Phrases.Pick(r,
                $"Now I move the {s.NameOf(thing)} into the {box} as the task asks.",
                $"With the {s.NameOf(thing)} focused, I put it in the {box}."));
            return;
        }

        string place = subject == "plant" ? "greenhouse" : "outside";
        s.GoTo(place, true, subject switch
        {
            "plant" => Phrases.Pick(r, "Plants are most likely in the greenhouse, so I go there to look for one.",
                "I need a plant; the greenhouse is where plants are kept, so I go there."),
            "animal" => Phrases.Pick(r, "Animals are most likely found outdoors, so I go outside to look for one.",
                "I need an animal, and the outside is where animals live, so I head outside."),
            _ => Phrases.Pick(r, "Living things such as animals are usually outside, so I go there to search.",
                "I am looking for something alive; the outside is a good place to start."),
        });
        s.Look(true, Phrases.Pick(r, $"I look around the {s.HereName} to see what lives here.",
            $"Let me check what is in the {s.HereName}."));
        int found = PickLiving(s, subject);
        if (found < 0)
        {
            string other = place == "outside" ? "greenhouse" : "outside";
            s.GoTo(other, true, Phrases.Pick(r, $"Nothing suitable is here, so I try the {other}.", $"I found nothing fitting here; the {other} may have one."));
            s.Look(true, Phrases.Pick(r, $"I look around the {other}.", $"Let me see what the {other} holds."));
            found = PickLiving(s, subject);
        }
        string shown = Names.Descript(s.World, found);
        s.Act(s.Phrase("focus on {0}", found), [found], false, Phrases.Pick(r,
            $"I see {Article(shown)} {shown}; it is {Article(subject)} {subject}, so I focus on it.",
            $"{Capital(Article(shown))} {shown} counts as {Article(subject)} {subject}, so I focus on it."));
        bool plant = s.KindOf(found) == Kind.Plant;
        int carry = plant ? s.ContainerOf(found) : found;
        s.Act(s.Phrase("pick up {0}", carry), [carry], false, plant
            ? Phrases.Pick(r, $"A plant needs its soil, so I pick up the whole {s.NameOf(carry)} it grows in.",
                $"I carry the plant in its {s.NameOf(carry)} so it keeps its soil and water.")
            : Phrases.Pick(r, $"I pick up the {shown} to carry it to the {box}.", $"I take the {shown} with me."));
        s.GoTo(boxRoom, false, Phrases.Pick(r, $"The {box} is in the {boxRoom}, so I go there.", $"Next I bring it to the {boxRoom}, where the {box} is."));
        int target = BoxIn(s, box);
        string carried = Names.Descript(s.World, carry);
        s.Act(s.Phrase("move {0} to {1}", carry, target), [carry, target], false, Phrases.Pick(r,
            $"I put the {carried} into the {box} to finish the task.", $"Finally I move the {carried} into the {box}."));
    }

    static int BoxIn(ExpertSession s, string box) => s.InView().First(o => s.NameOf(o) == box);

    /// <summary>A movable, solid, non-living object in view (not the box, not something holding the box), by name.</summary>
    static int PickNonLiving(ExpertSession s, string box)
    {
        var w = s.World;
        int boxId = BoxIn(s, box);
        return s.InView()
            .Where(o => !KindFacts.IsLiving(w.KindOf(o)) && w.Has(o, ObjFlags.Movable) && !w.IsHidden(o) && o != boxId)
            .Where(o => w.HasMaterial(o) && w[o].State == Matter.Solid && w.ParentOf(o) != w.Inventory && !KindFacts.IsTerminal(w.KindOf(o)))
            .Where(o => w.ParentOf(boxId) != o && !w.Has(o, ObjFlags.Holds))
            .OrderBy(o => w.NameOf(o), StringComparer.Ordinal).ThenBy(o => o)
            .First();
    }

    static int PickLiving(ExpertSession s, string subject)
    {
        var w = s.World;
        return s.InView()
            .Where(o => subject switch
            {
                "plant" => w.KindOf(o) == Kind.Plant,
                "animal" => KindFacts.IsAnimal(w.KindOf(o)),
                _ => KindFacts.IsLiving(w.KindOf(o)),
            })
            .Where(o => w.ParentOf(o) != w.Inventory && !w.Has(o, ObjFlags.Dead))
            .DefaultIfEmpty(-1)
            .First();
    }

    static string Article(string noun) => noun.Length > 0 && "aeiou".Contains(noun[0]) ? "an" : "a";
    static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
