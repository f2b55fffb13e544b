using System.Text.Json;
using System.Text.Json.Serialization;
using Spark.Core.IO;

namespace Spark.Reporting.Input;

/// <summary>Reads and writes report-input.json (schema <c>spark.report-input/1</c>).</summary>
public static class ReportInputJson
{
    public const string Schema = "spark.report-input/1";

    /// <summary>camelCase names, enums as camelCase strings, NaN/Infinity as strings, unknown fields rejected (a typo is an error).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Serialize(ReportInput input) => JsonSerializer.Serialize(input, Options);

    /// <summary>Writes <paramref name="input"/> atomically.</summary>
    public static void Write(string path, ReportInput input) => AtomicFile.WriteAllText(path, Serialize(input) + "\n");

    /// <summary>Parses and validates; malformed JSON or a bad field throws <see cref="InvalidDataException"/> naming it.</summary>
    public static ReportInput Parse(string json, string source = "report input")
    {
        ReportInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ReportInput>(json, Options);
        }
        catch (JsonException e)
        {
            string where = e.Path is { Length: > 0 } p ? $" at {p}" : "";
            throw new InvalidDataException($"{source}{where}: {e.Message}", e);
        }
        if (input == null) throw new InvalidDataException($"{source}: empty document");
        try
        {
            ReportInputValidator.Validate(input);
        }
        catch (Spark.Core.Configuration.ConfigException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
        return input;
    }

    public static ReportInput Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"report input not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }
}
