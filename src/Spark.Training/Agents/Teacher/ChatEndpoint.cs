using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spark.Core.Configuration;
using Spark.Core.Text;

namespace Spark.Training.Agents.Teacher;

/// <summary>Where and how to reach an OpenAI-compatible chat endpoint.</summary>
/// <param name="Url">The API base (e.g. <c>http://127.0.0.1:8000/v1</c>); <c>/chat/completions</c> is appended
/// unless the URL already ends with it.</param>
/// <param name="Model">The model name sent with each request.</param>
/// <param name="ApiKey">Sent as a bearer token when set.</param>
/// <param name="Attempts">Tries per request (network errors, non-success status, unreadable replies).</param>
/// <param name="RetryDelay">Wait before the second try; doubles after each failure.</param>
public sealed record ChatEndpointOptions(
    string Url,
    string Model,
    string? ApiKey = null,
    int Attempts = 3,
    TimeSpan? RetryDelay = null,
    TimeSpan? Timeout = null)
{
    public const string UrlVariable = "SPARK_TEACHER_URL";
    public const string ModelVariable = "SPARK_TEACHER_MODEL";
    public const string KeyVariable = "SPARK_TEACHER_API_KEY";

    /// <summary>Options from explicit values, falling back to the environment variables
    /// SPARK_TEACHER_URL, SPARK_TEACHER_MODEL and SPARK_TEACHER_API_KEY.</summary>
    public static ChatEndpointOptions Resolve(string? url, string? model, string? apiKey)
    {
        url ??= Environment.GetEnvironmentVariable(UrlVariable);
        model ??= Environment.GetEnvironmentVariable(ModelVariable);
        apiKey ??= Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(url)) throw new ConfigException("teacher.url", $"no endpoint: pass --teacher-url or set {UrlVariable}");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ConfigException("teacher.url", $"expected an http(s) URL, got '{url}'");
        if (string.IsNullOrWhiteSpace(model)) throw new ConfigException("teacher.model", $"no model: pass --teacher-model or set {ModelVariable}");
        return new ChatEndpointOptions(url, model, string.IsNullOrEmpty(apiKey) ? null : apiKey);
    }
}

/// <summary>
/// A minimal client of the OpenAI chat-completions API (<c>POST {url}/chat/completions</c> with model,
/// messages, temperature and max_tokens; the reply's <c>choices[0].message.content</c>), which vLLM,
/// llama.cpp's server, Ollama and the hosted APIs all speak. Retries with exponential back-off.
/// </summary>
public sealed class ChatEndpoint : IDisposable
{
    readonly HttpClient _http;
    readonly Uri _completions;

    public ChatEndpoint(ChatEndpointOptions options, HttpMessageHandler? handler = null)
    {
        Options = options;
        _http = handler == null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = options.Timeout ?? TimeSpan.FromMinutes(5);
        string url = options.Url.TrimEnd('/');
        _completions = new Uri(url.EndsWith("/chat/completions", StringComparison.Ordinal) ? url : url + "/chat/completions");
        if (options.ApiKey != null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
    }

    public ChatEndpointOptions Options { get; }

    /// <summary>The assistant's reply to <paramref name="messages"/>; throws <see cref="HttpRequestException"/>
    /// when every attempt failed.</summary>
    public async Task<string> CompleteAsync(IReadOnlyList<ChatMessage> messages, double temperature, int maxTokens, CancellationToken cancel = default)
    {
        var body = new JsonObject
        {
            ["model"] = Options.Model,
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]),
            ["temperature"] = temperature,
            ["max_tokens"] = maxTokens,
        };
        var delay = Options.RetryDelay ?? TimeSpan.FromSeconds(1);
        Exception? last = null;
        for (int attempt = 1; attempt <= Math.Max(1, Options.Attempts); attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(delay, cancel);
                delay *= 2;
            }
            try
            {
                using var response = await _http.PostAsJsonAsync(_completions, body, cancel);
                string text = await response.Content.ReadAsStringAsync(cancel);
                if (!response.IsSuccessStatusCode)
                {
                    last = new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}: {Clip(text)}");
                    continue;
                }
                return ReadContent(text);
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException
                                      or TaskCanceledException { CancellationToken.IsCancellationRequested: false })
            {
                last = e;
            }
        }
        throw new HttpRequestException($"chat endpoint {_completions} failed after {Options.Attempts} attempt(s): {last?.Message}", last);
    }

    public void Dispose() => _http.Dispose();

    static string ReadContent(string json)
    {
        var content = JsonNode.Parse(json)?["choices"]?[0]?["message"]?["content"];
        return content?.GetValueKind() == JsonValueKind.String
            ? content.GetValue<string>()
            : throw new InvalidDataException($"no choices[0].message.content in the reply: {Clip(json)}");
    }

    static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
