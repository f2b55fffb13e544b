using Spark.Environments.Alfworld.Catalog;
using Spark.Environments.Alfworld.World;

namespace Spark.Environments.Alfworld.Engine;

/// <summary>
/// Every applicable grounded command rendered through its template, sorted as plain strings
/// (TextWorld: sorted(set(...)), so "go to cabinet 10" comes before "go to cabinet 2").
/// Enumerates the same preconditions as <see cref="Rules.IsApplicable"/>; a test checks they agree.
/// </summary>
internal static class AdmissibleCommands
{
    public static string[] Build(WorldLayout w, WorldState s, AlfworldGrammar g)
    {
        var list = new List<string>(w.ReceptacleCount + 16);
        for (int r = 0; r < w.ReceptacleCount; r++)
            if (r != s.Agent) list.Add(w.GoToCommand[r]);
        list.Add("inventory");
        list.Add("look");
        if (g == AlfworldGrammar.V05) list.Add("help");

        int at = s.Agent, held = s.Held;
        if (held != WorldState.Nowhere) list.Add(w.ExamineObjCommand[held]);
        if (at != WorldState.Nowhere)
        {
            list.Add(w.ExamineRecCommand[at]);
            if (w.RecOpenable[at]) list.Add(s.IsOpen(at) ? w.CloseCommand[at] : w.OpenCommand[at]);
            bool accessible = Rules.Accessible(w, s, at);
            bool knife = held != WorldState.Nowhere && w.ObjClass[held].Is(ObjectTraits.Knife);
            for (int o = 0; o < w.ObjectCount; o++)
            {
                if (s.ObjectAt[o] != at) continue;
                if (accessible)
                {
                    list.Add(w.ExamineObjCommand[o]);
                    if (held == WorldState.Nowhere && w.ObjClass[o].Is(ObjectTraits.Pickupable))
                        list.Add($"take {w.ObjName[o]} from {w.RecName[at]}");
                }
                if (w.ObjToggleable[o]) list.Add(w.UseCommand[o]);
                if (knife && w.ObjClass[o].Is(ObjectTraits.Sliceable)) list.Add($"slice {w.ObjName[o]} with {w.ObjName[held]}");
            }
            if (held != WorldState.Nowhere) AddHeldActions(list, w, s, g, held, at);
        }
        var result = list.ToArray();
        Array.Sort(result, StringComparer.Ordinal);
        return result;
    }

    static void AddHeldActions(List<string> list, WorldLayout w, WorldState s, AlfworldGrammar g, int held, int at)
    {
        string o = w.ObjName[held], r = w.RecName[at];
        var oc = w.ObjClass[held];
        var rc = w.RecClass[at];
        if (Rules.Accessible(w, s, at) && AlfworldCatalog.CanContain(rc, oc))
            list.Add(g == AlfworldGrammar.V05 ? $"move {o} to {r}" : $"put {o} in/on {r}");
        if (rc == Rules.Microwave && oc.Is(ObjectTraits.Heatable)) list.Add($"heat {o} with {r}");
        if (rc == Rules.Fridge && oc.Is(ObjectTraits.Coolable)) list.Add($"cool {o} with {r}");
        if (rc == Rules.SinkBasin && oc.Is(ObjectTraits.Cleanable)) list.Add($"clean {o} with {r}");
    }
}
