using NeuroSim.Core.Plasticity;
using NeuroSim.Learning.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>
/// Triplet STDP against the pair rule (A3 = 0, bit-identical) and a hand-derived triplet closed form.
/// </summary>
public class TripletStdpTests
{
    [Fact]
    public void ZeroTripletAmplitudes_RandomTrains_EqualPairRule()
    {
        // With A3± = 0 the triplet updates are r1·A2⁺ and o1·A2⁻: the same products as the pair rule, so the
        // weights must be bit-identical.
        var wPair = new float[12];
        var wTrip = new float[12];
        Array.Fill(wPair, 0.5f);
        Array.Fill(wTrip, 0.5f);
        var pair = new PairStdp(new PairStdpParameters(0.01, 0.012, 16.8, 33.7, 0, 1));
        var trip = new TripletStdp(new TripletStdpParameters(0.01, 0, 0.012, 0, 16.8, 33.7, 101, 125, 0, 1));
        pair.Bind(PlasticProjection.FromDense(4, 3, wPair));
        trip.Bind(PlasticProjection.FromDense(4, 3, wTrip));

        var rng = new Random(3);
        double t = 0;
        for (int k = 0; k < 500; k++)
        {
            t += rng.NextDouble() * 3;
            int n = rng.Next(7);
            if (n < 4)
            {
                pair.OnPreSpike(n, t);
                trip.OnPreSpike(n, t);
            }
            else
            {
                pair.OnPostSpike(n - 4, t);
                trip.OnPostSpike(n - 4, t);
            }
        }

        Assert.Equal(wPair, wTrip);
        Assert.Contains(wPair, w => w != 0.5f);
    }

    [Fact]
    public void PostPrePost_Triplet_MatchesClosedForm()
    {
        // post at 0, pre at 10, post at 20 (Pfister & Gerstner 2006, eq. 3-4):
        //   pre at 10:  Δw = −o1(10)·(A2⁻ + A3⁻·r2(10⁻)) = −A2⁻·e^(−10/τ⁻)           (no earlier pre: r2 = 0)
        //   post at 20: Δw = +r1(20)·(A2⁺ + A3⁺·o2(20⁻)) = e^(−10/τ⁺)·(A2⁺ + A3⁺·e^(−20/τ_y))
        var p = new TripletStdpParameters(5e-3, 6e-3, 7e-3, 2e-4, 16.8, 33.7, 101, 125, 0, 1);
        var w = new[] { 0.5f };
        var rule = new TripletStdp(p);
        rule.Bind(PlasticProjection.FromDense(1, 1, w));
        rule.OnPostSpike(0, 0);
        rule.OnPreSpike(0, 10);
        rule.OnPostSpike(0, 20);

        double expected = 0.5 - p.A2Minus * Math.Exp(-10 / p.TauMinus)
                          + Math.Exp(-10 / p.TauPlus) * (p.A2Plus + p.A3Plus * Math.Exp(-20 / p.TauY));
        Assert.Equal(expected, w[0], 1e-7);
    }
}
