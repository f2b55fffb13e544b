using Spark.Core.Environments;

namespace Spark.Environments.WebShop;

/// <summary>
/// A WebShop expert that sees only what an agent sees (instruction, page texts, admissible actions): it searches
/// with the instruction's key words, opens the listings whose titles share most of them, confirms the wanted words
/// on the product page (title, options, then Features and Description when needed), selects the options the
/// instruction names and buys; when nothing matches fully it buys the closest product it checked. Steps taken
/// before the product is confirmed are marked as exploration.
/// </summary>
public sealed class WebShopExpert(int maxSteps = WebShopSuite.DefaultMaxSteps) : IExpert
{
    const int MaxCandidates = 5;
    const int MaxResultsPages = 2;
    static readonly HashSet<string> PageButtons = ["back to search", "< prev", "next >", "description", "features", "reviews", "buy now", "search"];

    public ExpertTrajectory Solve(IEnvironment env, StepResult initial, Random random) =>
        new Run(env, initial, random, maxSteps).Play();

    sealed class Run(IEnvironment env, StepResult initial, Random random, int maxSteps)
    {
        readonly List<ExpertStep> _steps = [];
        readonly string _instruction = env.Task.Goal;
        readonly List<string> _wanted = PageReader.ContentWords(env.Task.Goal);
        readonly double _bound = PageReader.PriceBound(env.Task.Goal);
        readonly HashSet<string> _instructionWords = new(PageReader.Words(PageReader.WithoutPrice(env.Task.Goal)));
        // What each inspected product lacks, and the inspected product that lacks least.
        readonly Dictionary<string, List<string>> _shortfall = [];
        (string Asin, int Missing)? _best;
        StepResult _last = initial;

        int Left => maxSteps - env.StepCount;

        bool Do(string action, bool explore, string reason)
        {
            _steps.Add(new ExpertStep(_last.Observation, action, explore, reason));
            _last = env.Step(action);
            return !_last.Done;
        }

        public ExpertTrajectory Play()
        {
            if (!_last.Done) Shop();
            return new ExpertTrajectory(env.Task, _steps, _last.Won, _last.Observation);
        }

        void Shop()
        {
            string query = PageReader.Query(_instruction);
            if (!Do($"search[{query}]", true, ExpertReasons.Search(random, query))) return;
            var visited = new HashSet<string>();
            for (int page = 1; page <= MaxResultsPages; page++)
            {
                var listings = PageReader.Results(_last.Observation);
                // Listings by how many wanted words their titles share; ties keep the engine's order.
                // A price range reaching above the bound may cost too much, so such listings come after sure ones.
                var ranked = listings.Where(l => l.LowPrice <= _bound && !visited.Contains(l.Asin))
                    .Select((l, rank) => (Listing: l, Shared: Shared(l.Title), Rank: rank))
                    .Where(c => c.Shared > 0).OrderByDescending(c => c.Shared)
                    .ThenBy(c => c.Listing.HighPrice <= _bound ? 0 : 1).ThenBy(c => c.Rank).ToList();
                var tries = ranked.Take(MaxCandidates - visited.Count).ToList();
                for (int k = 0; k < tries.Count; k++)
                {
                    var c = tries[k];
                    if (Left < 3) break;
                    visited.Add(c.Listing.Asin);
                    if (!Do($"click[{c.Listing.Asin.ToLowerInvariant()}]", true, ExpertReasons.Open(random, c.Listing, c.Shared, _wanted.Count))) return;
                    if (TryProduct(c.Listing.Asin, last: k == tries.Count - 1)) return;
                    if (!Do("click[< prev]", true, ExpertReasons.Reject(random, c.Listing.Asin, _shortfall.GetValueOrDefault(c.Listing.Asin, [])))) return;
                }
                if (visited.Count > 0 || page == MaxResultsPages || Left < 4) break;
                if (!Do("click[next >]", true, ExpertReasons.NextPage(random, page))) return;
            }
            BuyBestSeen(listingsFallback: PageReader.Results(_last.Observation));
        }

        int Shared(string title)
        {
            var words = new HashSet<string>(PageReader.Words(title));
            return _wanted.Count(words.Contains);
        }

        List<string> Missing(HashSet<string> explained) => _wanted.Where(w => !explained.Contains(w)).ToList();

        // On a product page: confirm the wanted words, then set options and buy (true: finished), or leave it (false).
        bool TryProduct(string asin, bool last)
        {
            var item = ReadItem();
            var choice = ChooseOptions(item);
            var explained = new HashSet<string>(PageReader.Words(item.Title));
            foreach (var g in item.Options) explained.UnionWith(PageReader.Words(g.Name));
            foreach (var (_, value) in choice) explained.UnionWith(PageReader.Words(value));
            // A requested option this product does not offer cannot be found on its sub-pages.
            var lacking = item.Options.Where(g => choice.All(c => c.Group != g.Name) && AsksFor(g)).Select(g => $"the requested {g.Name}").ToList();
            bool lacksOption = lacking.Count > 0;
            foreach (var (section, reserve) in new[] { ("description", 5), ("features", 7) })
            {
                var missing = Missing(explained);
                if (lacksOption || missing.Count == 0 || Left < choice.Count + reserve) break;
                if (!Do($"click[{section}]", true, ExpertReasons.Inspect(random, section, missing))) return true;
                explained.UnionWith(PageReader.Words(SubPageText(_last.Observation)));
                bool confirmed = Missing(explained).Count == 0;
                if (!Do("click[< prev]", !confirmed, ExpertReasons.BackToItem(random, confirmed))) return true;
            }
            if (item.HighPrice > _bound) lacking.Add("a price surely under the limit");
            _shortfall[asin] = [.. lacking, .. Missing(explained)];
            int missingCount = _shortfall[asin].Count;
            if (_best == null || missingCount < _best.Value.Missing) _best = (asin, missingCount);
            if (missingCount == 0) { SelectAndBuy(item, choice); return true; }
            // Look at another listing while the budget allows; otherwise settle for the closest product seen,
            // returning to it only if there are steps enough (back, open, options, buy).
            if (!last && Left >= choice.Count + 5) return false;
            if (_best.Value.Asin != asin && Left >= choice.Count + 3) return false;
            SelectAndBuy(item, choice);
            return true;
        }

        // Whether the instruction names this option group ("size: ...") or, for a colour group, any colour.
        bool AsksFor(OptionGroup group)
        {
            var nameWords = PageReader.Words(group.Name);
            if (nameWords.Count > 0 && nameWords.All(_instructionWords.Contains)) return true;
            return group.Name.Contains("color", StringComparison.Ordinal) && _instructionWords.Any(WebShopReward.ColorSet.Contains);
        }

        void BuyBestSeen(List<PageReader.Listing> listingsFallback)
        {
            string? asin = _best?.Asin ?? listingsFallback.FirstOrDefault()?.Asin;
            if (asin == null || _last.Done) return;
            bool onPage = env.AdmissibleActions.Contains($"click[{asin.ToLowerInvariant()}]");
            if (!onPage) return;
            if (!Do($"click[{asin.ToLowerInvariant()}]", false, ExpertReasons.Reopen(random, asin))) return;
            var item = ReadItem();
            SelectAndBuy(item, ChooseOptions(item));
        }

        void SelectAndBuy(PageReader.ItemPage item, List<(string Group, string Value)> choice)
        {
            foreach (var (group, value) in choice)
                if (!Do($"click[{value}]", false, ExpertReasons.Option(random, group, value))) return;
            Do("click[buy now]", false, ExpertReasons.Buy(random, item, _bound));
        }

        PageReader.ItemPage ReadItem()
        {
            var optionValues = env.AdmissibleActions
                .Select(a => a["click[".Length..^1])
                .Where(v => !PageButtons.Contains(v)).ToHashSet();
            return PageReader.Item(_last.Observation, optionValues);
        }

        // For each option group, the value the instruction names: best a value written out as a phrase after a cue
        // ("in navy blue", "size: 9", "pink color"), then one written out anywhere, then one whose words all appear.
        List<(string Group, string Value)> ChooseOptions(PageReader.ItemPage item)
        {
            string text = PageReader.WithoutPrice(_instruction);
            var choice = new List<(string, string)>();
            foreach (var group in item.Options)
            {
                var best = group.Values
                    .Select(v => (Value: v, Words: PageReader.Words(v)))
                    .Where(v => v.Words.Count > 0 && v.Words.All(_instructionWords.Contains))
                    .Select(v => (v.Value, Score: OptionScore(text, group.Name, v.Value) * 100 + v.Words.Count))
                    .OrderByDescending(v => v.Score).FirstOrDefault();
                if (best.Value != null) choice.Add((group.Name, best.Value));
            }
            return choice;
        }

        static int OptionScore(string text, string group, string value)
        {
            string[] cued = [$"in {value}", $"{value} {group}", $"{group} {value}", $"{group}: {value}", $"with {value}", $"size {value}", $"{value} color"];
            if (cued.Any(c => PageReader.ContainsPhrase(text, c))) return 2;
            return PageReader.ContainsPhrase(text, value) ? 1 : 0;
        }

        static string SubPageText(string observation)
        {
            int at = observation.IndexOf("< Prev", StringComparison.Ordinal);
            return at >= 0 ? observation[(at + "< Prev".Length)..] : "";
        }
    }
}
