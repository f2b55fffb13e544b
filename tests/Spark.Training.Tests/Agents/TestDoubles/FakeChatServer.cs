using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Spark.Training.Tests.Agents.TestDoubles;

/// <summary>
/// An OpenAI-compatible chat endpoint on 127.0.0.1 for tests: each POST to /v1/chat/completions is answered by
/// <c>reply(requestBody)</c>, which returns (status, assistant content). Requests are kept for inspection.
/// </summary>
public sealed class FakeChatServer : IDisposable
{
    readonly HttpListener _listener = new();
    readonly Func<JsonNode, (int Status, string Content)> _reply;
    readonly Task _loop;

    public FakeChatServer(Func<JsonNode, (int Status, string Content)> reply)
    {
        _reply = reply;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string Url { get; }

    public List<(JsonNode Body, string? Authorization, string Path)> Requests { get; } = [];

    async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            lock (Requests) Requests.Add((body, context.Request.Headers["Authorization"], context.Request.Url!.AbsolutePath));
            (int status, string content) = (500, "handler failed");
            try { (status, content) = _reply(body); }
            catch (Exception e) { content = e.GetType().Name; }
            string json = status == 200
                ? new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content } }) }.ToJsonString()
                : $"{{\"error\": \"{content}\"}}";
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
