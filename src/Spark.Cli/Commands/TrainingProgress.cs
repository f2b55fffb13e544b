using Spectre.Console;

namespace Spark.Cli.Commands;

/// <summary>
/// A Spectre.Console progress bar for long training commands: the work reports (step, total, text) and logs lines.
/// When output is redirected (logs, CI) it prints a plain line every 5% instead.
/// </summary>
internal static class TrainingProgress
{
    /// <summary>Sets TorchSharp's intra-op threads (0 leaves the default, one per core).</summary>
    public static void SetThreads(int threads)
    {
        if (threads < 0) throw new Spark.Core.Configuration.ConfigException("--threads", $"must be 0 (default) or more, got {threads}");
        if (threads == 0) return;
        Spark.Models.Runtime.TorchRuntime.EnsureLoadable();
        TorchSharp.torch.set_num_threads(threads);
    }

    public static T Run<T>(string label, Func<Action<int, int?, string>, Action<string>, T> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            int lastPrinted = -1;
            return work((step, total, text) =>
            {
                int bucket = total is int t and > 0 ? step * 20 / t : step / 50;
                if (bucket == lastPrinted && step != total) return;
                lastPrinted = bucket;
                Console.WriteLine($"{label} {step}/{total?.ToString() ?? "?"} {text}");
            }, Console.WriteLine);
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, autoStart: true, maxValue: 1);
                result = work((step, total, text) =>
                {
                    if (total is int t) task.MaxValue = t;
                    task.Value = step;
                    task.Description = $"{label} {step}/{total?.ToString() ?? "?"} {Markup.Escape(text)}";
                }, line => AnsiConsole.MarkupLine(Markup.Escape(line)));
            });
        return result;
    }
}
