using NeuroSim.Core.Engine;

namespace NeuroSim.Core.Recording;

/// <summary>
/// Online per-neuron spike statistics for every population, in O(neurons) memory: spike counts and the
/// coefficient of variation of inter-spike intervals.
/// </summary>
/// <remarks>
/// mean rate = spikes / (size × duration). cv_isi = mean over neurons with at least two ISIs (three spikes) of
/// std(ISI) / mean(ISI), population std (ddof = 0); ISIs are counted in whole steps, so sums are exact.
/// scripts/cuba_brian2.py computes the same figures from Brian2's spikes.
/// </remarks>
public sealed class SpikeStatistics : ISpikeObserver
{
    private readonly long[][] _count;
    private readonly long[][] _last;
    private readonly double[][] _sum;
    private readonly double[][] _sumSquares;

    /// <summary>Tracks populations of the given sizes.</summary>
    public SpikeStatistics(IReadOnlyList<int> sizes)
    {
        _count = sizes.Select(n => new long[n]).ToArray();
        _last = sizes.Select(n => new long[n]).ToArray();
        _sum = sizes.Select(n => new double[n]).ToArray();
        _sumSquares = sizes.Select(n => new double[n]).ToArray();
    }

    /// <inheritdoc/>
    public void OnSpikes(long step, int population, ReadOnlySpan<int> neurons)
    {
        long[] count = _count[population];
        long[] last = _last[population];
        double[] sum = _sum[population];
        double[] sumSquares = _sumSquares[population];
        foreach (int i in neurons)
        {
            if (count[i] > 0)
            {
                double isi = step - last[i];
                sum[i] += isi;
                sumSquares[i] += isi * isi;
            }

            count[i]++;
            last[i] = step;
        }
    }

    /// <inheritdoc/>
    public void OnStepEnd(long step)
    {
    }

    /// <summary>Spikes of population <paramref name="population"/>.</summary>
    public long Spikes(int population) => _count[population].Sum();

    /// <summary>Spikes per neuron of population <paramref name="population"/>.</summary>
    public IReadOnlyList<long> SpikesPerNeuron(int population) => _count[population];

    /// <summary>Mean rate in Hz over <paramref name="durationMs"/>.</summary>
    public double MeanRateHz(int population, double durationMs) =>
        _count[population].Length == 0 ? 0 : Spikes(population) / (_count[population].Length * durationMs / 1000.0);

    /// <summary>Mean per-neuron ISI CV (see remarks); NaN when no neuron fired three times.</summary>
    public double CvIsi(int population) => CvIsi([population]);

    /// <summary>Mean per-neuron ISI CV over the neurons of several populations together.</summary>
    public double CvIsi(IEnumerable<int> populations)
    {
        double total = 0;
        int neurons = 0;
        foreach (int population in populations)
        {
            Accumulate(population, ref total, ref neurons);
        }

        return neurons == 0 ? double.NaN : total / neurons;
    }

    private void Accumulate(int population, ref double total, ref int neurons)
    {
        for (int i = 0; i < _count[population].Length; i++)
        {
            long intervals = _count[population][i] - 1;
            if (intervals < 2)
            {
                continue;
            }

            double mean = _sum[population][i] / intervals;
            double variance = Math.Max(_sumSquares[population][i] / intervals - mean * mean, 0);
            total += Math.Sqrt(variance) / mean;
            neurons++;
        }
    }
}
