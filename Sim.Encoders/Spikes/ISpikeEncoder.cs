namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Turns one sample's intensities (each in [0, 1]; values outside are clamped) into a spike raster of
/// <see cref="Steps"/> time steps.
/// </summary>
/// <remarks>
/// The raster is time-major: <c>spikes[t * n + i]</c> is 1 when input <c>i</c> spikes at step <c>t</c>, else 0
/// (n = intensities.Length). Encoders are deterministic functions of their seed, the sample key and the
/// intensities, so the same sample encoded on any thread gives the same raster.
/// </remarks>
public interface ISpikeEncoder
{
    /// <summary>Number of time steps of the raster.</summary>
    int Steps { get; }

    /// <summary>Writes the raster of one sample into <paramref name="spikes"/> (length Steps × n).</summary>
    /// <param name="intensities">The sample, one value per input neuron.</param>
    /// <param name="spikes">Destination, time-major, length <see cref="Steps"/> × intensities.Length.</param>
    /// <param name="sampleKey">Identifies the presentation (for example epoch and sample index) for the random
    /// stream.</param>
    void Encode(ReadOnlySpan<float> intensities, Span<float> spikes, ulong sampleKey);
}
