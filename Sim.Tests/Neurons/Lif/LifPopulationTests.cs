using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Neurons.Lif;

public class LifPopulationTests
{
    // Float32 state: V near -70 mV carries a rounding of ~4e-6 mV per step; the exact propagator adds no
    // discretisation error, so the closed form must hold to a few float ulps accumulated (2e-4 mV).
    private const double FloatTolerance = 2e-4;

    [Fact]
    public void Advance_ConstantCurrentBelowThreshold_FollowsClosedFormAtEveryGridPoint()
    {
        var harness = new LifHarness(LifHarness.Oracle(threshold: 0.0));
        harness.Population.AddCurrent(1000, null);

        for (int n = 1; n <= 1000; n++)
        {
            Assert.False(harness.Advance());
            double t = n * harness.Dt;
            double expected = -70.0 + 40.0 * (1 - Math.Exp(-t / 10.0));
            Assert.InRange(harness.Population.V[0], expected - FloatTolerance, expected + FloatTolerance);
        }
    }

    [Fact]
    public void Advance_ConstantCurrent_FirstSpikeInTheGridStepContainingTheClosedFormTime()
    {
        // T = tau·ln((E_l + RI - V_r)/(E_l + RI - V_t)) = 10·ln(40/25) = 4.70004 ms: in step 47, [4.7, 4.8) ms.
        double t = 10.0 * Math.Log(40.0 / 25.0);
        var harness = new LifHarness(LifHarness.Oracle());
        harness.Population.AddCurrent(1000, null);

        var spikes = harness.SpikeSteps(48);

        Assert.Equal((long)Math.Floor(t / 0.1), Assert.Single(spikes));
        Assert.Equal(47, spikes[0]);
    }

    [Theory]
    [InlineData(1000.0, 2.0)]
    [InlineData(700.0, 2.0)]
    [InlineData(2500.0, 5.0)]
    public void Advance_ConstantCurrent_RateMatchesClosedFormWithinOneStep(double currentPa, double tRef)
    {
        // Period = t_ref + tau·ln((E_l + RI - V_r)/(E_l + RI - V_t)); on the grid each crossing is found in the
        // step that contains it, so every ISI is within one dt of the period (rounded down, never up by more).
        double ri = currentPa * 10.0 / 250.0;
        double period = tRef + 10.0 * Math.Log(ri / (ri - 15.0));
        var harness = new LifHarness(LifHarness.Oracle(refractory: tRef));
        harness.Population.AddCurrent(currentPa, null);

        var spikes = harness.SpikeSteps(10_000);

        Assert.True(spikes.Count > 10);
        for (int k = 1; k < spikes.Count; k++)
        {
            double isi = (spikes[k] - spikes[k - 1]) * 0.1;
            Assert.InRange(isi, period - 0.1, period + 1e-9);
        }

        double rate = 1000.0 * (spikes.Count - 1) / ((spikes[^1] - spikes[0]) * 0.1);
        Assert.InRange(rate, 1000.0 / period, 1000.0 / (period - 0.1));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(3)]
    [InlineData(1)]
    public void Advance_AlwaysDriven_EveryIsiIsExactlyTheRefractorySteps(int k)
    {
        // E_l + R·I = 40 V above rest: any unclamped step crosses threshold, so the neuron fires at its first
        // chance, every k steps; a single k + 1 would mean time compared in floating point.
        var harness = new LifHarness(LifHarness.Oracle(refractory: k * 0.1));
        harness.Population.AddCurrent(1e6, null);

        var spikes = harness.SpikeSteps(5000);

        Assert.Equal(0, spikes[0]);
        for (int i = 1; i < spikes.Count; i++)
        {
            Assert.Equal(k, spikes[i] - spikes[i - 1]);
        }

        Assert.Equal((5000 + k - 1) / k, spikes.Count);
    }

    [Fact]
    public void Advance_DuringRefractoryPeriod_MembraneHeldAtResetWhileSynapsesDecay()
    {
        var harness = new LifHarness(LifHarness.Oracle(refractory: 1.0));
        harness.Population.AddCurrent(1e6, null);
        Assert.True(harness.Advance());
        harness.Population.AddCurrent(-1e6, null);

        harness.InE[0] = 5f;
        for (int n = 1; n < 10; n++)
        {
            Assert.False(harness.Advance());
            Assert.Equal(-70f, harness.Population.V[0]);
        }

        Assert.True(harness.Population.Ge[0] > 0 && harness.Population.Ge[0] < 5f);
        harness.Advance();
        Assert.True(harness.Population.V[0] > -70f);
    }

    [Theory]
    [InlineData(20.0, 5.0)]
    [InlineData(10.0, 10.0)]
    [InlineData(5.0, 20.0)]
    public void Advance_SingleExcitatoryJump_PspMatchesClosedForm(double tauM, double tauS)
    {
        // V - E_l = w·tau_s/(tau_m - tau_s)·(e^(-t/tau_m) - e^(-t/tau_s)); for tau_m = tau_s: (w·t/tau)·e^(-t/tau).
        const double w = 2.0;
        var harness = new LifHarness(LifHarness.Oracle(threshold: 100.0, tauE: tauS, tauM: tauM));
        harness.InE[0] = (float)w;

        for (int n = 1; n <= 600; n++)
        {
            harness.Advance();
            double t = n * harness.Dt;
            double psp = tauM == tauS
                ? w * t / tauM * Math.Exp(-t / tauM)
                : w * tauS / (tauM - tauS) * (Math.Exp(-t / tauM) - Math.Exp(-t / tauS));
            Assert.InRange(harness.Population.V[0] + 70.0, psp - FloatTolerance, psp + FloatTolerance);
        }
    }

    [Fact]
    public void Advance_InhibitoryJump_UsesInhibitoryTimeConstantAndSign()
    {
        var harness = new LifHarness(LifHarness.Oracle(threshold: 100.0, tauE: 2.0, tauI: 8.0, tauM: 20.0));
        harness.InI[0] = -3f;

        for (int n = 0; n < 100; n++)
        {
            harness.Advance();
        }

        double t = 10.0;
        double psp = -3.0 * 8.0 / 12.0 * (Math.Exp(-t / 20.0) - Math.Exp(-t / 8.0));
        Assert.InRange(harness.Population.V[0] + 70.0, psp - FloatTolerance, psp + FloatTolerance);
    }

    [Fact]
    public void Prepare_RefractoryNotWholeSteps_ThrowsNamingTRef()
    {
        var population = new LifPopulation("exc", 1, LifHarness.Oracle(refractory: 0.25));

        var error = Assert.Throws<ArgumentException>(() => population.Prepare(0.1));

        Assert.Contains("t_ref", error.Message);
        Assert.Contains("0.25", error.Message);
    }

    [Fact]
    public void Constructor_ResetNotBelowThreshold_ThrowsNamingVReset()
    {
        var p = LifHarness.Oracle() with { Reset = -50.0 };

        var error = Assert.Throws<ArgumentException>(() => new LifPopulation("exc", 1, p));

        Assert.Contains("v_reset", error.Message);
        Assert.Contains("exc", error.Message);
    }

    [Fact]
    public void Variable_UnknownName_ThrowsListingTheKnownOnes()
    {
        var population = new LifPopulation("exc", 1, LifHarness.Oracle());

        var error = Assert.Throws<ArgumentException>(() => population.Variable("u"));

        Assert.Contains("g_e", error.Message);
    }
}
