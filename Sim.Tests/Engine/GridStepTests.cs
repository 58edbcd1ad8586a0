using NeuroSim.Core.Engine;
using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Tests.Engine;

/// <summary>
/// Which step holds a time, far into a run: k·dt must map back to k (breaker finding: floor(t/dt + 1e-9) put
/// grid times one step early beyond ~10⁷ steps, in the event engine's recorder and the clock's spike-time input).
/// </summary>
public class GridStepTests
{
    [Theory]
    [InlineData(0.1, 0L)]
    [InlineData(0.1, 7L)]
    [InlineData(0.01, 58_287_947L)]
    [InlineData(0.1, 26_242_560L)]
    [InlineData(0.01, 1_000_000_003L)]
    [InlineData(0.025, 123_456_789_012L)]
    public void Containing_GridTime_GivesItsStep(double dt, long k)
    {
        Assert.Equal(k, GridStep.Containing(k * dt, dt));
    }

    [Fact]
    public void Containing_EveryGridTimeOfALongRun_GivesItsStep()
    {
        // Every 997th step up to 6e7 at dt = 0.01 ms (10 minutes of biological time).
        for (long k = 0; k < 60_000_000; k += 997)
            Assert.Equal(k, GridStep.Containing(k * 0.01, 0.01));
    }

    [Theory]
    [InlineData(1.04, 0.1, 10L)]
    [InlineData(1.0999, 0.1, 10L)]
    [InlineData(0.0, 0.1, 0L)]
    [InlineData(582879.475, 0.01, 58_287_947L)]
    public void Containing_OffGridTime_GivesTheStepThatHoldsIt(double time, double dt, long k)
    {
        Assert.Equal(k, GridStep.Containing(time, dt));
    }

    [Fact]
    public void SpikeTimeSource_LateGridTime_FiresInItsOwnStep()
    {
        var source = new SpikeTimeSourcePopulation("src", [[1.0, 582879.47]]);
        source.Prepare(0.01);
        var spikes = new SpikeBuffer(1);
        source.Advance(58_287_946, 0, 1, default, spikes);
        Assert.Equal(0, spikes.Count);
        source.Advance(58_287_947, 0, 1, default, spikes);
        Assert.Equal(1, spikes.Count);
    }

    [Fact]
    public void ObserverSink_LateGridTime_RecordedInItsStep()
    {
        var seen = new List<long>();
        var sink = new ObserverSpikeSink([new StepLog(seen)], 1, 0.01);
        sink.OnSpike(0, 0, 26_242_560 * 0.01);
        sink.FlushBefore(26_242_562);
        Assert.Equal([26_242_560L], seen);
    }

    private sealed class StepLog(List<long> seen) : ISpikeObserver
    {
        public void OnSpikes(long step, int population, ReadOnlySpan<int> neurons) => seen.Add(step);

        public void OnStepEnd(long step)
        {
        }
    }
}
