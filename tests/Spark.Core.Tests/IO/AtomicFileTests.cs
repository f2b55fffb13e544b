using Spark.Core.IO;

namespace Spark.Core.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spark-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Writes_and_replaces_without_leaving_temporaries()
    {
        string path = Path.Combine(_dir, "sub", "a.json");
        AtomicFile.WriteAllText(path, "one");
        AtomicFile.WriteAllText(path, "two");
        Assert.Equal("two", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_failing_writer_leaves_the_old_file()
    {
        string path = Path.Combine(_dir, "b.txt");
        AtomicFile.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("killed half-way");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Replaces_a_directory_whole()
    {
        string target = Path.Combine(_dir, "ckpt");
        AtomicFile.ReplaceDirectory(target, d => File.WriteAllText(Path.Combine(d, "x"), "1"));
        AtomicFile.ReplaceDirectory(target, d => File.WriteAllText(Path.Combine(d, "y"), "2"));
        Assert.Equal(new[] { "y" }, Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Single(Directory.GetDirectories(_dir));
    }
}
