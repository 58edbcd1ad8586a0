using NeuroSim.Core.Engine;
using NeuroSim.Encoders.Sources;

namespace NeuroSim.Tests.Encoders.Sources;

public class RegularSourcePopulationTests
{
    private static List<long> SpikeSteps(RegularSourcePopulation source, long steps)
    {
        var result = new List<long>();
        var spikes = new SpikeBuffer(source.Size);
        for (long s = 0; s < steps; s++)
        {
            spikes.Clear();
            source.Advance(s, 0, source.Size, default, spikes);
            if (spikes.Count > 0)
            {
                Assert.Equal(source.Size, spikes.Count);
                result.Add(s);
            }
        }

        return result;
    }

    [Fact]
    public void Advance_100HzOn01msGrid_FiresEvery100Steps()
    {
        var source = new RegularSourcePopulation("r", 3, 100.0);
        source.Prepare(0.1);

        var steps = SpikeSteps(source, 1000);

        Assert.Equal([0L, 100, 200, 300, 400, 500, 600, 700, 800, 900], steps);
    }

    [Fact]
    public void Advance_PeriodNotWholeSteps_SpikeInTheStepContainingEachTime()
    {
        // 30 Hz: t_k = k·33.333 ms → steps floor(k·333.33) = 0, 333, 666, 1000, 1333, ...; no drift over 30 s.
        var source = new RegularSourcePopulation("r", 1, 30.0);
        source.Prepare(0.1);

        var steps = SpikeSteps(source, 300_000);

        Assert.Equal(900, steps.Count);
        Assert.Equal([0L, 333, 666, 1000, 1333], steps.Take(5));
        Assert.Equal(299_666, steps[^1]);
    }

    [Fact]
    public void Advance_Phase_FirstSpikeAtPhase()
    {
        var source = new RegularSourcePopulation("r", 1, 100.0, startMs: 2.5);
        source.Prepare(0.1);

        Assert.Equal([25L, 125], SpikeSteps(source, 200));
    }

    [Fact]
    public void Advance_RateZero_NeverFires()
    {
        var source = new RegularSourcePopulation("r", 1, 0.0);
        source.Prepare(0.1);

        Assert.Empty(SpikeSteps(source, 10_000));
    }

    [Fact]
    public void Advance_RateOneOverDt_FiresEveryStep()
    {
        var source = new RegularSourcePopulation("r", 1, 10_000.0);
        source.Prepare(0.1);

        Assert.Equal(1000, SpikeSteps(source, 1000).Count);
    }
}
