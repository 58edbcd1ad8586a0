using NeuroSim.Encoders.Spikes;

namespace NeuroSim.Tests.Encoders.Spikes;

public class PoissonEncoderTests
{
    [Fact]
    public void Encode_ManyInputs_CountMeanAndVarianceMatchBinomial()
    {
        // 20,000 inputs of intensity 0.6 at 500 Hz, dt 1 ms: p = 0.3 per step, T = 50 → count ~ Binomial(50, 0.3),
        // mean 15, variance 10.5. Standard errors: mean sqrt(10.5/20000) = 0.023, variance ≈ 10.5·sqrt(2/20000)
        // ≈ 0.105 (plus a small kurtosis term); tolerances are 5 standard errors.
        const int n = 20_000, steps = 50;
        var encoder = new PoissonEncoder(steps, maxRateHz: 500, dtMs: 1, seed: 11);
        var x = Enumerable.Repeat(0.6f, n).ToArray();
        var spikes = new float[steps * n];
        encoder.Encode(x, spikes, sampleKey: 3);

        var counts = new double[n];
        for (int t = 0; t < steps; t++)
        {
            for (int i = 0; i < n; i++)
            {
                counts[i] += spikes[t * n + i];
            }
        }

        double mean = counts.Average();
        double variance = counts.Sum(c => (c - mean) * (c - mean)) / (n - 1);
        Assert.InRange(mean, 15 - 0.12, 15 + 0.12);
        Assert.InRange(variance, 10.5 - 0.55, 10.5 + 0.55);
        Assert.All(spikes, s => Assert.True(s == 0f || s == 1f));
    }

    [Fact]
    public void Encode_SameSeedAndKey_SameSpikes_DifferentSeedOrKey_DifferentSpikes()
    {
        var x = Enumerable.Range(0, 100).Select(i => i / 100f).ToArray();
        float[] Run(ulong seed, ulong key)
        {
            var s = new float[25 * 100];
            new PoissonEncoder(25, 1000, 1, seed).Encode(x, s, key);
            return s;
        }

        Assert.Equal(Run(5, 9), Run(5, 9));
        Assert.NotEqual(Run(5, 9), Run(6, 9));
        Assert.NotEqual(Run(5, 9), Run(5, 10));
    }

    [Fact]
    public void Encode_ZeroAndFullIntensityAtMaxRate_NeverAndAlwaysSpike()
    {
        // r_max · dt = 1: intensity 1 spikes every step (p = 1), intensity 0 never (oracles: Poisson sources).
        var spikes = new float[10 * 2];
        new PoissonEncoder(10, 1000, 1, 1).Encode([0f, 1f], spikes, 0);
        for (int t = 0; t < 10; t++)
        {
            Assert.Equal(0f, spikes[t * 2]);
            Assert.Equal(1f, spikes[t * 2 + 1]);
        }
    }

    [Fact]
    public void Constructor_RateTimesDtAboveOne_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonEncoder(10, 2000, 1, 1));
        Assert.Contains("2000 Hz", ex.Message);
        Assert.Contains("≤ 1 spike per step", ex.Message);
    }
}
