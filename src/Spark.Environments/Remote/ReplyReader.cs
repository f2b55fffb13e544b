using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spark.Environments.Remote;

/// <summary>Reads fields out of a server's answer; anything missing or mistyped is a
/// <see cref="RemoteFailure.Malformed"/> failure naming the route and the field.</summary>
readonly struct ReplyReader(Uri server, string route, JsonNode? node)
{
    public JsonObject Object => node as JsonObject ?? throw Bad("an object", node);

    public JsonArray Array => node as JsonArray ?? throw Bad("an array", node);

    public string String(string field) => Field(field) is JsonValue v && v.TryGetValue(out string? s) ? s : throw Bad(field, "a string");

    public double Double(string field) => Field(field) is JsonValue v && v.TryGetValue(out double d) ? d : throw Bad(field, "a number");

    public long Long(string field) => Field(field) is JsonValue v && v.TryGetValue(out long n) ? n : throw Bad(field, "an integer");

    public bool Bool(string field) => Field(field) is JsonValue v && v.TryGetValue(out bool b) ? b : throw Bad(field, "true or false");

    public IReadOnlyList<string> Strings(string field) => StringsOf(Field(field), field);

    public long AsLong() => node is JsonValue v && v.TryGetValue(out long n) ? n : throw Bad("an integer", node);

    public string AsString() => node is JsonValue v && v.TryGetValue(out string? s) ? s : throw Bad("a string", node);

    public IReadOnlyList<string> AsStrings() => StringsOf(node, "answer");

    /// <summary>The <c>"spark"</c> extension, present only when the server is Spark's.</summary>
    public SparkStepInfo? Spark()
    {
        if (!Object.TryGetPropertyValue(SparkStepInfo.Key, out var ext) || ext == null) return null;
        try { return ext.Deserialize<SparkStepInfo>() ?? throw Bad(SparkStepInfo.Key, "an object"); }
        catch (JsonException e) { throw Bad(SparkStepInfo.Key, $"a Spark step record ({e.Message})"); }
    }

    JsonNode? Field(string field) =>
        Object.TryGetPropertyValue(field, out var value) ? value : throw Bad(field, "present");

    IReadOnlyList<string> StringsOf(JsonNode? value, string field)
    {
        if (value is not JsonArray items) throw Bad(field, "a list of strings");
        var list = new List<string>(items.Count);
        foreach (var item in items)
            list.Add(item is JsonValue v && v.TryGetValue(out string? s) ? s : throw Bad(field, "a list of strings"));
        return list;
    }

    RemoteEnvironmentException Bad(string field, string expected) =>
        new(RemoteFailure.Malformed, server, $"{route}: field '{field}' is not {expected}");

    RemoteEnvironmentException Bad(string expected, JsonNode? got) =>
        new(RemoteFailure.Malformed, server, $"{route}: answer is not {expected}: {Excerpt(got?.ToJsonString() ?? "null")}");

    static string Excerpt(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
