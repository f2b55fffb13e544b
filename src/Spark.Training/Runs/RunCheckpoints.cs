using System.Security.Cryptography;
using System.Text.Json;
using Spark.Core.IO;

namespace Spark.Training.Runs;

/// <summary>What a checkpoint holds besides its files: where the run was and under which settings.</summary>
/// <param name="Step">The last completed iteration (or optimizer step) included in the checkpoint.</param>
/// <param name="ConfigFingerprint">A digest of the settings that must not change across a resume.</param>
/// <param name="Files">Relative path → SHA-256 of every file in the checkpoint folder.</param>
/// <param name="Extra">Small run state to restore (counters, schedule position), as text.</param>
public sealed record CheckpointManifest(int Step, string ConfigFingerprint, Dictionary<string, string> Files, Dictionary<string, string> Extra);

/// <summary>
/// Checkpoints of a training run, written so that a run killed at any moment (even SIGKILL) resumes from
/// its last complete checkpoint: each checkpoint folder is filled in a staging folder and swapped in whole,
/// its manifest lists a SHA-256 per file, and the pointer <c>latest.json</c> is written last, atomically.
/// A resume verifies every file and the settings fingerprint and refuses, naming the file and the problem,
/// when anything does not match.
/// </summary>
public sealed class RunCheckpoints(string runDir, int keep = 2)
{
    const string ManifestName = "checkpoint.json";
    readonly string _root = Path.Combine(runDir, "checkpoints");
    readonly string _latest = Path.Combine(runDir, "latest.json");

    /// <summary>Writes checkpoint <paramref name="step"/>: <paramref name="fill"/> writes the files into the given folder.</summary>
    public string Save(int step, string configFingerprint, Action<string> fill, IReadOnlyDictionary<string, string>? extra = null)
    {
        string dir = Path.Combine(_root, $"step-{step:D6}");
        AtomicFile.ReplaceDirectory(dir, staging =>
        {
            fill(staging);
            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f))
                .Where(f => f != ManifestName)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToDictionary(f => f, f => Sha256(Path.Combine(staging, f)));
            var manifest = new CheckpointManifest(step, configFingerprint, files, new Dictionary<string, string>(extra ?? new Dictionary<string, string>()));
            AtomicFile.WriteAllText(Path.Combine(staging, ManifestName), JsonSerializer.Serialize(manifest, JsonOptions));
        });
        AtomicFile.WriteAllText(_latest, JsonSerializer.Serialize(new { step, path = Path.GetRelativePath(runDir, dir) }, JsonOptions));
        Prune(step);
        return dir;
    }

    /// <summary>The latest checkpoint, verified; null when the run has none. Throws <see cref="InvalidDataException"/>
    /// naming the file when a checkpoint is corrupt or was written under other settings.</summary>
    public (string Dir, CheckpointManifest Manifest)? LoadLatest(string configFingerprint)
    {
        if (!File.Exists(_latest)) return null;
        string dir;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(_latest));
            dir = Path.Combine(runDir, doc.RootElement.GetProperty("path").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{_latest}: unreadable checkpoint pointer ({e.Message})");
        }
        return (dir, Verify(dir, configFingerprint));
    }

    /// <summary>Checks a checkpoint folder against its manifest and the expected settings.</summary>
    public static CheckpointManifest Verify(string dir, string configFingerprint)
    {
        string manifestPath = Path.Combine(dir, ManifestName);
        if (!File.Exists(manifestPath)) throw new InvalidDataException($"{manifestPath}: checkpoint manifest missing");
        CheckpointManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(manifestPath), JsonOptions)
                       ?? throw new InvalidDataException($"{manifestPath}: empty manifest");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{manifestPath}: corrupt manifest ({e.Message})");
        }
        if (manifest.ConfigFingerprint != configFingerprint)
            throw new InvalidDataException($"{manifestPath}: written under different settings (fingerprint {manifest.ConfigFingerprint}, " +
                                           $"this run {configFingerprint}); resume with the original settings or start a new run folder");
        foreach (var (file, hash) in manifest.Files)
        {
            string path = Path.Combine(dir, file);
            if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing from checkpoint");
            if (Sha256(path) != hash) throw new InvalidDataException($"{path}: corrupt (SHA-256 does not match the manifest)");
        }
        return manifest;
    }

    /// <summary>A short, stable digest of settings (JSON of the record) for <see cref="CheckpointManifest.ConfigFingerprint"/>.</summary>
    public static string Fingerprint(object settings) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(settings, settings.GetType())))[..16].ToLowerInvariant();

    void Prune(int newest)
    {
        if (!Directory.Exists(_root)) return;
        var old = Directory.GetDirectories(_root, "step-*")
            .Select(d => (Dir: d, Step: int.TryParse(Path.GetFileName(d)[5..], out int s) ? s : -1))
            .Where(x => x.Step >= 0 && x.Step <= newest)
            .OrderByDescending(x => x.Step)
            .Skip(keep);
        foreach (var (dir, _) in old) Directory.Delete(dir, recursive: true);
    }

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
