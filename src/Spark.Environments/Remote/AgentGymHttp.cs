using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;
using Spark.Core.Randomness;

namespace Spark.Environments.Remote;

/// <summary>
/// JSON over HTTP to one environment server, synchronous (environments are stepped from rollout threads),
/// with a per-request timeout and Polly retries with exponential back-off for calls that are safe to repeat.
/// A 2xx answer whose body is an object carrying <c>"error"</c> is a failure (AgentGym's convention).
/// </summary>
public sealed class AgentGymHttp : IDisposable
{
    readonly HttpClient _client;
    readonly ResiliencePipeline _retry;

    public AgentGymHttp(Uri baseAddress, RemoteOptions options, HttpMessageHandler? handler = null)
    {
        BaseAddress = baseAddress;
        _client = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = baseAddress,
            Timeout = options.Timeout,
        };
        var jitter = Seeds.Random((ulong)options.Seed, baseAddress.Port);
        _retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RemoteEnvironmentException>(e => e.Transient),
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            MaxDelay = options.MaxRetryDelay,
            Randomizer = () => { lock (jitter) return jitter.NextDouble(); },
        }).Build();
        MaxRetries = options.MaxRetries;
    }

    public Uri BaseAddress { get; }
    int MaxRetries { get; }

    /// <summary>POSTs <paramref name="body"/> as JSON. <paramref name="retry"/>: only for idempotent routes.
    /// <paramref name="missingOk"/>: a 404 answers null instead of failing (AgentGym's missing <c>/close</c>).</summary>
    public JsonNode? Post(string path, JsonObject body, bool retry, bool missingOk = false) =>
        Send(() => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        }, $"POST {path}", retry, missingOk);

    /// <summary>GETs <paramref name="path"/>?<paramref name="query"/>; reads are always safe to retry.</summary>
    public JsonNode? Get(string path, string query, bool missingOk = false) =>
        Send(() => new HttpRequestMessage(HttpMethod.Get, $"{path}?{query}"), $"GET {path}", true, missingOk);

    JsonNode? Send(Func<HttpRequestMessage> request, string what, bool retry, bool missingOk) =>
        retry && MaxRetries > 0
            ? _retry.Execute(() => SendOnce(request, what, missingOk))
            : SendOnce(request, what, missingOk);

    JsonNode? SendOnce(Func<HttpRequestMessage> makeRequest, string what, bool missingOk)
    {
        using var request = makeRequest();
        HttpResponseMessage response;
        string text;
        try
        {
            response = _client.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (TaskCanceledException e)
        {
            throw new RemoteEnvironmentException(RemoteFailure.Unreachable, BaseAddress, $"{what}: no answer within {_client.Timeout.TotalSeconds:0.###} s", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RemoteEnvironmentException(RemoteFailure.Unreachable, BaseAddress, $"{what}: {e.Message}", e);
        }
        using (response)
        {
            var status = response.StatusCode;
            if (status == HttpStatusCode.NotFound && missingOk) return null;
            if (!response.IsSuccessStatusCode)
            {
                var kind = (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                    ? RemoteFailure.Unreachable : RemoteFailure.Rejected;
                throw new RemoteEnvironmentException(kind, BaseAddress, $"{what}: HTTP {(int)status} {Excerpt(ErrorText(text) ?? text)}");
            }
            JsonNode? node;
            try { node = JsonNode.Parse(text); }
            catch (JsonException e)
            {
                throw new RemoteEnvironmentException(RemoteFailure.Malformed, BaseAddress, $"{what}: answer is not JSON: {Excerpt(text)}", e);
            }
            if (ErrorText(node) is string error)
                throw new RemoteEnvironmentException(RemoteFailure.Rejected, BaseAddress, $"{what}: {error}");
            return node;
        }
    }

    static string? ErrorText(string text)
    {
        try { return ErrorText(JsonNode.Parse(text)); }
        catch (JsonException) { return null; }
    }

    static string? ErrorText(JsonNode? node) =>
        node is JsonObject obj && obj.TryGetPropertyValue("error", out var error) ? error?.ToString() ?? "error" : null;

    static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";

    public void Dispose() => _client.Dispose();
}
