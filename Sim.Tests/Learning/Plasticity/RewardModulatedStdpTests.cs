using NeuroSim.Core.Plasticity;
using NeuroSim.Learning.Plasticity;

namespace NeuroSim.Tests.Learning.Plasticity;

/// <summary>
/// R-STDP: no reward, no change; a constant reward integrates the eligibility as the rule's sum says.
/// </summary>
public class RewardModulatedStdpTests
{
    private static RewardModulatedStdpParameters Params(Func<double, double> reward) =>
        new(0.01, 0.012, 16.8, 33.7, 200, 0.5, 0.1, -1, 1, reward);

    [Fact]
    public void ZeroReward_ManySpikes_ChangesNoWeight()
    {
        var w = Enumerable.Range(0, 12).Select(i => 0.05f * i - 0.2f).ToArray();
        var before = (float[])w.Clone();
        var rule = new RewardModulatedStdp(Params(_ => 0));
        rule.Bind(PlasticProjection.FromDense(4, 3, w));

        var rng = new Random(5);
        int step = 0;
        for (int k = 0; k < 2000; k++)
        {
            double t = (k + 1) * 0.1;
            if (rng.NextDouble() < 0.2)
                rule.OnPreSpike(rng.Next(4), t);
            if (rng.NextDouble() < 0.2)
                rule.OnPostSpike(rng.Next(3), t);
            rule.OnStep(t, 0.1);
            step++;
        }

        Assert.Equal(before, w);
        Assert.Contains(rule.Eligibility.ToArray(), c => Math.Abs(c) > 1e-4);
    }

    [Fact]
    public void ConstantReward_SinglePair_IntegratesEligibility()
    {
        // One pair (pre at 0.1, post at 0.5 ms) sets c₀ = A⁺·e^(−0.4/τ⁺) at t = 0.5. Each later step multiplies c by
        // d = e^(−Δ/τ_c) and adds η·r·c·Δ to w: after n steps Δw = η·r·Δ·c₀·d·(1 − dⁿ)/(1 − d) (geometric sum).
        double r = 2, dt = 0.1;
        var p = Params(_ => r);
        var w = new[] { 0f };
        var rule = new RewardModulatedStdp(p);
        rule.Bind(PlasticProjection.FromDense(1, 1, w));
        rule.OnPreSpike(0, 0.1);
        rule.OnStep(0.1, dt);
        rule.OnPostSpike(0, 0.5);
        int n = 1000;
        for (int k = 0; k < n; k++)
            rule.OnStep(0.5 + k * dt, dt);

        double c0 = p.APlus * Math.Exp(-0.4 / p.TauPlus), d = Math.Exp(-dt / p.TauEligibility);
        double expected = p.LearningRate * r * dt * c0 * d * (1 - Math.Pow(d, n)) / (1 - d);
        Assert.Equal(expected, w[0], 1e-6);
        Assert.True(w[0] > 1e-3);
    }
}
