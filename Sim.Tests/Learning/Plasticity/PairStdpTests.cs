using NeuroSim.Core.Plasticity;
using NeuroSim.Learning.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>
/// Pair STDP against the closed forms of docs/oracles.md. The rule computes Δw in double and stores the
/// weight as float32 (the synapse store's type): asserted to 1e-7 absolute (float spacing near 0.5 is 6e-8).
/// </summary>
public class PairStdpTests
{
    private const double FloatTol = 1e-7;
    private const double APlus = 0.01, AMinus = 0.012, TauPlus = 16.8, TauMinus = 33.7;

    private static (PlasticProjection Proj, IPlasticityRule Rule) OneSynapse(float w0,
        StdpPairing pairing = StdpPairing.AllToAll, WeightDependence dependence = WeightDependence.Additive)
    {
        var proj = PlasticProjection.FromDense(1, 1, [w0]);
        var rule = new PairStdp(new PairStdpParameters(APlus, AMinus, TauPlus, TauMinus, 0, 1, pairing, dependence));
        rule.Bind(proj);
        return (proj, rule);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(7.3)]
    [InlineData(40.0)]
    public void PrePost_SinglePair_PotentiatesByAPlusExp(double dt)
    {
        var (proj, rule) = OneSynapse(0.5f);
        rule.OnPreSpike(0, 100);
        rule.OnPostSpike(0, 100 + dt);
        Assert.Equal(0.5 + APlus * Math.Exp(-dt / TauPlus), proj.Weights[0], FloatTol);
    }

    [Theory]
    [InlineData(7.3)]
    [InlineData(40.0)]
    public void PrePostPre_SinglePairsLateInALongRun_ExactAfterTheTracesRebase(double dt)
    {
        // A spike at 0, then pairs 1e6 ms later (~60,000·τ): the shared reference time has moved, the pair
        // amounts must not notice.
        var (proj, rule) = OneSynapse(0.5f);
        rule.OnPreSpike(0, 0);
        rule.OnPostSpike(0, 0);
        float w0 = proj.Weights[0];
        rule.OnPreSpike(0, 1e6);
        rule.OnPostSpike(0, 1e6 + dt);
        Assert.Equal(w0 + APlus * Math.Exp(-dt / TauPlus), proj.Weights[0], FloatTol);
        float w1 = proj.Weights[0];
        rule.OnPreSpike(0, 1e6 + 2 * dt);
        Assert.Equal(w1 - AMinus * Math.Exp(-dt / TauMinus), proj.Weights[0], FloatTol);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(7.3)]
    [InlineData(40.0)]
    public void PostPre_SinglePair_DepressesByAMinusExp(double dt)
    {
        var (proj, rule) = OneSynapse(0.5f);
        rule.OnPostSpike(0, 100);
        rule.OnPreSpike(0, 100 + dt);
        Assert.Equal(0.5 - AMinus * Math.Exp(-dt / TauMinus), proj.Weights[0], FloatTol);
    }

    [Fact]
    public void PrePrePost_AllToAllVersusNearest_DifferByTheFarPair()
    {
        // pre at 0 and 10 ms, post at 20 ms: all-to-all counts both pairs, nearest only the pre at 10 ms.
        var (all, allRule) = OneSynapse(0.5f, StdpPairing.AllToAll);
        var (near, nearRule) = OneSynapse(0.5f, StdpPairing.Nearest);
        foreach (var r in new[] { allRule, nearRule })
        {
            r.OnPreSpike(0, 0);
            r.OnPreSpike(0, 10);
            r.OnPostSpike(0, 20);
        }

        Assert.Equal(0.5 + APlus * (Math.Exp(-20 / TauPlus) + Math.Exp(-10 / TauPlus)), all.Weights[0], FloatTol);
        Assert.Equal(0.5 + APlus * Math.Exp(-10 / TauPlus), near.Weights[0], FloatTol);
    }

    [Fact]
    public void PostPostPre_AllToAllVersusNearest_DifferByTheFarPair()
    {
        var (all, allRule) = OneSynapse(0.5f, StdpPairing.AllToAll);
        var (near, nearRule) = OneSynapse(0.5f, StdpPairing.Nearest);
        foreach (var r in new[] { allRule, nearRule })
        {
            r.OnPostSpike(0, 0);
            r.OnPostSpike(0, 10);
            r.OnPreSpike(0, 20);
        }

        Assert.Equal(0.5 - AMinus * (Math.Exp(-20 / TauMinus) + Math.Exp(-10 / TauMinus)), all.Weights[0], FloatTol);
        Assert.Equal(0.5 - AMinus * Math.Exp(-10 / TauMinus), near.Weights[0], FloatTol);
    }

    [Fact]
    public void PrePostPre_AllToAllAndNearest_Agree()
    {
        // With one spike between two of the other side, nearest and all-to-all count the same pairs.
        var (all, allRule) = OneSynapse(0.5f, StdpPairing.AllToAll);
        var (near, nearRule) = OneSynapse(0.5f, StdpPairing.Nearest);
        foreach (var r in new[] { allRule, nearRule })
        {
            r.OnPreSpike(0, 0);
            r.OnPostSpike(0, 5);
            r.OnPreSpike(0, 12);
        }

        double expected = 0.5 + APlus * Math.Exp(-5 / TauPlus) - AMinus * Math.Exp(-7 / TauMinus);
        Assert.Equal(expected, all.Weights[0], FloatTol);
        Assert.Equal(expected, near.Weights[0], FloatTol);
    }

    [Theory]
    [InlineData(WeightDependence.Additive)]
    [InlineData(WeightDependence.Multiplicative)]
    public void ManyPairs_AnyDependence_StayWithinBounds(WeightDependence dependence)
    {
        var proj = PlasticProjection.FromDense(1, 2, [0.9f, 0.1f]);
        var rule = new PairStdp(new PairStdpParameters(0.3, 0.3, TauPlus, TauMinus, 0, 1, StdpPairing.AllToAll,
            dependence));
        rule.Bind(proj);
        double t = 0;
        for (int k = 0; k < 200; k++, t += 100)
        {
            // Post 0 fires just after pre (potentiation), post 1 just before it (depression).
            rule.OnPostSpike(1, t);
            rule.OnPreSpike(0, t + 1);
            rule.OnPostSpike(0, t + 2);
            Assert.InRange(proj.Weights[0], 0f, 1f);
            Assert.InRange(proj.Weights[1], 0f, 1f);
        }

        if (dependence == WeightDependence.Additive)
        {
            Assert.Equal(1f, proj.Weights[0]);
            Assert.Equal(0f, proj.Weights[1]);
        }
        else
        {
            // Soft bounds: drawn towards the bounds (equilibrium near 0.95 for this pattern), never onto them.
            Assert.True(proj.Weights[0] > 0.9f && proj.Weights[0] < 1f, $"w0 = {proj.Weights[0]}");
            Assert.True(proj.Weights[1] < 0.01f && proj.Weights[1] > 0f, $"w1 = {proj.Weights[1]}");
        }
    }

    [Fact]
    public void PrePost_Multiplicative_ScalesByDistanceToBound()
    {
        var (proj, rule) = OneSynapse(0.25f, dependence: WeightDependence.Multiplicative);
        rule.OnPreSpike(0, 0);
        rule.OnPostSpike(0, 5);
        Assert.Equal(0.25 + APlus * Math.Exp(-5 / TauPlus) * (1 - 0.25), proj.Weights[0], FloatTol);
    }

    [Fact]
    public void PreSpike_SparseProjection_ChangesOnlyItsOwnRow()
    {
        // pre 0 → posts {0, 2}; pre 1 → post {1}. Post 1 fired earlier; a pre-0 spike must not depress the 1→1 synapse.
        var proj = PlasticProjection.FromRows(2, 3, [0, 2, 3], [0, 2, 1], [0.5f, 0.5f, 0.5f]);
        var rule = new PairStdp(new PairStdpParameters(APlus, AMinus, TauPlus, TauMinus, 0, 1));
        rule.Bind(proj);
        rule.OnPostSpike(1, 0);
        rule.OnPostSpike(2, 0);
        rule.OnPreSpike(0, 4);

        Assert.Equal(0.5f, proj.Weights[0]);
        Assert.Equal(0.5 - AMinus * Math.Exp(-4 / TauMinus), proj.Weights[1], FloatTol);
        Assert.Equal(0.5f, proj.Weights[2]);
    }

    [Fact]
    public void Constructor_NegativeTau_ThrowsNamingTheRule()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new PairStdp(new PairStdpParameters(APlus, AMinus, -1, TauMinus, 0, 1)));
        Assert.Contains("time constants must be > 0", ex.Message);
    }
}
