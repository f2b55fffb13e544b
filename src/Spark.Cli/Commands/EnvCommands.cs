using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spark.Core.Environments;
using Spark.Core.Randomness;
using Spark.Environments;

namespace Spark.Cli.Commands;

/// <summary><c>spark env play|expert|stats ENV</c>: the same three commands for every built-in environment.</summary>
public static class EnvCommands
{
    static readonly Argument<string> EnvArgument = new("env") { Description = "Environment: alfworld, scienceworld or webshop." };
    static readonly Option<int> SeedOption = new("--seed") { Description = "Seed of the generated worlds and splits.", DefaultValueFactory = _ => 1 };
    static readonly Option<int?> MaxStepsOption = new("--max-steps") { Description = "Step limit per episode (default: the paper's)." };
    static readonly Option<string?> DataOption = new("--data") { Description = "Folder with the original environment's data files (WebShop)." };
    static readonly Option<string[]> SetOption = new("--set") { Description = "Suite-specific setting NAME=VALUE (repeatable).", AllowMultipleArgumentsPerToken = true };

    public static Command Create()
    {
        var env = new Command("env", "Built-in environments: play a task, print expert episodes, show split sizes.");
        env.Subcommands.Add(Play());
        env.Subcommands.Add(Expert());
        env.Subcommands.Add(Stats());
        return env;
    }

    static IEnvironmentSuite Suite(ParseResult r)
    {
        var extra = new Dictionary<string, string>();
        foreach (var kv in r.GetValue(SetOption) ?? [])
        {
            int eq = kv.IndexOf('=');
            if (eq <= 0) throw new Spark.Core.Configuration.ConfigException("--set", $"expected NAME=VALUE, got '{kv}'");
            extra[kv[..eq]] = kv[(eq + 1)..];
        }
        return EnvironmentRegistry.Create(r.GetValue(EnvArgument)!,
            new SuiteOptions(r.GetValue(SeedOption), r.GetValue(MaxStepsOption), r.GetValue(DataOption), extra));
    }

    /// <summary>The first split after the training split (L0, or WebShop's test).</summary>
    static string DefaultSplit(IEnvironmentSuite suite) => suite.Splits.Count > 1 ? suite.Splits[1] : suite.Splits[0];

    static Command WithSuiteOptions(Command c)
    {
        c.Arguments.Add(EnvArgument);
        c.Options.Add(SeedOption);
        c.Options.Add(MaxStepsOption);
        c.Options.Add(DataOption);
        c.Options.Add(SetOption);
        return c;
    }

    static Command Play()
    {
        var split = new Option<string?>("--split") { Description = "Split to take the task from (default: the first evaluation split)." };
        var index = new Option<int>("--index") { Description = "Task index within the split.", DefaultValueFactory = _ => 0 };
        var c = WithSuiteOptions(new Command("play", "Play one task: type actions, read observations. Reads one action per line when input is not a terminal."));
        c.Options.Add(split);
        c.Options.Add(index);
        c.SetAction(r =>
        {
            var suite = Suite(r);
            var env = suite.Create(r.GetValue(split) ?? DefaultSplit(suite), r.GetValue(index));
            bool interactive = !Console.IsInputRedirected;
            var result = env.Reset();
            Console.WriteLine($"[{env.Task.Id}] {env.Task.TaskType}");
            Console.WriteLine(result.Observation);
            while (!result.Done)
            {
                if (interactive)
                {
                    Console.WriteLine($"admissible: {string.Join(" | ", env.AdmissibleActions)}");
                    Console.Write("> ");
                }
                string? line = Console.ReadLine();
                if (line == null) break;
                if (!interactive) Console.WriteLine($"> {line}");
                result = env.Step(line.Trim());
                Console.WriteLine(result.Observation);
            }
            Console.WriteLine($"done={result.Done} won={result.Won} score={result.Score:0.###} steps={env.StepCount}");
            return 0;
        });
        return c;
    }

    static Command Expert()
    {
        var split = new Option<string?>("--split") { Description = "Split to take tasks from (default: the first evaluation split)." };
        var count = new Option<int>("--count") { Description = "Number of tasks (from index 0).", DefaultValueFactory = _ => 10 };
        var c = WithSuiteOptions(new Command("expert", "Print expert episodes as JSON lines: task_type, goal, steps (observation, action, explore, reason), won, length."));
        c.Options.Add(split);
        c.Options.Add(count);
        c.SetAction(r =>
        {
            var suite = Suite(r);
            var expert = suite.Expert ?? throw new InvalidOperationException($"{suite.Name} has no expert");
            string s = r.GetValue(split) ?? DefaultSplit(suite);
            int n = Math.Min(r.GetValue(count), suite.Count(s));
            var options = new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
            for (int i = 0; i < n; i++)
            {
                var env = suite.Create(s, i);
                var traj = expert.Solve(env, env.Reset(), Seeds.Random((ulong)r.GetValue(SeedOption), i));
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    task_id = traj.Task.Id,
                    task_type = traj.Task.TaskType,
                    goal = traj.Task.Goal,
                    steps = traj.Steps.Select(st => new { observation = st.Observation, action = st.Action, explore = st.Explore, reason = st.Reason }),
                    won = traj.Won,
                    length = traj.Steps.Count,
                }, options));
            }
            return 0;
        });
        return c;
    }

    static Command Stats()
    {
        var c = WithSuiteOptions(new Command("stats", "Print the size of each split by task type."));
        c.SetAction(r =>
        {
            var suite = Suite(r);
            foreach (var split in suite.Splits)
            {
                int n = suite.Count(split);
                var byType = Enumerable.Range(0, n).Select(i => suite.Describe(split, i).TaskType)
                    .GroupBy(t => t).OrderBy(g => g.Key, StringComparer.Ordinal);
                Console.WriteLine($"{split,-6} {n,6}  " + string.Join(", ", byType.Select(g => $"{g.Key} {g.Count()}")));
            }
            return 0;
        });
        return c;
    }
}
