using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Neurons.Lif;

public class LifPropagatorTests
{
    [Fact]
    public void SynapticGain_TimeConstantsNearlyEqual_ApproachesTheEqualLimitSmoothly()
    {
        // The general form divides by tau_m - tau_s; the expm1 form must stay accurate as they approach
        // each other. K is smooth in tau_s with slope of order h/tau², so a 1e-9 relative step moves it ~1e-12.
        double limit = LifPropagator.SynapticGain(10.0, 10.0, 0.1);
        double near = LifPropagator.SynapticGain(10.0, 10.0 * (1 + 1e-9), 0.1);

        Assert.Equal(0.1 / 10.0 * Math.Exp(-0.01), limit, 15);
        Assert.InRange(near, limit - 1e-12, limit + 1e-12);
    }

    [Fact]
    public void SynapticGain_DistinctTimeConstants_MatchesTheDirectFormula()
    {
        double direct = 5.0 / 15.0 * (Math.Exp(-0.1 / 20.0) - Math.Exp(-0.1 / 5.0));

        Assert.Equal(direct, LifPropagator.SynapticGain(20.0, 5.0, 0.1), 14);
    }

    [Theory]
    [InlineData(1e-20)]
    [InlineData(-3e-9)]
    [InlineData(0.5)]
    [InlineData(-2.0)]
    public void ExpM1_MatchesSeriesOrExp(double x)
    {
        double expected = Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;

        Assert.Equal(expected, LifPropagator.ExpM1(x), 1e-15 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void For_RefractoryTenSteps_GivesTenSteps()
    {
        var f = LifPropagator.For(LifHarness.Oracle(refractory: 1.0), 0.1);

        Assert.Equal(10, f.RefractorySteps);
        Assert.Equal(Math.Exp(-0.01), f.Pm, 15);
    }
}
