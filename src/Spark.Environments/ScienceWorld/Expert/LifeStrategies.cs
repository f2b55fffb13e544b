using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Expert;

/// <summary>lifespan tasks: go outside, compare the animals' typical lifespans, focus on the right one(s).</summary>
internal sealed class LifespanStrategy : IStrategy
{
    public void Solve(ExpertSession s)
    {
        var r = s.Random;
        s.GoTo("outside", false, Phrases.Pick(r, "The task says the animals are outside, so I go there.",
            "The animals to compare are in the 'outside' location; I head there."));
        s.Look(false, Phrases.Pick(r, "I look around to see which animals are here.", "Let me see the animals outside."));
        var animals = s.InView().Where(o => s.KindOf(o) == Kind.Animal).ToList();
        string names = string.Join(", ", animals.Select(s.Described));
        string task = s.Env.Task.TaskType;
        if (task != "lifespan-shortest-lived")
        {
            int longest = animals.OrderByDescending(a => Names.SpeciesOf(s.World, a).LifespanYears).First();
            string species = Names.SpeciesOf(s.World, longest).LifeformType;
            s.Act(s.Phrase("focus on {0}", longest), [longest], false, Phrases.Pick(r,
                $"Among {names}, a {species} lives the longest, so I focus on the {Names.Descript(s.World, longest)}.",
                $"Of these animals, the {species} has the longest typical life span; I focus on it."));
        }
        if (task != "lifespan-longest-lived")
        {
            int shortest = animals.OrderBy(a => Names.SpeciesOf(s.World, a).LifespanYears).First();
            string species = Names.SpeciesOf(s.World, shortest).LifeformType;
            s.Act(s.Phrase("focus on {0}", shortest), [shortest], false, Phrases.Pick(r,
                $"Among {names}, a {species} has the shortest life, so I focus on the {Names.Descript(s.World, shortest)}.",
                $"The {species} lives the shortest time of these animals; I focus on it."));
        }
    }
}

/// <summary>identify-life-stages: focus on the organism in each stage in order, waiting for it to grow
/// when no individual is in the next stage yet.</summary>
internal sealed class LifeStagesStrategy : IStrategy
{
    public void Solve(ExpertSession s)
    {
        var r = s.Random;
        bool plants = s.Env.Task.TaskType == "identify-life-stages-2";
        var facts = s.Facts;
        string type = plants ? facts["plant"] : facts["animal"];
        string organism = plants ? type + " plant" : type;
        string[] stages = facts["stages"].Split(',');
        s.GoTo("outside", !plants, plants
            ? Phrases.Pick(r, $"The {organism}s are outside, so I go there.", $"The task says the plants are located outside; I head there.")
            : Phrases.Pick(r, $"Animals such as the {type} live outdoors, so I go outside to find it.", $"I expect to find the {type} outside."));
        s.Look(!plants, Phrases.Pick(r, $"I look around for the {organism} and its life stages.", $"Let me see which stages of the {organism} are here."));
        foreach (var stage in stages)
        {
            for (int attempt = 0; attempt < 12 && !s.Done; attempt++)
            {
                int found = Find(s, type, stage);
                if (found >= 0)
                {
                    string shown = Names.Descript(s.World, found);
                    s.Act(s.Phrase("focus on {0}", found), [found], false, Phrases.Pick(r,
                        $"The {shown} is the {organism} in the {stage} stage, the next stage in order, so I focus on it.",
                        $"The {stage} stage comes next, and the {shown} is in it; I focus on it."));
                    break;
                }
                // Plant stages can be as short as five ticks, animal stages last twenty: wait accordingly.
                s.Act(plants ? "wait1" : "wait", true, Phrases.Pick(r,
                    $"No {organism} is in the {stage} stage yet, so I wait for it to grow.",
                    $"I cannot see a {organism} in the {stage} stage; waiting should let it develop."));
                s.Look(true, Phrases.Pick(r, $"I look again to check whether the {organism} reached the {stage} stage.",
                    $"Let me check how the {organism} has grown."));
            }
        }
    }

    static int Find(ExpertSession s, string type, string stage) =>
        s.InView().Where(o => KindFacts.IsLiving(s.KindOf(o)) && Names.SpeciesOf(s.World, o).LifeformType == type
                              && Names.StageName(s.World, o) == stage).DefaultIfEmpty(-1).First();

}
