namespace Spark.Environments.Alfworld.Catalog;

/// <summary>
/// Where an object of a class starts, as a distribution over the receptacles of a room: mostly its usual
/// places (every receptacle weighs its class's <see cref="ObjectClass.PlaceWeights"/> entry, so a kitchen
/// with twenty cabinets hides more in cabinets, as ALFRED's spawning over receptacles does), with a share
/// of strays spread evenly over every receptacle that can hold it — ALFRED's random spawns put things in
/// odd places too (an apple in the garbage can, a book on the kitchen counter). The generator samples
/// from this and the expert searches by it, so both share one notion of "likely".
/// </summary>
internal static class TypePriors
{
    /// <summary>Share of objects placed anywhere they fit rather than where they usually are.</summary>
    public const double StrayShare = 0.3;

    /// <summary>Probability per receptacle class id that an object of <paramref name="obj"/> starts in
    /// that class, in a room with <paramref name="counts"/>[id] instances of each, never in <paramref name="except"/>.</summary>
    public static double[] Distribution(ObjectClass obj, IReadOnlyList<int> counts, ReceptacleClass? except = null)
    {
        int n = counts.Count;
        var usual = new double[n];
        var stray = new double[n];
        double usualSum = 0, straySum = 0;
        for (int id = 0; id < n; id++)
        {
            if (counts[id] == 0 || id == except?.Id) continue;
            usual[id] = obj.PlaceWeights[id] * counts[id];
            stray[id] = Fits(obj, AlfworldCatalog.Receptacles[id]) ? counts[id] : 0;
            usualSum += usual[id];
            straySum += stray[id];
        }
        double strayShare = straySum == 0 ? 0 : usualSum == 0 ? 1 : StrayShare;
        var p = new double[n];
        for (int id = 0; id < n; id++)
            p[id] = (usualSum > 0 ? (1 - strayShare) * usual[id] / usualSum : 0) + (straySum > 0 ? strayShare * stray[id] / straySum : 0);
        return p;
    }

    /// <summary>Draws a receptacle class from <see cref="Distribution"/>.</summary>
    public static ReceptacleClass Sample(Random rng, ObjectClass obj, IReadOnlyList<int> counts, ReceptacleClass? except = null)
    {
        var p = Distribution(obj, counts, except);
        int id = Tasks.Rng.Weighted(rng, Enumerable.Range(0, p.Length).ToArray(), i => p[i]);
        if (id < 0) throw new InvalidOperationException($"no receptacle in the room can hold a {obj.Name}");
        return AlfworldCatalog.Receptacles[id];
    }

    /// <summary>Whether the object can be put there: canContain, for the pickupable classes.</summary>
    public static bool Fits(ObjectClass obj, ReceptacleClass rc) => !obj.IsStatic && AlfworldCatalog.CanContain(rc, obj);
}
