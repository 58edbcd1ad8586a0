namespace NeuroSim.Core.Recording;

/// <summary>Keeps every recorded spike in memory (for tests, plots and short runs).</summary>
public sealed class MemorySpikeSink : ISpikeSink
{
    private readonly List<SpikeEvent> _events = [];

    /// <summary>The spikes in the order received (step order; within a step, population then neuron order).</summary>
    public IReadOnlyList<SpikeEvent> Events => _events;

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<SpikeEvent> batch)
    {
        foreach (var e in batch)
        {
            _events.Add(e);
        }
    }

    /// <inheritdoc/>
    public void Complete()
    {
    }
}
