namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Spike-count readout: the class whose neuron spiked most over the T steps; ties (for example no spikes at
/// all) go to the larger mean membrane potential, then to the lower index.
/// </summary>
public sealed class SpikeCountDecoder : ISpikeDecoder
{
    /// <inheritdoc />
    public int Decode(ReadOnlySpan<float> spikes, ReadOnlySpan<float> membrane, int steps, int classes)
    {
        int best = 0;
        double bestCount = double.NegativeInfinity, bestMembrane = double.NegativeInfinity;
        for (int k = 0; k < classes; k++)
        {
            double count = 0, sum = 0;
            for (int t = 0; t < steps; t++)
            {
                count += spikes[t * classes + k];
                sum += membrane[t * classes + k];
            }

            if (count > bestCount || (count == bestCount && sum > bestMembrane))
            {
                best = k;
                bestCount = count;
                bestMembrane = sum;
            }
        }

        return best;
    }
}
