using NeuroSim.Learning.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>
/// The scaled traces against the direct sum Σ e^(−(t − t_k)/τ) over a neuron's spikes, across many moves of the
/// reference time. Tolerance 1e-12 relative: the scaled form multiplies two exponentials of arguments up to
/// <see cref="LazyTraces.RebaseAt"/>, each correct to an ulp, so it may differ from the direct sum by ~1e-14;
/// absolute 1e-200 because traces below that are flushed to 0 when the reference time moves.
/// </summary>
public class LazyTracesTests
{
    private const double Tau = 20;

    [Fact]
    public void At_RandomSpikesOverLongRun_MatchesDirectSum()
    {
        var rng = new Random(5);
        var traces = new LazyTraces(3, Tau);
        var spikes = new List<double>[] { [], [], [] };
        double t = 0;
        for (int n = 0; n < 3000; n++)
        {
            // Gaps up to 40 ms, and now and then 10 s (500·τ), so the reference time moves many times.
            t += n % 500 == 0 ? 10_000 : 40 * rng.NextDouble();
            int i = rng.Next(3);
            traces.Spike(i, t, reset: false);
            spikes[i].Add(t);
            for (int j = 0; j < 3; j++)
            {
                double direct = spikes[j].Sum(s => Math.Exp(-(t - s) / Tau));
                Assert.Equal(direct, traces.At(j, t), Math.Max(direct * 1e-12, 1e-200));
            }
        }

        Assert.True(t / Tau > 20 * LazyTraces.RebaseAt);
    }

    [Fact]
    public void Spike_Reset_SetsTraceToOneThenDecays()
    {
        var traces = new LazyTraces(1, Tau);
        traces.Spike(0, 5000, reset: false);
        traces.Spike(0, 5001, reset: false);
        traces.Spike(0, 5002, reset: true);
        Assert.Equal(1.0, traces.At(0, 5002), 1e-15);
        Assert.Equal(Math.Exp(-7.5 / Tau), traces.At(0, 5009.5), 1e-15);
    }

    [Fact]
    public void At_NeverSpiked_IsZeroAtAnyTime()
    {
        var traces = new LazyTraces(2, Tau);
        traces.Spike(1, 1e6, reset: false);
        Assert.Equal(0.0, traces.At(0, 1e6));
        Assert.Equal(0.0, traces.At(0, 2e6));
    }
}
