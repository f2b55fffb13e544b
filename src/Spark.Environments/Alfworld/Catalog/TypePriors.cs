namespace Spark.Environments.Alfworld.Catalog;

/// <summary>
/// Where an object of a class starts, as a distribution over the receptacle classes of a room: mostly
/// the class's usual places (<see cref="ObjectClass.PlaceWeights"/>), with a share of strays spread
/// evenly over every receptacle class that can hold it — ALFRED's random spawns put things in odd places
/// too (an apple in the garbage can, a book on the kitchen counter). The generator samples from this
/// and the expert searches by it, so both share one notion of "likely".
/// </summary>
internal static class TypePriors
{
    /// <summary>Share of objects placed anywhere they fit rather than where they usually are.</summary>
    public const double StrayShare = 0.3;

    /// <summary>Probability that an object of <paramref name="obj"/> starts in a receptacle of class
    /// <paramref name="rc"/>, given the classes present in the room, leaving out <paramref name="except"/>.</summary>
    public static double ClassProbability(ObjectClass obj, ReceptacleClass rc, IReadOnlyCollection<ReceptacleClass> present,
        ReceptacleClass? except = null)
    {
        if (rc == except || !present.Contains(rc)) return 0;
        double usual = 0, fits = 0;
        foreach (var c in present)
        {
            if (c == except) continue;
            usual += obj.PlaceWeights[c.Id];
            if (Fits(obj, c)) fits++;
        }
        if (usual <= 0) return Fits(obj, rc) && fits > 0 ? 1 / fits : 0;
        double stray = fits > 0 && Fits(obj, rc) ? StrayShare / fits : 0;
        return (fits > 0 ? 1 - StrayShare : 1) * obj.PlaceWeights[rc.Id] / usual + stray;
    }

    /// <summary>Draws a receptacle class from <see cref="ClassProbability"/>.</summary>
    public static ReceptacleClass Sample(Random rng, ObjectClass obj, IReadOnlyList<ReceptacleClass> present, ReceptacleClass? except = null)
    {
        var candidates = present.Where(c => c != except).ToList();
        bool canStray = candidates.Any(c => Fits(obj, c));
        bool anyUsual = candidates.Any(c => obj.PlaceWeights[c.Id] > 0);
        if (canStray && (!anyUsual || rng.NextDouble() < StrayShare))
        {
            var fitting = candidates.Where(c => Fits(obj, c)).ToList();
            return fitting[rng.Next(fitting.Count)];
        }
        return candidates[Tasks.Rng.Weighted(rng, candidates, c => obj.PlaceWeights[c.Id])];
    }

    /// <summary>Whether the object can be put there: canContain, for the pickupable classes.</summary>
    public static bool Fits(ObjectClass obj, ReceptacleClass rc) => !obj.IsStatic && AlfworldCatalog.CanContain(rc, obj);
}
