namespace NeuroSim.Encoders.Spikes;

/// <summary>
/// Time-to-first-spike readout: the class whose neuron spikes first (a value ≥ 0.5 counts as a spike);
/// ties go to the larger mean membrane potential, then the lower index; when no neuron spikes, the largest
/// mean membrane potential decides.
/// </summary>
public sealed class FirstSpikeDecoder : ISpikeDecoder
{
    /// <inheritdoc />
    public int Decode(ReadOnlySpan<float> spikes, ReadOnlySpan<float> membrane, int steps, int classes)
    {
        int best = 0, bestTime = int.MaxValue;
        double bestMembrane = double.NegativeInfinity;
        for (int k = 0; k < classes; k++)
        {
            int first = int.MaxValue;
            double sum = 0;
            for (int t = 0; t < steps; t++)
            {
                if (first == int.MaxValue && spikes[t * classes + k] >= 0.5f)
                {
                    first = t;
                }

                sum += membrane[t * classes + k];
            }

            if (first < bestTime || (first == bestTime && sum > bestMembrane))
            {
                best = k;
                bestTime = first;
                bestMembrane = sum;
            }
        }

        return best;
    }
}
