namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Reads a class out of a spiking readout layer: one neuron per class, observed for T steps.
/// </summary>
/// <remarks>
/// Both rasters are time-major, <c>[t * classes + k]</c>: <c>spikes</c> holds the output spikes
/// (0/1, or values in [0, 1] for soft neurons) and <c>membrane</c> the membrane potential after
/// each step's update.
/// </remarks>
public interface ISpikeDecoder
{
    /// <summary>The predicted class of one sample.</summary>
    int Decode(ReadOnlySpan<float> spikes, ReadOnlySpan<float> membrane, int steps, int classes);
}
