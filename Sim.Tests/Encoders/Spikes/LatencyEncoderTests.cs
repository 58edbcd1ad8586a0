using NeuroSim.Encoders.Spikes;

namespace NeuroSim.Tests.Encoders.Spikes;

public class LatencyEncoderTests
{
    [Fact]
    public void Encode_RandomIntensities_BrighterNeverSpikesLater_AndOnceAtMost()
    {
        const int n = 300, steps = 25;
        var rng = new Random(3);
        var x = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray();
        var spikes = new float[steps * n];
        var encoder = new LatencyEncoder(steps, threshold: 0.1f);
        encoder.Encode(x, spikes, 0);

        var first = new int[n];
        for (int i = 0; i < n; i++)
        {
            int count = 0;
            first[i] = -1;
            for (int t = 0; t < steps; t++)
            {
                if (spikes[t * n + i] == 1f)
                {
                    count++;
                    first[i] = t;
                }
            }

            Assert.Equal(x[i] > 0.1f ? 1 : 0, count);
            Assert.Equal(encoder.SpikeStep(x[i]), first[i]);
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (x[i] > x[j] && first[j] >= 0)
                {
                    Assert.True(first[i] <= first[j], $"x={x[i]} spiked at {first[i]} after x={x[j]} at {first[j]}");
                }
            }
        }
    }

    [Fact]
    public void SpikeStep_Extremes_FirstAndLastStep()
    {
        var encoder = new LatencyEncoder(25);
        Assert.Equal(0, encoder.SpikeStep(1f));
        Assert.Equal(24, encoder.SpikeStep(1e-6f));
        Assert.Equal(-1, encoder.SpikeStep(0f));
    }
}
