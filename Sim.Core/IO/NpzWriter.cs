using System.IO.Compression;

namespace NeuroSim.Core.IO;

/// <summary>
/// Writes a NumPy <c>.npz</c> archive: a zip file holding one <c>NAME.npy</c> entry per array, which
/// <c>numpy.load(path)[NAME]</c> reads with no extra package.
/// </summary>
/// <remarks>
/// Entries are stored uncompressed by default, as <c>numpy.savez</c> does, or deflated (as
/// <c>numpy.savez_compressed</c>) when asked. Each array is written by <see cref="NpyWriter"/>. To write a file
/// atomically, use <see cref="WriteFile"/>, which goes through <see cref="AtomicFile"/>.
/// </remarks>
public sealed class NpzWriter : IDisposable
{
    private readonly ZipArchive _archive;
    private readonly CompressionLevel _level;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Starts an archive on <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream; closed on dispose unless <paramref name="leaveOpen"/>.</param>
    /// <param name="compress">Deflate the entries (smaller, slower) instead of storing them.</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open when this writer is disposed.</param>
    public NpzWriter(Stream stream, bool compress = false, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen);
        _level = compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
    }

    /// <summary>The names added so far, in order of addition.</summary>
    public IReadOnlyList<string> Names => _order;

    /// <summary>Writes the archive at <paramref name="path"/> atomically; <c>fill</c> adds the arrays.</summary>
    public static void WriteFile(string path, Action<NpzWriter> fill, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(fill);
        AtomicFile.Write(path, stream =>
        {
            using var npz = new NpzWriter(stream, compress, leaveOpen: true);
            fill(npz);
        });
    }

    /// <summary>Adds the array <paramref name="name"/> shaped <paramref name="shape"/> (row-major values).</summary>
    /// <param name="name">The key numpy will show; not empty, no '/' or '\0', not used before.</param>
    /// <param name="values">The elements in row-major order.</param>
    /// <param name="shape">The dimensions; empty for a 0-d array.</param>
    /// <exception cref="ArgumentException">
    /// Bad or duplicate name, or a shape that does not match the values.
    /// </exception>
    public void Add<T>(string name, ReadOnlySpan<T> values, ReadOnlySpan<int> shape) where T : unmanaged
    {
        CheckName(name);
        ZipArchiveEntry entry = _archive.CreateEntry(name + ".npy", _level);
        using (Stream s = entry.Open())
        {
            NpyWriter.Write(s, values, shape);
        }

        _names.Add(name);
        _order.Add(name);
    }

    /// <summary>Adds a one-dimensional array.</summary>
    public void AddVector<T>(string name, ReadOnlySpan<T> values) where T : unmanaged =>
        Add(name, values, [values.Length]);

    /// <summary>Adds a 0-d array (a scalar).</summary>
    public void AddScalar<T>(string name, T value) where T : unmanaged =>
        Add(name, new ReadOnlySpan<T>(in value), ReadOnlySpan<int>.Empty);

    /// <summary>Finishes the archive (writes the zip directory).</summary>
    public void Dispose() => _archive.Dispose();

    private void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/') || name.Contains('\\') || name.Contains('\0'))
        {
            throw new ArgumentException($"array name '{name}' must not contain '/', '\\' or NUL", nameof(name));
        }

        if (_names.Contains(name))
        {
            throw new ArgumentException($"array name '{name}' was already added", nameof(name));
        }
    }
}
