using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Simulation;

/// <summary>The "mix" action (the original's <c>Chemistry.mixContainer</c>): the two-ingredient recipes whose
/// ingredients exist in this house (salt water, soapy water, paints) and the any-paints-make-brown rule.</summary>
internal static class Chemistry
{
    static readonly (string A, string B, string Product, string Message)[] PaintRecipes =
    [
        ("red paint", "blue paint", "violet", "Red and blue paint mix to produce violet paint."),
        ("blue paint", "yellow paint", "green", "Blue and yellow paint mix to produce green paint."),
        ("yellow paint", "red paint", "orange", "Yellow and red paint mix to produce orange paint."),
        ("yellow paint", "orange paint", "yellow-orange", "Yellow and orange paint mix to produce yellow-orange paint."),
        ("orange paint", "red paint", "red-orange", "Red and orange paint mix to produce red-orange paint."),
        ("red paint", "violet paint", "violet-red", "Violet and red paint mix to produce violet-red paint."),
        ("violet paint", "blue paint", "blue-violet", "Blue and violet paint mix to produce blue-violet paint."),
        ("blue paint", "green paint", "green-blue", "Blue and green paint mix to produce blue green paint."),
        ("green paint", "yellow paint", "yellow-green", "Green and yellow paint mix to produce yellow-green paint."),
    ];

    public static string Mix(SimWorld w, int container)
    {
        var contents = new List<int>();
        foreach (int c in w.Children(container))
            if (!w.IsHidden(c)) contents.Add(c);
        if (contents.Count == 0) return "That container is empty, so there are no items to mix.";
        if (contents.Count == 1) return "There is only one thing (" + Names.Descript(w, contents[^1]) + ")";

        if (contents.Count == 2)
        {
            int water = Find(w, contents, "water", Matter.Liquid);
            int salt = Find(w, contents, "sodium chloride", Matter.Solid);
            int soap = Find(w, contents, "soap", null);
            if (water >= 0 && salt >= 0) return Replace(w, container, [water, salt], Materials.SaltWater, "Sodium chloride and water mix to produce salt water.");
            if (water >= 0 && soap >= 0) return Replace(w, container, [water, soap], Materials.SoapyWater, "Soap and water mix to produce soapy water.");
            foreach (var (a, b, product, message) in PaintRecipes)
            {
                int pa = Find(w, contents, a, Matter.Liquid), pb = Find(w, contents, b, Matter.Liquid);
                if (pa < 0 || pb < 0) continue;
                w.Delete(pa);
                w.Delete(pb);
                w.AddChild(container, Things.Paint(w, product));
                return message;
            }
        }
        if (contents.Count is >= 2 and <= 4 && contents.All(c => w.KindOf(c) == Kind.Paint && w[c].State == Matter.Liquid))
        {
            foreach (int c in contents) w.Delete(c);
            w.AddChild(container, Things.Paint(w, "brown"));
            return "The paints mix to produce brown paint.";
        }
        return "Mixing the contents of the " + Names.Descript(w, container) + " does not appear to produce anything new.";
    }

    /// <summary>The original's <c>getSubstance</c>: by name (and state when given), or by substance name and state.</summary>
    static int Find(SimWorld w, List<int> contents, string name, Matter? state)
    {
        foreach (int c in contents)
        {
            if (w.NameOf(c) == name && (state == null || (w.HasMaterial(c) && w[c].State == state))) return c;
            if (w.HasMaterial(c) && w.MaterialOf(c).SubstanceName == name && w[c].State == state) return c;
        }
        return -1;
    }

    static string Replace(SimWorld w, int container, int[] ingredients, Material product, string message)
    {
        foreach (int i in ingredients) w.Delete(i);
        w.AddChild(container, Things.Substance(w, product));
        return message;
    }
}
