using NeuroSim.Core.Engine.EventDriven;

namespace NeuroSim.Tests.Core.Engine.EventDriven;

/// <summary>
/// The closed form against the textbook solutions of docs/oracles.md. Both sides are exact formulas evaluated
/// in double precision, so they agree to rounding (~1e-14 mV); the asserted 1e-9 is the project's bar.
/// </summary>
public class LifClosedFormTests
{
    private const double Tol = 1e-9;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(4.7)]
    [InlineData(33.3)]
    public void Advance_ConstantCurrent_MatchesOracle(double t)
    {
        // τ = 10 ms, C = 250 pF, I = 1000 pA → R·I = 10 ms / 250 pF · 1000 pA = 40 mV.
        var c = new LifConstants(10, 5, 10, -70, 40, -55);
        var v = LifClosedForm.Advance(c, new LifState(-65, 0, 0), t).V;

        double expected = -70 + 40 * (1 - Math.Exp(-t / 10)) + (-65 + 70) * Math.Exp(-t / 10);
        Assert.Equal(expected, v, Tol);
    }

    [Theory]
    [InlineData(20.0, 5.0)]
    [InlineData(20.0, 10.0)]
    [InlineData(5.0, 20.0)]
    public void Advance_ExponentialCurrentFromRest_MatchesPspOracle(double tauM, double tauS)
    {
        var c = new LifConstants(tauM, tauS, tauS, -49, 0, -50);
        double w = 1.62;
        for (double t = 0.05; t < 100; t += 0.77)
        {
            var s = LifClosedForm.Advance(c, new LifState(-49, w, 0), t);
            double expected = w * tauS / (tauM - tauS) * (Math.Exp(-t / tauM) - Math.Exp(-t / tauS));
            Assert.Equal(expected, s.V + 49, Tol);
            Assert.Equal(w * Math.Exp(-t / tauS), s.XE, Tol);
        }
    }

    [Fact]
    public void PspKernel_EqualTimeConstants_MatchesLimitOracle()
    {
        for (double t = 0.05; t < 100; t += 0.77)
            Assert.Equal(t / 10 * Math.Exp(-t / 10), LifClosedForm.PspKernel(t, 10, 10), Tol);
    }

    [Fact]
    public void PspKernel_NearlyEqualTimeConstants_IsContinuousWithLimit()
    {
        // τ_s = τ_m·(1 + 1e-10): the kernel differs from the limit by O(1e-10) relative; the naive difference
        // formula would lose ~10 digits here, the cancellation-free form loses none.
        for (double t = 0.05; t < 100; t += 0.77)
        {
            double limit = t / 10 * Math.Exp(-t / 10);
            Assert.Equal(limit, LifClosedForm.PspKernel(t, 10, 10 * (1 + 1e-10)), 1e-9 * limit + 1e-15);
            Assert.Equal(limit, LifClosedForm.PspKernel(t, 10 * (1 + 1e-10), 10), 1e-9 * limit + 1e-15);
        }
    }

    [Fact]
    public void PspKernel_PeakTime_MatchesOracle()
    {
        // t* = τ_m·τ_s/(τ_m − τ_s)·ln(τ_m/τ_s): the kernel's slope vanishes there (central difference, h = 1e-4 ms,
        // truncation error ~h²·K''' ≈ 1e-10).
        double tm = 20, ts = 5, h = 1e-4;
        double peak = tm * ts / (tm - ts) * Math.Log(tm / ts);
        double slope = (LifClosedForm.PspKernel(peak + h, tm, ts) - LifClosedForm.PspKernel(peak - h, tm, ts)) /
                       (2 * h);
        Assert.Equal(0, slope, 1e-8);
        Assert.True(LifClosedForm.PspKernel(peak, tm, ts) > LifClosedForm.PspKernel(peak + 0.01, tm, ts));
    }

    [Fact]
    public void Advance_TwoSteps_EqualsOneStep()
    {
        // Exact integration is a semigroup: advancing by t1 then t2 equals advancing by t1 + t2 (rounding only).
        var c = new LifConstants(20, 5, 10, -49, 3, -50);
        var s = new LifState(-57, 4.2, -7.5);
        var once = LifClosedForm.Advance(c, s, 3.7 + 11.9);
        var twice = LifClosedForm.Advance(c, LifClosedForm.Advance(c, s, 3.7), 11.9);
        Assert.Equal(once.V, twice.V, 1e-12);
        Assert.Equal(once.XE, twice.XE, 1e-12);
        Assert.Equal(once.XI, twice.XI, 1e-12);
    }

    [Theory]
    [InlineData(1e-12)]
    [InlineData(1e-7)]
    [InlineData(0.3)]
    [InlineData(-0.3)]
    [InlineData(-30)]
    public void ExpM1_AnyArgument_MatchesSeriesOrExp(double x)
    {
        double expected = Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;
        Assert.Equal(expected, LifClosedForm.ExpM1(x), Math.Abs(expected) * 1e-14);
    }
}
