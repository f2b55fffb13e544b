using Spark.Core.Configuration;

namespace Spark.Training.Presets;

/// <summary>
/// Where the shipped base model lives: <c>models/spark-tiny-base/</c> at the repository root (the tiny Qwen2 preset
/// pretrained on environment text by <c>spark pretrain</c>). Found through <c>SPARK_MODELS</c> (a folder holding
/// spark-tiny-base) or by walking up from the program's folder and from the working directory.
/// </summary>
public static class BuiltInModel
{
    /// <summary>The name that stands for the shipped base model wherever a model folder is asked for.</summary>
    public const string Name = "tiny";

    public const string FolderName = "spark-tiny-base";

    public const string ModelsVariable = "SPARK_MODELS";

    /// <summary>The shipped base model's folder, or null when it cannot be found.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(ModelsVariable) is { Length: > 0 } root)
        {
            string candidate = Path.Combine(root, FolderName);
            return IsModel(candidate) ? candidate : null;
        }
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "models", FolderName);
                if (IsModel(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>"tiny" → the shipped base model; anything else must be a checkpoint folder. Errors name <paramref name="field"/>.</summary>
    public static string Resolve(string modelOrPath, string field)
    {
        if (string.Equals(modelOrPath, Name, StringComparison.OrdinalIgnoreCase))
            return Find() ?? throw new ConfigException(field,
                $"the built-in base model (models/{FolderName}) was not found; set {ModelsVariable} to the folder holding it, " +
                "or make it with `spark pretrain --out models/" + FolderName + "`");
        ConfigException.Require(IsModel(modelOrPath), field, $"'{modelOrPath}' is not a checkpoint folder (no config.json) and not '{Name}'");
        return modelOrPath;
    }

    static bool IsModel(string dir) => File.Exists(Path.Combine(dir, "config.json"));
}
