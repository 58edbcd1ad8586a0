using NeuroSim.Core.Engine;
using NeuroSim.Encoders.Sources;

namespace NeuroSim.Tests.Encoders.Sources;

public class PoissonSourcePopulationTests
{
    private static long[] Counts(PoissonSourcePopulation source, long steps, int blocks = 1)
    {
        var counts = new long[source.Size];
        var spikes = new SpikeBuffer(source.Size);
        int blockSize = (source.Size + blocks - 1) / blocks;
        for (long s = 0; s < steps; s++)
        {
            for (int start = 0; start < source.Size; start += blockSize)
            {
                spikes.Clear();
                source.Advance(s, start, Math.Min(start + blockSize, source.Size), default, spikes);
                foreach (int i in spikes.Indices)
                {
                    counts[i]++;
                }
            }
        }

        return counts;
    }

    [Fact]
    public void Advance_RateZero_NeverFires()
    {
        var source = new PoissonSourcePopulation("p", 100, 0.0, seed: 1);
        source.Prepare(0.1);

        Assert.All(Counts(source, 10_000), c => Assert.Equal(0, c));
    }

    [Fact]
    public void Advance_RateOneOverDt_FiresEveryStep()
    {
        var source = new PoissonSourcePopulation("p", 50, 10_000.0, seed: 1);
        source.Prepare(0.1);

        Assert.All(Counts(source, 2_000), c => Assert.Equal(2_000, c));
    }

    [Fact]
    public void Advance_ManyNeurons_CountsHaveBernoulliMeanAndFanoNearOne()
    {
        // 2000 neurons × 10,000 steps at 20 Hz: p = 0.002, n·p = 20 spikes each, variance n·p·(1 - p) = 19.96.
        // The sample mean has sd sqrt(20/2000) = 0.1 (band ±0.4 = 4 sd); the sample variance has relative sd
        // sqrt(2/2000) ≈ 3.2 % (Fano band 0.88..1.12 ≈ 4 sd).
        var source = new PoissonSourcePopulation("p", 2000, 20.0, seed: 42);
        source.Prepare(0.1);

        var counts = Counts(source, 10_000);

        double mean = counts.Average();
        double variance = counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1);
        Assert.InRange(mean, 19.6, 20.4);
        Assert.InRange(variance / mean, 0.88, 1.12);
    }

    [Fact]
    public void Advance_SameSeedDifferentBlocks_SameSpikes()
    {
        var a = new PoissonSourcePopulation("p", 300, 50.0, seed: 9);
        var b = new PoissonSourcePopulation("p", 300, 50.0, seed: 9);
        var c = new PoissonSourcePopulation("p", 300, 50.0, seed: 10);
        a.Prepare(0.1);
        b.Prepare(0.1);
        c.Prepare(0.1);

        var one = Counts(a, 2000, blocks: 1);
        var three = Counts(b, 2000, blocks: 3);
        var other = Counts(c, 2000);

        Assert.Equal(one, three);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Prepare_RateAboveOneOverDt_ThrowsNamingRate()
    {
        var source = new PoissonSourcePopulation("noise", 1, 20_000.0, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => source.Prepare(0.1));

        Assert.Equal("rate", error.ParamName);
        Assert.Contains("noise", error.Message);
        Assert.Contains("20000", error.Message);
    }

    [Fact]
    public void Constructor_NegativeRate_ThrowsNamingRate()
    {
        var error = Assert.Throws<ArgumentException>(() => new PoissonSourcePopulation("noise", 1, -1.0, seed: 1));

        Assert.Equal("rate", error.ParamName);
    }
}
