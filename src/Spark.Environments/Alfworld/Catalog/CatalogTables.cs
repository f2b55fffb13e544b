namespace Spark.Environments.Alfworld.Catalog;

/// <summary>
/// ALFWorld's vocabulary and rules as plain tables (facts read from alfworld/gen/constants.py:
/// RECEPTACLES, VAL_RECEPTACLE_OBJECTS, VAL_ACTION_OBJECTS, OPENABLE_CLASS_LIST), plus the placement
/// priors Spark uses to scatter objects (ours, in the spirit of ALFRED's scenes). Parsed once by
/// <see cref="AlfworldCatalog"/>.
/// </summary>
internal static class CatalogTables
{
    /// <summary>
    /// Receptacle class | "o" when of an openable class | the object classes it can contain (canContain).
    /// Sliced variants are dropped (slicing tasks are not in ALFWorld's text games). ALFRED's
    /// "PaperTowel" entry is spelled "papertowelroll", the object that actually appears in the scenes.
    /// </summary>
    public static readonly string[] Receptacles =
    [
        "armchair          |   | basketball book box cellphone cloth creditcard keychain laptop newspaper pillow remotecontrol",
        "bathtubbasin      |   | cloth dishsponge soapbar handtowel",
        "bed               |   | baseballbat basketball book cellphone laptop newspaper pillow tennisracket",
        "cabinet           | o | book bowl box candle cd cloth cup dishsponge glassbottle kettle ladle mug newspaper pan peppershaker plate plunger pot saltshaker soapbar soapbottle spraybottle tissuebox toiletpaper vase wateringcan winebottle handtowel",
        "cart              |   | candle cloth dishsponge mug papertowelroll plunger soapbar soapbottle spraybottle statue tissuebox toiletpaper vase handtowel",
        "coffeemachine     |   | mug",
        "coffeetable       |   | " + TableTop,
        "countertop        |   | " + TableTop,
        "desk              |   | alarmclock basketball book bowl box candle cd cellphone cloth creditcard cup glassbottle keychain laptop mug newspaper pen pencil plate remotecontrol soapbottle spraybottle statue tennisracket tissuebox toiletpaper vase watch wateringcan winebottle",
        "diningtable       |   | " + TableTop,
        "drawer            | o | book butterknife candle cd cellphone cloth creditcard dishsponge fork keychain knife ladle newspaper pen pencil peppershaker remotecontrol saltshaker soapbar soapbottle spatula spoon spraybottle tissuebox toiletpaper watch wateringcan handtowel",
        "dresser           |   | alarmclock basketball book bowl box candle cd cellphone cloth creditcard cup glassbottle keychain laptop mug newspaper pen pencil plate remotecontrol spraybottle statue tennisracket tissuebox toiletpaper vase watch wateringcan winebottle",
        "fridge            | o | apple bowl bread cup egg glassbottle lettuce mug pan plate pot potato tomato winebottle",
        "garbagecan        |   | apple bread cd cloth dishsponge egg lettuce newspaper papertowelroll pen pencil potato soapbar soapbottle spraybottle tissuebox toiletpaper tomato winebottle handtowel",
        "handtowelholder   |   | handtowel",
        "laundryhamper     |   | cloth",
        "microwave         | o | apple bowl bread cup egg glassbottle mug plate potato tomato",
        "ottoman           |   | basketball book box cellphone cloth creditcard keychain laptop newspaper pillow remotecontrol",
        "safe              | o | cd cellphone creditcard keychain statue vase watch",
        "shelf             |   | alarmclock book bowl box candle cd cellphone cloth creditcard cup dishsponge glassbottle kettle keychain mug newspaper papertowelroll pen pencil peppershaker plate pot remotecontrol saltshaker soapbar soapbottle spraybottle statue tissuebox toiletpaper vase watch wateringcan winebottle handtowel",
        "sidetable         |   | " + TableTop,
        "sinkbasin         |   | apple bowl butterknife cloth cup dishsponge egg glassbottle fork kettle knife ladle lettuce mug pan plate pot potato soapbar spatula spoon tomato handtowel",
        "sofa              |   | basketball book box cellphone cloth creditcard keychain laptop newspaper pillow remotecontrol",
        "stoveburner       |   | kettle pan pot",
        "toaster           |   | ",
        "toilet            |   | candle cloth dishsponge newspaper papertowelroll soapbar soapbottle spraybottle tissuebox toiletpaper handtowel",
        "toiletpaperhanger |   | toiletpaper",
        "towelholder       |   | towel",
        "tvstand           |   | tissuebox",
    ];

    const string TableTop =
        "alarmclock apple baseballbat basketball book bowl box bread butterknife candle cd cellphone cloth creditcard cup " +
        "dishsponge glassbottle egg fork kettle keychain knife ladle laptop lettuce mug newspaper pan papertowelroll pen " +
        "pencil peppershaker plate pot potato remotecontrol saltshaker soapbar soapbottle spatula spoon spraybottle statue " +
        "tennisracket tissuebox toiletpaper tomato vase watch wateringcan winebottle handtowel";

    /// <summary>
    /// Object class | traits (p pickupable, h heatable, c coolable, w cleanable, s sliceable, k a knife,
    /// l a lamp; none = a fixed part of the scene) | rooms (K kitchen, L living room, B bedroom, T bathroom)
    /// | chance a scene of those rooms has the class | where instances are put, with relative weights.
    /// The weights are the type priors: the generator samples from them and the expert searches by them.
    /// </summary>
    public static readonly string[] Objects =
    [
        "alarmclock     | p     | B    | 0.9 | desk 3, sidetable 3, dresser 3, shelf 2",
        "apple          | phcws | K    | 0.9 | countertop 4, diningtable 4, fridge 4, sidetable 1, garbagecan 1, sinkbasin 1, microwave 1",
        "baseballbat    | p     | B    | 0.4 | bed 3, sidetable 1, diningtable 1, countertop 1",
        "basketball     | p     | B    | 0.4 | bed 3, desk 1, dresser 1, sofa 1, armchair 1",
        "book           | p     | KLB  | 0.7 | desk 3, shelf 3, bed 2, sidetable 2, dresser 2, coffeetable 2, drawer 2, sofa 1, armchair 1, diningtable 1, countertop 1, cabinet 1",
        "bowl           | pcw   | KLB  | 0.7 | cabinet 3, countertop 2, diningtable 2, fridge 2, shelf 2, sinkbasin 1, microwave 1, sidetable 1, coffeetable 1, desk 1, dresser 1",
        "box            | p     | LB   | 0.5 | coffeetable 2, sidetable 2, dresser 2, shelf 2, desk 1, sofa 1, armchair 1, diningtable 1, cabinet 1",
        "bread          | phcs  | K    | 0.9 | countertop 4, diningtable 4, fridge 2, sidetable 1, microwave 1, garbagecan 1",
        "butterknife    | pwk   | K    | 0.8 | countertop 3, diningtable 3, drawer 3, sinkbasin 1, sidetable 1",
        "candle         | p     | LT   | 0.6 | countertop 2, toilet 2, cabinet 2, shelf 2, drawer 1, sidetable 1, coffeetable 1, diningtable 1, dresser 1, cart 1",
        "cd             | p     | B    | 0.8 | drawer 3, desk 2, sidetable 2, dresser 2, shelf 2, safe 1, garbagecan 1",
        "cellphone      | p     | LB   | 0.9 | desk 3, sidetable 3, bed 2, dresser 2, drawer 2, sofa 2, coffeetable 2, armchair 1, shelf 1, diningtable 1, safe 1",
        "cloth          | pw    | BT   | 0.7 | bathtubbasin 2, countertop 2, toilet 2, cabinet 2, laundryhamper 2, drawer 1, shelf 1, sinkbasin 1, garbagecan 1, dresser 1, cart 1",
        "creditcard     | p     | KLB  | 0.8 | drawer 3, desk 2, sidetable 2, dresser 2, coffeetable 2, armchair 1, sofa 1, shelf 1, diningtable 1, countertop 1, safe 1",
        "cup            | phcw  | K    | 0.8 | cabinet 3, countertop 3, diningtable 2, fridge 2, sinkbasin 1, shelf 1, microwave 1, sidetable 1",
        "desklamp       | l     | LB   | 0.9 | desk 3, sidetable 3, dresser 2, shelf 1, coffeetable 1",
        "dishsponge     | pw    | KT   | 0.7 | countertop 3, sinkbasin 2, cabinet 2, drawer 2, diningtable 1, shelf 1, toilet 1, bathtubbasin 1, garbagecan 1, cart 1",
        "egg            | phcws | K    | 0.8 | fridge 4, countertop 3, diningtable 3, sinkbasin 1, microwave 1, garbagecan 1, sidetable 1",
        "floorlamp      | l     | LB   | 0.35 | sidetable 2, dresser 1, desk 1, armchair 1, sofa 1",
        "fork           | pw    | K    | 0.8 | drawer 4, countertop 3, diningtable 3, sinkbasin 1, sidetable 1",
        "glassbottle    | p     | K    | 0.4 | countertop 3, diningtable 2, cabinet 2, fridge 1, shelf 1, sinkbasin 1",
        "handtowel      | p     | T    | 0.8 | handtowelholder 4, countertop 1, cabinet 1",
        "houseplant     |       | KLB  | 0.4 | countertop 2, diningtable 2, coffeetable 2, sidetable 2, shelf 1, dresser 1",
        "kettle         | pw    | K    | 0.6 | stoveburner 4, cabinet 2, countertop 2, diningtable 1, shelf 1, sinkbasin 1",
        "keychain       | p     | LB   | 0.8 | drawer 3, sidetable 3, dresser 2, desk 2, coffeetable 2, shelf 1, sofa 1, armchair 1, safe 1",
        "knife          | pwk   | K    | 0.8 | countertop 3, diningtable 3, drawer 2, sinkbasin 1, sidetable 1",
        "ladle          | pw    | K    | 0.6 | countertop 3, drawer 3, diningtable 3, cabinet 1, sinkbasin 1, sidetable 1",
        "laptop         | p     | LB   | 0.7 | desk 3, bed 3, sofa 2, coffeetable 2, diningtable 1, sidetable 1, armchair 1, dresser 1",
        "lettuce        | pcws  | K    | 0.8 | fridge 5, countertop 3, diningtable 3, sinkbasin 1, sidetable 1, garbagecan 1",
        "mug            | phcw  | KB   | 0.8 | cabinet 3, countertop 3, coffeemachine 2, diningtable 2, desk 2, sinkbasin 1, shelf 1, fridge 1, microwave 1, dresser 1, sidetable 1",
        "newspaper      | p     | L    | 0.7 | coffeetable 3, sofa 3, sidetable 2, armchair 2, ottoman 1, diningtable 1, dresser 1, drawer 1, shelf 1, garbagecan 1",
        "pan            | pcw   | K    | 0.7 | stoveburner 4, cabinet 3, countertop 2, diningtable 1, fridge 1, sinkbasin 1",
        "papertowelroll | p     | KT   | 0.5 | countertop 3, diningtable 2, shelf 1, toilet 1, cart 1",
        "pen            | p     | B    | 0.8 | desk 3, drawer 3, sidetable 2, dresser 2, shelf 2, garbagecan 1",
        "pencil         | p     | B    | 0.8 | desk 3, drawer 3, sidetable 2, dresser 2, shelf 2, garbagecan 1",
        "peppershaker   | p     | K    | 0.8 | countertop 3, diningtable 3, cabinet 2, drawer 2, shelf 2, sidetable 1",
        "pillow         | p     | LB   | 0.7 | sofa 4, armchair 3, bed 3, ottoman 1",
        "plate          | phcw  | KL   | 0.7 | cabinet 3, countertop 3, diningtable 3, fridge 1, shelf 1, sinkbasin 1, sidetable 1, coffeetable 1, microwave 1",
        "plunger        | p     | T    | 0.5 | cabinet 2, cart 1",
        "pot            | pcw   | K    | 0.7 | stoveburner 4, cabinet 3, countertop 2, diningtable 1, fridge 1, sinkbasin 1, shelf 1",
        "potato         | phcws | K    | 0.8 | fridge 4, countertop 3, diningtable 3, sinkbasin 1, microwave 1, garbagecan 1, sidetable 1",
        "remotecontrol  | p     | L    | 0.8 | coffeetable 3, sofa 3, armchair 2, sidetable 2, dresser 2, drawer 1, desk 1, shelf 1",
        "saltshaker     | p     | K    | 0.8 | countertop 3, diningtable 3, cabinet 2, drawer 2, shelf 2, sidetable 1",
        "soapbar        | pw    | T    | 0.9 | toilet 3, countertop 2, bathtubbasin 2, sinkbasin 2, cabinet 2, shelf 1, drawer 1, garbagecan 1, cart 1",
        "soapbottle     | p     | KT   | 0.8 | countertop 3, cabinet 2, toilet 2, shelf 1, diningtable 1, sidetable 1, drawer 1, garbagecan 1, cart 1",
        "spatula        | pw    | K    | 0.7 | countertop 3, drawer 3, diningtable 3, sinkbasin 1, sidetable 1",
        "spoon          | pw    | K    | 0.7 | drawer 4, countertop 3, diningtable 3, sinkbasin 1, sidetable 1",
        "spraybottle    | p     | T    | 0.8 | cabinet 3, toilet 2, countertop 2, shelf 1, drawer 1, garbagecan 1, cart 1",
        "statue         | p     | KLB  | 0.5 | shelf 3, coffeetable 2, sidetable 2, dresser 2, diningtable 2, countertop 1, desk 1, safe 1",
        "television     |       | LB   | 0.6 | dresser 3, tvstand 3, sidetable 1",
        "tennisracket   | p     | B    | 0.3 | bed 2, desk 2, dresser 1, sidetable 1",
        "tissuebox      | p     | LBT  | 0.6 | sidetable 2, coffeetable 2, dresser 2, shelf 2, toilet 2, desk 1, countertop 1, cabinet 1, drawer 1, tvstand 1",
        "toiletpaper    | p     | T    | 0.9 | toiletpaperhanger 3, cabinet 3, toilet 2, countertop 1, shelf 1, drawer 1, garbagecan 1, cart 1",
        "tomato         | phcws | K    | 0.8 | fridge 4, countertop 3, diningtable 3, sinkbasin 1, microwave 1, garbagecan 1, sidetable 1",
        "towel          | p     | T    | 0.6 | towelholder 4",
        "vase           | p     | KLB  | 0.6 | shelf 3, countertop 2, diningtable 2, coffeetable 2, sidetable 2, dresser 2, cabinet 1, safe 1",
        "watch          | p     | LB   | 0.6 | drawer 3, sidetable 2, dresser 2, desk 2, coffeetable 2, shelf 1, safe 1",
        "wateringcan    | p     | L    | 0.4 | shelf 2, sidetable 1, coffeetable 1, dresser 1, diningtable 1",
        "winebottle     | pc    | K    | 0.6 | countertop 3, diningtable 3, fridge 3, cabinet 2, shelf 1, sidetable 1, garbagecan 1",
    ];

    /// <summary>
    /// Receptacles of each room type: "class lo-hi" (uniform count) or "class lo-hi/p" (present with
    /// chance p, then uniform in [max(lo,1), hi]). Shaped after the rooms in ALFWorld's transcripts.
    /// </summary>
    public static readonly (RoomType Room, string Layout)[] Rooms =
    [
        (RoomType.Kitchen, "cabinet 4-20, coffeemachine 1, countertop 1-3, diningtable 0-2, drawer 1-9, fridge 1, garbagecan 1, " +
                           "microwave 1, safe 1/0.1, shelf 0-3, sidetable 1/0.3, sinkbasin 1, stoveburner 4, toaster 1"),
        (RoomType.LivingRoom, "armchair 0-2, cabinet 1-4/0.3, coffeetable 1-2/0.8, diningtable 1/0.4, drawer 0-4, dresser 1/0.5, " +
                              "garbagecan 1, ottoman 1/0.2, safe 1/0.1, shelf 0-6, sidetable 1-3, sofa 1, tvstand 1/0.3"),
        (RoomType.Bedroom, "armchair 1/0.3, bed 1, countertop 1/0.1, desk 1-2/0.7, diningtable 1/0.1, drawer 1-10, dresser 1/0.6, " +
                           "garbagecan 1, laundryhamper 1/0.4, safe 1/0.3, shelf 0-9, sidetable 1-2/0.7"),
        (RoomType.Bathroom, "bathtubbasin 1/0.5, cabinet 1-4/0.8, cart 1/0.2, countertop 1, drawer 1-4/0.4, dresser 1/0.1, garbagecan 1, " +
                            "handtowelholder 1-2, shelf 1-3/0.3, sinkbasin 1-2, toilet 1, toiletpaperhanger 1, towelholder 1/0.6"),
    ];
}
