using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Tests.Core.Engine.EventDriven;

/// <summary>The tabulated grid propagator against the closed form and against a brute-force grid scan.</summary>
public class GridPropagatorTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(977L)]
    [InlineData(4096L)]
    [InlineData(5000L)]
    public void Advance_WholeSteps_MatchesClosedForm(long k)
    {
        // Same functions evaluated at the same offsets: rounding only (1e-12 mV).
        var c = new LifConstants(20, 5, 10, -49, 2, -50);
        var s = new LifState(-57, 4.2, -7.5);
        var table = new GridPropagator(c, 0.1);
        var expected = LifClosedForm.Advance(c, s, k * 0.1);
        var actual = table.Advance(c, s, k);
        Assert.Equal(expected.V, actual.V, 1e-12);
        Assert.Equal(expected.XE, actual.XE, 1e-12);
        Assert.Equal(expected.XI, actual.XI, 1e-12);
    }

    [Fact]
    public void FirstCrossing_RandomStates_MatchesBruteForceScan()
    {
        // Oracle: test V at every grid point in turn. The search must return the same first step, including
        // crossings that fall back below threshold before the next grid point (those are not grid spikes).
        var rng = new Random(99);
        int found = 0;
        for (int n = 0; n < 400; n++)
        {
            var c = new LifConstants(5 + 25 * rng.NextDouble(), 0.5 + 10 * rng.NextDouble(),
                0.5 + 20 * rng.NextDouble(), -60, 12 * rng.NextDouble(), -50);
            var s = new LifState(-60 + 9.9 * rng.NextDouble(), 25 * rng.NextDouble(), -25 * rng.NextDouble());
            var table = new GridPropagator(c, 0.1);

            long expected = -1;
            for (long k = 1; k <= 3000; k++)
            {
                if (LifClosedForm.Advance(c, s, k * 0.1).V >= c.Threshold)
                {
                    expected = k;
                    break;
                }
            }

            Assert.Equal(expected, table.FirstCrossing(c, s, 3000));
            if (expected > 0)
                found++;
        }

        Assert.True(found > 50, $"test set-up: only {found} of 400 cases cross");
    }

    [Fact]
    public void FirstCrossing_ShortWindows_ScanEqualsAdvanceBitForBit()
    {
        // The first ScanSteps steps are tested several at a time; the result must be the first k <= maxSteps at
        // which Advance itself gives V >= V_t (same arithmetic), for windows shorter than, equal to and longer
        // than the scan and not multiples of the vector width.
        var rng = new Random(5);
        int found = 0;
        for (int n = 0; n < 2000; n++)
        {
            var c = new LifConstants(5 + 25 * rng.NextDouble(), 0.5 + 10 * rng.NextDouble(),
                0.5 + 20 * rng.NextDouble(), -60, 12 * rng.NextDouble(), -50);
            var s = new LifState(-51 + 0.99 * rng.NextDouble(), 12 * rng.NextDouble(), -6 * rng.NextDouble());
            var table = new GridPropagator(c, 0.1);
            long maxSteps = rng.Next(1, 2 * GridPropagator.ScanSteps + 8);
            long expected = -1;
            for (long k = 1; k <= maxSteps && expected < 0; k++)
                if (table.Advance(c, s, k).V >= c.Threshold)
                    expected = k;

            Assert.Equal(expected, table.FirstCrossing(c, s, maxSteps));
            found += expected > 0 ? 1 : 0;
        }

        Assert.True(found > 300, $"test set-up: only {found} of 2000 cases cross");
    }
}
