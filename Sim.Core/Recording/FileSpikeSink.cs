using System.Runtime.InteropServices;

namespace NeuroSim.Core.Recording;

/// <summary>
/// Streams recorded spikes to a binary file as they come, so a long run does not hold them in memory:
/// 16-byte little-endian records (int64 step, int32 population, int32 neuron), no header.
/// </summary>
public sealed class FileSpikeSink : ISpikeSink, IDisposable
{
    private readonly FileStream _stream;

    /// <summary>Creates (or truncates) <paramref name="path"/>.</summary>
    public FileSpikeSink(string path)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        Prime();
    }

    /// <summary>The file written.</summary>
    public string Path { get; }

    /// <summary>Number of spikes written.</summary>
    public long Count { get; private set; }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<SpikeEvent> batch)
    {
        _stream.Write(MemoryMarshal.AsBytes(batch));
        Count += batch.Length;
    }

    /// <inheritdoc/>
    public void Complete() => _stream.Flush();

    public void Dispose() => _stream.Dispose();

    /// <summary>Writes, flushes and removes one record, so the stream's write path is compiled and its buffer
    /// allocated before a run starts rather than during it; the file is left empty.</summary>
    private void Prime()
    {
        Span<SpikeEvent> one = [default];
        _stream.Write(MemoryMarshal.AsBytes(one));
        _stream.Flush();
        _stream.SetLength(0);
        _stream.Position = 0;
    }

    /// <summary>Reads a file written by this sink.</summary>
    public static SpikeEvent[] ReadAll(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return MemoryMarshal.Cast<byte, SpikeEvent>(bytes).ToArray();
    }
}
