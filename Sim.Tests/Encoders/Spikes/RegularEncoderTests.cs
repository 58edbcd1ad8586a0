using NeuroSim.Encoders.Spikes;

namespace NeuroSim.Tests.Encoders.Spikes;

public class RegularEncoderTests
{
    [Fact]
    public void Encode_AnyIntensity_CountIsFloorOrCeilOfRateTimesSteps()
    {
        const int n = 200, steps = 25;
        var x = Enumerable.Range(0, n).Select(i => i / (float)(n - 1)).ToArray();
        var spikes = new float[steps * n];
        new RegularEncoder(steps, 1000, 1, 4).Encode(x, spikes, 0);
        for (int i = 0; i < n; i++)
        {
            double count = 0;
            for (int t = 0; t < steps; t++)
            {
                count += spikes[t * n + i];
            }

            double expected = x[i] * steps;
            Assert.InRange(count, Math.Floor(expected), Math.Ceiling(expected));
        }
    }

    [Fact]
    public void Encode_SameSeed_SameSpikes()
    {
        var x = new[] { 0.3f, 0.5f, 0.9f };
        var a = new float[30];
        var b = new float[30];
        new RegularEncoder(10, 1000, 1, 8).Encode(x, a, 2);
        new RegularEncoder(10, 1000, 1, 8).Encode(x, b, 2);
        Assert.Equal(a, b);
    }
}
