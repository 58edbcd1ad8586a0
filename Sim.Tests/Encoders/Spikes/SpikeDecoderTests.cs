using NeuroSim.Encoders.Spikes;

namespace NeuroSim.Tests.Encoders.Spikes;

public class SpikeDecoderTests
{
    // 3 steps × 3 classes, time-major. Class 1 spikes twice, class 2 once but first, class 0 has the largest membrane.
    private static readonly float[] Spikes = [0, 0, 1, 0, 1, 0, 0, 1, 0];
    private static readonly float[] Membrane = [5, 0, 1, 5, 1, 0, 5, 1, 0];

    [Fact]
    public void SpikeCount_MostSpikes_Wins() => Assert.Equal(1, new SpikeCountDecoder().Decode(Spikes, Membrane, 3, 3));

    [Fact]
    public void SpikeCount_NoSpikes_LargestMembraneWins() =>
        Assert.Equal(0, new SpikeCountDecoder().Decode(new float[9], Membrane, 3, 3));

    [Fact]
    public void MeanMembrane_LargestMean_Wins() =>
        Assert.Equal(0, new MeanMembraneDecoder().Decode(Spikes, Membrane, 3, 3));

    [Fact]
    public void FirstSpike_EarliestSpike_Wins() =>
        Assert.Equal(2, new FirstSpikeDecoder().Decode(Spikes, Membrane, 3, 3));
}
