namespace NeuroSim.Core.Engine;

/// <summary>
/// The indices of the neurons of one population (or one block of it) that spiked in the current step, in
/// ascending order. Preallocated to the population size, so adding never allocates.
/// </summary>
public sealed class SpikeBuffer
{
    private readonly int[] _indices;

    /// <summary>Creates a buffer able to hold every neuron of a population of <paramref name="capacity"/>.</summary>
    public SpikeBuffer(int capacity) => _indices = new int[Math.Max(capacity, 0)];

    /// <summary>How many neurons spiked.</summary>
    public int Count { get; private set; }

    /// <summary>The spiking neurons' indices.</summary>
    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    /// <summary>Appends one neuron index; callers append in ascending order.</summary>
    public void Add(int neuron) => _indices[Count++] = neuron;

    /// <summary>Appends every index of <paramref name="other"/>.</summary>
    public void AddRange(SpikeBuffer other)
    {
        other.Indices.CopyTo(_indices.AsSpan(Count));
        Count += other.Count;
    }

    /// <summary>Empties the buffer for the next step.</summary>
    public void Clear() => Count = 0;
}
