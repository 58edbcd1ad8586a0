namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Membrane readout: the class whose neuron has the largest mean membrane potential over the T steps
/// (ties to the lower index). Suits non-spiking (integrator) readouts trained on the membrane.
/// </summary>
public sealed class MeanMembraneDecoder : ISpikeDecoder
{
    /// <inheritdoc />
    public int Decode(ReadOnlySpan<float> spikes, ReadOnlySpan<float> membrane, int steps, int classes)
    {
        int best = 0;
        double bestSum = double.NegativeInfinity;
        for (int k = 0; k < classes; k++)
        {
            double sum = 0;
            for (int t = 0; t < steps; t++)
            {
                sum += membrane[t * classes + k];
            }

            if (sum > bestSum)
            {
                best = k;
                bestSum = sum;
            }
        }

        return best;
    }
}
