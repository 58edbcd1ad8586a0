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

    [Theory]
    [InlineData(25)]
    [InlineData(7)]
    [InlineData(1)]
    public void EncodeByInput_AnyStepCount_SameSpikesAsDenseRaster(int steps)
    {
        // The sparse path draws eight steps per vector plus a scalar tail; every count of steps must list exactly
        // the raster's spikes, input by input, steps ascending. Intensities cover 0, tiny, mid, 1 and out of range.
        const int n = 50;
        var encoder = new PoissonEncoder(steps, maxRateHz: 800, dtMs: 1, seed: 5);
        var x = Enumerable.Range(0, n).Select(i => (i % 6) switch
        {
            0 => 0f, 1 => 1e-7f, 2 => 0.5f, 3 => 1f, 4 => 1.5f, _ => -0.2f,
        }).ToArray();
        var raster = new float[steps * n];
        encoder.Encode(x, raster, sampleKey: 9);
        var start = new int[n + 1];
        var list = new int[steps * n];
        int count = encoder.EncodeByInput(x, 9, start, list);
        Assert.Equal(raster.Count(v => v == 1f), count);
        for (int i = 0; i < n; i++)
        {
            var expected = Enumerable.Range(0, steps).Where(t => raster[t * n + i] == 1f);
            Assert.Equal(expected, list[start[i]..start[i + 1]]);
        }
    }

    [Fact]
    public void EncodeByInput_ListTooShort_ThrowsNamingTheSizes()
    {
        var encoder = new PoissonEncoder(10, 1000, 1, 1);
        var e = Assert.Throws<ArgumentException>(() => encoder.EncodeByInput(new float[4], 0, new int[5], new int[39]));
        Assert.Contains("10 × 4", e.Message);
    }
}
