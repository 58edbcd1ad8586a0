namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// An <see cref="ISpikeEncoder"/> that can also list a sample's spikes input by input, without writing the dense
/// [T, n] raster: for sparse input (rate-coded images) the list is a few percent of the raster's size, and the
/// spiking trainer consumes lists anyway.
/// </summary>
public interface ISparseSpikeEncoder : ISpikeEncoder
{
    /// <summary>
    /// Lists the spikes that <see cref="ISpikeEncoder.Encode"/> would write for the same arguments: the steps at
    /// which input i spikes, ascending, are <c>steps[inputStart[i] .. inputStart[i + 1])</c>; every spike has
    /// value 1.
    /// </summary>
    /// <param name="intensities">The sample, one value per input neuron (n values).</param>
    /// <param name="sampleKey">As for <see cref="ISpikeEncoder.Encode"/>.</param>
    /// <param name="inputStart">Receives n + 1 offsets into <paramref name="steps"/>.</param>
    /// <param name="steps">Receives the spike steps; must hold up to <see cref="ISpikeEncoder.Steps"/> × n.</param>
    /// <returns>The number of spikes.</returns>
    int EncodeByInput(ReadOnlySpan<float> intensities, ulong sampleKey, Span<int> inputStart, Span<int> steps);
}
