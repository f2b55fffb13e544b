using System.Text;

namespace Spark.Core.IO;

/// <summary>
/// Writes files so a reader (or a run killed half-way) sees either the old file or the new one, never a
/// torn one: write a temporary file in the same folder, flush it to disk, then rename it over the target.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        });

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy, 0, copy.Length));
    }

    /// <summary>Writes through <paramref name="write"/> into a temporary file, then renames it onto <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Replaces a whole folder atomically: <paramref name="fill"/> writes into a fresh sibling folder,
    /// which is then swapped in. A crash leaves either the old folder or the new one (plus a stray
    /// sibling that the next call removes).
    /// </summary>
    public static void ReplaceDirectory(string path, Action<string> fill)
    {
        string full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(full);
        string staging = Path.Combine(parent, $".{name}.staging");
        string old = Path.Combine(parent, $".{name}.old");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        Directory.CreateDirectory(staging);
        fill(staging);
        if (Directory.Exists(full)) Directory.Move(full, old);
        Directory.Move(staging, full);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }
}
