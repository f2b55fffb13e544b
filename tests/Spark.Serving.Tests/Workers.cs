using System.Collections.Concurrent;

namespace Spark.Serving.Tests;

/// <summary>Runs work items on dedicated threads (the clients block, and the in-process servers need the thread pool).</summary>
static class Workers
{
    public static void Run<T>(int threads, IEnumerable<T> items, Action<T> work)
    {
        var queue = new ConcurrentQueue<T>(items);
        var errors = new ConcurrentQueue<Exception>();
        var pool = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            while (queue.TryDequeue(out var item))
            {
                try { work(item); }
                catch (Exception e) { errors.Enqueue(e); }
            }
        })).ToList();
        pool.ForEach(t => t.Start());
        pool.ForEach(t => t.Join());
        if (!errors.IsEmpty) throw new AggregateException(errors);
    }
}
