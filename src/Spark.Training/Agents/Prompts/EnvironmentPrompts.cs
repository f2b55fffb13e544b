using Spark.Core.Configuration;

namespace Spark.Training.Agents.Prompts;

/// <summary>The prompt piece of each environment, by environment name. Add a line here for a new environment.</summary>
public static class EnvironmentPrompts
{
    static readonly Dictionary<string, IEnvironmentPrompts> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [AlfworldPrompts.Instance.Name] = AlfworldPrompts.Instance,
        [ScienceWorldPrompts.Instance.Name] = ScienceWorldPrompts.Instance,
        [WebShopPrompts.Instance.Name] = WebShopPrompts.Instance,
    };

    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>The prompt piece for <paramref name="environment"/> (a <see cref="Spark.Core.Environments.TaskInfo.Env"/> value).</summary>
    public static IEnvironmentPrompts For(string environment) =>
        Known.TryGetValue(environment, out var prompts)
            ? prompts
            : throw new ConfigException("env", $"no prompts for environment '{environment}'; known: {string.Join(", ", Names)}");
}
