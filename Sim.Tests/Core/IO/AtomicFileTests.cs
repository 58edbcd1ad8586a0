using NeuroSim.Core.IO;

namespace NeuroSim.Tests.Core.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WriteAllBytes_NewFile_HasContentAndNoTemporaryLeft()
    {
        string path = Path.Combine(_folder, "x.bin");

        AtomicFile.WriteAllBytes(path, [1, 2, 3]);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void WriteAllText_ExistingFile_IsReplaced()
    {
        string path = Path.Combine(_folder, "x.txt");
        File.WriteAllText(path, "old content that is longer");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void Write_CallbackThrows_OldFileUntouchedAndTemporaryRemoved()
    {
        string path = Path.Combine(_folder, "x.txt");
        File.WriteAllText(path, "old");

        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write([9, 9, 9]);
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", ex.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Write_DuringWrite_TemporaryIsInSameFolderAndTargetStillOld()
    {
        string path = Path.Combine(_folder, "x.txt");
        File.WriteAllText(path, "old");
        string[] during = [];
        string targetDuring = "";

        AtomicFile.Write(path, s =>
        {
            s.Write("new"u8);
            s.Flush();
            during = Directory.GetFiles(_folder).Where(f => f != path).ToArray();
            targetDuring = File.ReadAllText(path);
        });

        Assert.Single(during);
        Assert.True(AtomicFile.IsTemporaryFor(during[0], path), during[0]);
        Assert.Equal("old", targetDuring);
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void Write_MissingFolder_ThrowsDirectoryNotFound()
    {
        string path = Path.Combine(_folder, "missing", "x.txt");

        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllText(path, "x"));
    }

    [Fact]
    public void IsTemporaryFor_OtherNames_False()
    {
        Assert.False(AtomicFile.IsTemporaryFor("/a/x.txt", "/a/x.txt"));
        Assert.False(AtomicFile.IsTemporaryFor("/a/.y.txt.0123456789abcdef0123456789abcdef.tmp", "/a/x.txt"));
        Assert.True(AtomicFile.IsTemporaryFor("/a/.x.txt.0123456789abcdef0123456789abcdef.tmp", "/a/x.txt"));
    }
}
