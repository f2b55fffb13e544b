namespace Spark.Core.Configuration;

/// <summary>A bad setting: the message names the field, the value and what is accepted.</summary>
public sealed class ConfigException(string field, string problem)
    : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;

    public static void Require(bool condition, string field, string problem)
    {
        if (!condition) throw new ConfigException(field, problem);
    }
}
