using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Cli.EventDriven;

/// <summary>
/// Streams the exact spike times of an event-driven run (exact timing) to a binary file as they come, then passes
/// each spike on to the next sink (the step-grouped observers). Records: float64 time (ms), int32 population,
/// int32 neuron, little-endian, no header; only recorded populations are written. Memory: the 64 KiB file buffer.
/// </summary>
public sealed class TimedSpikeFile : IEventSpikeSink, IDisposable
{
    private readonly BinaryWriter _writer;
    private readonly IReadOnlyList<bool> _recorded;
    private readonly IEventSpikeSink? _next;

    /// <summary>Creates (or truncates) <paramref name="path"/>; <paramref name="recorded"/>[p] says whether
    /// population p is written.</summary>
    public TimedSpikeFile(string path, IReadOnlyList<bool> recorded, IEventSpikeSink? next)
    {
        _recorded = recorded;
        _next = next;
        _writer = new BinaryWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));
    }

    /// <inheritdoc/>
    public void OnSpike(int population, int neuron, double time)
    {
        if (_recorded[population])
        {
            _writer.Write(time);
            _writer.Write(population);
            _writer.Write(neuron);
        }

        _next?.OnSpike(population, neuron, time);
    }

    /// <summary>Writes out the buffer.</summary>
    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    /// <summary>Reads a file written by this sink, in the order written (time order).</summary>
    public static (double TimeMs, int Population, int Neuron)[] ReadAll(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        long count = reader.BaseStream.Length / 16;
        var spikes = new (double, int, int)[count];
        for (long k = 0; k < count; k++)
        {
            spikes[k] = (reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32());
        }

        return spikes;
    }
}
