using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spark.Reporting.Tests.Browser;

/// <summary>
/// A minimal Chrome DevTools Protocol client over one WebSocket: numbered commands with their replies, and
/// events handed to <see cref="Event"/>. Enough for the report's rendering test, without Node.js or a driver.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    readonly ClientWebSocket _socket = new();
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    readonly CancellationTokenSource _stop = new();
    Task _receiving = Task.CompletedTask;
    int _nextId;

    /// <summary>Raised on the receive loop for every event: (method, params).</summary>
    public event Action<string, JsonElement>? Event;

    public static async Task<DevToolsConnection> Open(Uri endpoint)
    {
        var connection = new DevToolsConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await connection._socket.ConnectAsync(endpoint, timeout.Token);
        connection._receiving = Task.Run(connection.Receive);
        return connection;
    }

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error throws with the method's name.</summary>
    public async Task<JsonElement> Send(string method, object? parameters = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method };
        if (parameters != null) message["params"] = JsonSerializer.SerializeToNode(parameters);
        byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        var done = await Task.WhenAny(reply.Task, Task.Delay(CommandTimeout));
        if (done != reply.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"DevTools command {method} got no reply in {CommandTimeout.TotalSeconds} s");
        }
        var response = await reply.Task;
        if (response.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"DevTools command {method} failed: {error}");
        return response.GetProperty("result").Clone();
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (promises awaited).</summary>
    public async Task<JsonElement> Evaluate(string expression)
    {
        var result = await Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var details))
            throw new InvalidOperationException($"page script failed: {details}");
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    async Task Receive()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var chunk = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (chunk.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, chunk.Count);
                if (!chunk.EndOfMessage) continue;
                using (var doc = JsonDocument.Parse(message.ToArray()))
                {
                    var root = doc.RootElement;
                    if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
                        reply.TrySetResult(root.Clone());
                    else if (root.TryGetProperty("method", out var method))
                        Event?.Invoke(method.GetString()!, root.TryGetProperty("params", out var p) ? p.Clone() : default);
                }
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // closed by Dispose or by the browser exiting; pending commands fail below
        }
        foreach (var pending in _pending.Values)
            pending.TrySetException(new InvalidOperationException("DevTools connection closed"));
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // the browser may already be gone
        }
        await _receiving.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { });
        _socket.Dispose();
        _stop.Dispose();
    }
}
