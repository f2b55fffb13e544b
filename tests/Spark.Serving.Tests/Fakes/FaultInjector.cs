using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Spark.Serving.Tests.Fakes;

/// <summary>What to do to one request.</summary>
public enum Fault { None, GarbledAfterApplying, NotJson, WrongShape, ErrorInOk, Slow }

/// <summary>
/// Middleware that breaks chosen requests the ways real servers break: answers that are not JSON or lack
/// fields (after the step was applied, or instead of it), a 200 carrying "error", answers that come too late.
/// </summary>
public sealed class FaultInjector(Func<string, int, Fault> choose, TimeSpan slowBy)
{
    readonly Dictionary<string, int> _counts = [];
    readonly Lock _lock = new();

    public int Injected;

    public void Install(IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        string path = ctx.Request.Path.Value ?? "";
        int n;
        lock (_lock) n = _counts[path] = _counts.GetValueOrDefault(path) + 1;
        var fault = choose(path, n);
        if (fault != Fault.None) Interlocked.Increment(ref Injected);
        switch (fault)
        {
            case Fault.None:
                await next(ctx);
                break;
            case Fault.GarbledAfterApplying:
                var real = ctx.Features.Get<IHttpResponseBodyFeature>()!;
                ctx.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new MemoryStream()));
                await next(ctx);
                ctx.Features.Set(real);
                ctx.Response.ContentLength = null;
                await ctx.Response.WriteAsync("{\"observation\": \"half an ans", Encoding.UTF8);
                break;
            case Fault.NotJson:
                await ctx.Response.WriteAsync("<html>502 Bad Gateway</html>");
                break;
            case Fault.WrongShape:
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("{\"observation\": 5, \"done\": \"maybe\"}");
                break;
            case Fault.ErrorInOk:
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("{\"error\": \"injected failure\"}");
                break;
            case Fault.Slow:
                try { await Task.Delay(slowBy, ctx.RequestAborted); }
                catch (OperationCanceledException) { return; }
                await next(ctx);
                break;
        }
    });
}
