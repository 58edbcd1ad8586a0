using NeuroSim.Core.Recording;

namespace NeuroSim.Tests.Recording;

public class SpikeStatisticsTests
{
    [Fact]
    public void CvIsi_KnownIntervals_MatchesHandComputedValue()
    {
        // Neuron 0: ISIs 10, 20 → mean 15, std 5 (ddof 0) → CV 1/3. Neuron 1: ISIs 4, 4, 4 → CV 0.
        // Neuron 2 fires twice (one ISI) and is left out. Mean over neurons 0 and 1: 1/6.
        var stats = new SpikeStatistics([3]);
        foreach (long step in new long[] { 0, 10, 30 })
        {
            stats.OnSpikes(step, 0, [0]);
        }

        foreach (long step in new long[] { 1, 5, 9, 13 })
        {
            stats.OnSpikes(step, 0, [1]);
        }

        stats.OnSpikes(2, 0, [2]);
        stats.OnSpikes(50, 0, [2]);

        Assert.Equal(1.0 / 6.0, stats.CvIsi(0), 12);
        Assert.Equal(9, stats.Spikes(0));
        Assert.Equal(9 / (3 * 0.1), stats.MeanRateHz(0, 100.0), 12);
    }

    [Fact]
    public void CvIsi_NoNeuronWithTwoIntervals_IsNaN()
    {
        var stats = new SpikeStatistics([2]);
        stats.OnSpikes(1, 0, [0, 1]);

        Assert.True(double.IsNaN(stats.CvIsi(0)));
    }
}
