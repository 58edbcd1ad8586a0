using NeuroSim.Core.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>The documented example rule does what docs/plasticity.md says.</summary>
public class HebbianDecayRuleTests
{
    [Fact]
    public void PrePost_ThenSteps_PotentiatesThenDecays()
    {
        // Pair at Δt = 5 ms: w += η·e^(−5/τ); then n steps of e^(−λ·dt) each (float32 weights round each step:
        // 1000 × 6e-8 < 1e-4).
        var w = new[] { 1f };
        var rule = new HebbianDecayRule(eta: 0.1, tauPre: 20, lambda: 1e-3, step: 0.1);
        rule.Bind(PlasticProjection.FromDense(1, 1, w));
        rule.OnPreSpike(0, 0);
        rule.OnPostSpike(0, 5);
        double afterPair = 1 + 0.1 * Math.Exp(-5.0 / 20);
        Assert.Equal(afterPair, w[0], 1e-6);

        for (int n = 1; n <= 1000; n++)
            rule.OnStep(5 + n * 0.1, 0.1);
        Assert.Equal(afterPair * Math.Exp(-1e-3 * 100), w[0], 1e-4);
    }
}
