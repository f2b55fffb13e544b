using Spark.Environments.ScienceWorld.Objects;
using Spark.Environments.ScienceWorld.World;

namespace Spark.Environments.ScienceWorld.Simulation;

/// <summary>Life cycles of animals and plants, flowers and pollen, and the bees of the greenhouse hive
/// (the original's <c>processes/lifestage</c>, <c>Plant</c>, <c>Flower</c> and <c>Bee</c>).</summary>
internal static class Living
{
    const double MinTemperature = 0, MaxTemperature = 50;

    static void ChangeStage(SimWorld w, int id, int stage)
    {
        ref var o = ref w[id];
        o.Stage = (byte)stage;
        o.StageTicks = 0;
        o.NoWaterTicks = 0;
        o.NoSoilTicks = 0;
        o.OutOfTemperatureTicks = 0;
        w.Touch(id);
    }

    /// <summary>Animals: each stage lasts a fixed number of ticks; in the last (death) stage the animal is dead
    /// and drops whatever it holds.</summary>
    public static void AnimalTick(SimWorld w, int id)
    {
        var cycle = Names.SpeciesOf(w, id).Cycle;
        ref var o = ref w[id];
        if (o.Stage == cycle.DeathStage)
        {
            if (!o.Has(ObjFlags.Dead))
            {
                o.Flags |= ObjFlags.Dead;
                w.Touch(id);
            }
            int parent = w.ParentOf(id);
            if (parent >= 0) w.MoveAllChildren(id, parent);
            return;
        }
        o.StageTicks++;
        if (o.StageTicks >= cycle.Stages[o.Stage].Duration) ChangeStage(w, id, o.Stage + 1);
    }

    /// <summary>A fruiting tree renames itself for its stage, then runs its life stage.</summary>
    public static void PlantTick(SimWorld w, int id)
    {
        w.Rename(id, Names.PlantName(w, id));
        w[id].Set(ObjFlags.Edible, w[id].Stage == LifeCycles.PlantSeed);
        switch (w[id].Stage)
        {
            case LifeCycles.PlantSeed: SeedTick(w, id); break;
            case LifeCycles.PlantDead: DeadPlantTick(w, id); break;
            default: GrowingTick(w, id); break;
        }
    }

    /// <summary>The first child of the plant's container named <paramref name="name"/>, or −1.</summary>
    static int InContainer(SimWorld w, int id, string name)
    {
        int container = w.ParentOf(id);
        return container < 0 ? -1 : w.ChildNamed(container, name);
    }

    static void SeedTick(SimWorld w, int id)
    {
        int water = InContainer(w, id, "water");
        if (water < 0 || InContainer(w, id, "soil") < 0) return;
        if (++w[id].StageTicks >= LifeCycles.Plant.Stages[LifeCycles.PlantSeed].Duration)
        {
            w.Drink(water);
            ChangeStage(w, id, LifeCycles.PlantSeedling);
        }
    }

    /// <summary>Seedling, adult and reproducing plants: stressed without water, soil or a mild temperature,
    /// dying when deprived too long; adults drink the water each tick; reproducing plants grow a flower.</summary>
    static void GrowingTick(SimWorld w, int id)
    {
        int stage = w[id].Stage;
        bool seedling = stage == LifeCycles.PlantSeedling;
        int maxNoWater = seedling ? 20 : 50;
        bool stressed = false, sickly = false;

        int water = InContainer(w, id, "water");
        if (water >= 0)
        {
            w[id].NoWaterTicks = 0;
            if (!seedling) w.Drink(water);
        }
        else
        {
            int dry = ++w[id].NoWaterTicks;
            if (seedling)
            {
                stressed = true;
                if (dry >= maxNoWater / 2) sickly = true;
            }
            else if (dry >= maxNoWater / 2) stressed = sickly = true;
            if (dry >= maxNoWater) ChangeStage(w, id, LifeCycles.PlantDead);
        }

        if (InContainer(w, id, "soil") >= 0) w[id].NoSoilTicks = 0;
        else
        {
            stressed = true;
            int noSoil = ++w[id].NoSoilTicks;
            if (noSoil >= 2) sickly = true;
            if (noSoil >= 5) ChangeStage(w, id, LifeCycles.PlantDead);
        }

        double t = w[id].Temperature;
        if (t >= MaxTemperature || t <= MinTemperature)
        {
            sickly = true;
            if (++w[id].OutOfTemperatureTicks >= 5) ChangeStage(w, id, LifeCycles.PlantDead);
        }
        else w[id].OutOfTemperatureTicks = 0;

        if (w[id].Has(ObjFlags.Sickly) != sickly)
        {
            w[id].Set(ObjFlags.Sickly, sickly);
            w.Touch(id);
        }
        if (stressed || w[id].Stage != stage) return;

        if (++w[id].StageTicks < LifeCycles.Plant.Stages[stage].Duration) return;
        if (seedling)
        {
            if (water >= 0) w.Drink(water);
            ChangeStage(w, id, LifeCycles.PlantAdult);
        }
        else if (stage == LifeCycles.PlantAdult) ChangeStage(w, id, LifeCycles.PlantReproducing);
        else
        {
            if (!HasChildOfKind(w, id, Kind.Flower))
            {
                int flower = w.Create(Kind.Flower, "flower", ObjFlags.Movable | Things.OpenContainer, Materials.FlowerMatter);
                w[flower].Data = id;
                w.AddChild(id, flower);
            }
            w[id].StageTicks = 0;
        }
    }

    static bool HasChildOfKind(SimWorld w, int id, Kind kind)
    {
        foreach (int c in w.Children(id))
            if (w.KindOf(c) == kind) return true;
        return false;
    }

    static void DeadPlantTick(SimWorld w, int id)
    {
        if (!w.Has(id, ObjFlags.Dead))
        {
            w[id].Flags |= ObjFlags.Dead;
            w.Touch(id);
        }
        int parent = w.ParentOf(id);
        if (parent < 0) return;
        Span<int> buffer = stackalloc int[32];
        int n = w.ChildrenInto(id, buffer);
        for (int i = 0; i < n; i++)
        {
            int c = buffer[i];
            if (w.KindOf(c) == Kind.Flower)
            {
                w.MoveAllChildren(c, parent);
                w.Delete(c);
            }
            else w.AddChild(parent, c);
        }
    }

    /// <summary>A flower makes pollen of its plant; pollen of another plant of the same type pollinates it,
    /// and five ticks later the flower becomes a fruit.</summary>
    public static void FlowerTick(SimWorld w, int flower)
    {
        ref var f = ref w[flower];
        int plant = f.Data;
        if (f.Counter > 0)
        {
            if (++f.Counter <= 5) return;
            int container = w.ParentOf(flower);
            if (container < 0) return;
            w.AddChild(container, Fruit(w, Names.SpeciesOf(w, plant).LifeformType));
            w.Delete(flower, expelContents: true);
            return;
        }
        bool ownPollen = false;
        foreach (int c in w.Children(flower))
            if (w.KindOf(c) == Kind.Pollen && w[c].Data == plant) ownPollen = true;
        if (!ownPollen)
        {
            int pollen = w.Create(Kind.Pollen, "pollen", ObjFlags.Movable | ObjFlags.Container, Materials.PollenMatter);
            w[pollen].Data = plant;
            w.AddChild(flower, pollen);
        }
        Span<int> buffer = stackalloc int[32];
        int n = w.ChildrenInto(flower, buffer);
        for (int i = 0; i < n; i++)
        {
            int c = buffer[i];
            if (w.KindOf(c) == Kind.Pollen)
            {
                if (Pollinate(w, flower, c)) return;
                continue;
            }
            foreach (int cc in w.Children(c))
                if (w.KindOf(cc) == Kind.Pollen && Pollinate(w, flower, cc)) return;
        }
    }

    static bool Pollinate(SimWorld w, int flower, int pollen)
    {
        int plant = w[flower].Data, source = w[pollen].Data;
        if (source == plant) return false;
        if (Names.SpeciesOf(w, source).LifeformType != Names.SpeciesOf(w, plant).LifeformType) return false;
        w.Delete(pollen);
        w[flower].Counter = 1;
        w.Touch(flower);
        return true;
    }

    static int Fruit(SimWorld w, string type) => type == "pea" ? Things.Plant(w, LifeCycles.Pea) : Things.Fruit(w, type);

    /// <summary>Bees wander: in a flower they collect pollen or leave, elsewhere they enter a flower or move on.</summary>
    public static void BeeTick(SimWorld w, int bee)
    {
        int container = w.ParentOf(bee);
        if (container < 0) return;
        bool inFlower = w.KindOf(container) == Kind.Flower;
        int roll = NextInt(w, 2);
        if (inFlower && roll == 0) CollectPollen(w, bee, container);
        else if (!inFlower && roll == 1) EnterFlower(w, bee, container);
        else Wander(w, bee, container);
    }

    static int NextInt(SimWorld w, int bound)
    {
        ulong x = w.BeeRandom;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        w.BeeRandom = x;
        return (int)(x % (ulong)bound);
    }

    static void CollectPollen(SimWorld w, int bee, int flower)
    {
        int count = 0;
        foreach (int c in w.Children(flower))
            if (w.KindOf(c) == Kind.Pollen) count++;
        if (count == 0) return;
        int chosen = NextInt(w, count);
        foreach (int c in w.Children(flower))
            if (w.KindOf(c) == Kind.Pollen && chosen-- == 0)
            {
                w.AddChild(bee, c);
                return;
            }
    }

    static void EnterFlower(SimWorld w, int bee, int container)
    {
        int count = 0;
        Flower(w, container, ref count, pick: -1);
        if (count == 0) return;
        int seen = 0;
        w.AddChild(Flower(w, container, ref seen, NextInt(w, count)), bee);
    }

    /// <summary>The visible flowers under <paramref name="container"/> (into open containers), in walk order:
    /// returns the <paramref name="pick"/>-th, or −1 having counted them all into <paramref name="seen"/>.</summary>
    static int Flower(SimWorld w, int container, ref int seen, int pick)
    {
        foreach (int c in w.Children(container))
        {
            if (w.IsHidden(c)) continue;
            if (w.KindOf(c) == Kind.Flower && seen++ == pick) return c;
            if (!w.IsOpenContainer(c)) continue;
            int found = Flower(w, c, ref seen, pick);
            if (found >= 0) return found;
        }
        return -1;
    }

    static void Wander(SimWorld w, int bee, int container)
    {
        var portals = w.PortalsOf(container);
        int open = 0;
        foreach (int p in portals)
            if (w.Has(p, ObjFlags.Open)) open++;
        if (open == 0)
        {
            if (KindFacts.IsLocation(w.KindOf(container)) || !w.IsOpenContainer(container)) return;
            int location = w.LocationOf(container);
            if (location >= 0) w.AddChild(location, bee);
            return;
        }
        int chosen = NextInt(w, open);
        foreach (int p in portals)
            if (w.Has(p, ObjFlags.Open) && chosen-- == 0)
            {
                int to = w.PortalDestination(p, container);
                if (to >= 0) w.AddChild(to, bee);
                return;
            }
    }
}
