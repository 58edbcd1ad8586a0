using System.Runtime.InteropServices;

namespace NeuroSim.Core.IO;

/// <summary>
/// Writes files so that a reader, or a process killed at any moment, sees either the old file or the new one,
/// never a torn one.
/// </summary>
/// <remarks>
/// Protocol: the content goes to a temporary file in the same folder (named <c>.NAME.RANDOM.tmp</c>, so that the
/// final rename never crosses a file system), is flushed to the device (<c>fsync</c> through
/// <see cref="FileStream.Flush(bool)"/>), and is then renamed over the target, which POSIX <c>rename(2)</c> does
/// atomically. On Linux the folder is flushed afterwards too, so that the rename itself survives a power cut.
/// A process killed before the rename leaves a stale temporary file beside the target; it never replaces the
/// target and can be deleted (see <see cref="IsTemporaryFor"/>).
/// </remarks>
public static partial class AtomicFile
{
    private const int BufferSize = 1 << 20;

    /// <summary>
    /// Writes <paramref name="path"/> atomically with whatever <paramref name="write"/> puts in the stream.
    /// </summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="write">Writes the whole content; if it throws, the target is left untouched.</param>
    /// <exception cref="IOException">The temporary file could not be written, flushed or renamed.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new IOException($"{path}: has no parent folder");
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");

        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        FlushFolder(folder);
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/>, atomically.
    /// </summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(text);
        });
    }

    /// <summary>
    /// True when <paramref name="candidate"/> is a temporary file that <see cref="Write"/> creates for
    /// <paramref name="target"/> (a leftover of a killed writer when found on disk).
    /// </summary>
    public static bool IsTemporaryFor(string candidate, string target)
    {
        string name = Path.GetFileName(candidate);
        string prefix = "." + Path.GetFileName(target) + ".";
        return name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal)
            && name.Length == prefix.Length + 32 + 4;
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original exception matters more; a stale temporary file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Makes the rename durable: on Linux a rename is only on disk once the folder's own entry is flushed.
    // Best effort: a failure here cannot undo the rename, and the content itself was already flushed.
    private static void FlushFolder(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return;
        }

        _ = FSync(fd);
        _ = Close(fd);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
