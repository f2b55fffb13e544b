using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Spark.Serving.Http;

/// <summary>A request that does not fit the route's schema; answered 422 like FastAPI/pydantic.</summary>
public sealed class UnprocessableRequestException(string location, string field, string message) : Exception(message)
{
    public IResult ToResult() => Results.Json(
        new { detail = new[] { new { loc = new[] { location, field }, msg = Message, type = "value_error" } } },
        statusCode: StatusCodes.Status422UnprocessableEntity);
}

/// <summary>Reads AgentGym request fields: JSON bodies for POST, query strings for GET. Integers are read the
/// way pydantic's lax mode does (a JSON integer, an integral number, or a numeric string).</summary>
public static class RequestReader
{
    /// <summary>The body as a JSON object; an empty body (POST /create sends none) reads as {}.</summary>
    public static async Task<JsonElement> BodyAsync(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty) return EmptyObject();
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new UnprocessableRequestException("body", "", "request body must be a JSON object");
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new UnprocessableRequestException("body", "", $"invalid JSON: {e.Message}");
        }
    }

    public static long Long(JsonElement body, string field) =>
        OptionalLong(body, field) ?? throw new UnprocessableRequestException("body", field, "field required");

    public static int Int(JsonElement body, string field) => checked((int)Long(body, field));

    /// <summary>Null when the field is missing or JSON null.</summary>
    public static long? OptionalLong(JsonElement body, string field)
    {
        if (!body.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n)) return n;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e15) return (long)d;
        if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), out n)) return n;
        throw new UnprocessableRequestException("body", field, "value is not a valid integer");
    }

    public static string String(JsonElement body, string field)
    {
        if (!body.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
            throw new UnprocessableRequestException("body", field, "field required");
        if (v.ValueKind != JsonValueKind.String)
            throw new UnprocessableRequestException("body", field, "str type expected");
        return v.GetString()!;
    }

    public static long QueryLong(HttpContext ctx, string field)
    {
        string? text = ctx.Request.Query[field];
        if (text == null) throw new UnprocessableRequestException("query", field, "field required");
        if (!long.TryParse(text, out long n)) throw new UnprocessableRequestException("query", field, "value is not a valid integer");
        return n;
    }

    static JsonElement EmptyObject()
    {
        using var doc = JsonDocument.Parse("{}");
        return doc.RootElement.Clone();
    }
}
