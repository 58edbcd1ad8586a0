using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Neurons.Leaky;

namespace NeuroSim.Tests.Neurons.Leaky;

public class LeakyPopulationTests
{
    // Drives one neuron with a constant input I each step and returns (v, spiked) per step.
    private static (double V, bool Spike)[] Drive(bool subtract, float input, int steps, long start = 0)
    {
        var population = new LeakyPopulation("n", 1, tauMs: 20, threshold: 1, resetBySubtraction: subtract)
        {
            StartStep = start,
        };
        population.Prepare(1.0);
        var buffer = new SpikeBuffer(1);
        var trace = new (double, bool)[steps];
        for (int n = 0; n < steps; n++)
        {
            population.SynapticVariable(Receptor.Excitatory)[0] += input;
            buffer.Clear();
            population.Advance(n, 0, 1, default, buffer);
            trace[n] = (population.Variable("v")[0], buffer.Count == 1);
        }

        return trace;
    }

    [Fact]
    public void Advance_ConstantInputBelowThreshold_FollowsGeometricSeries()
    {
        // Closed form without spikes: v_t = I (1 − β^{t+1}) / (1 − β), β = exp(−1/20). With I = 0.04 the limit
        // I/(1 − β) = 0.82 stays below θ = 1. Tolerance 1e-5: float32 rounding over 40 steps.
        var trace = Drive(subtract: true, 0.04f, 40);
        double beta = Math.Exp(-1.0 / 20);
        for (int t = 0; t < trace.Length; t++)
        {
            Assert.Equal(0.04 * (1 - Math.Pow(beta, t + 1)) / (1 - beta), trace[t].V, 1e-5);
            Assert.False(trace[t].Spike);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Advance_SuprathresholdInput_SpikesStrictlyAboveThresholdAndResetsNextStep(bool subtract)
    {
        // I = 0.6: v_0 = 0.6, v_1 = 0.6 + 0.6β = 1.171 > 1 → spike at step 1; the reset is applied at step 2:
        // subtract: v_2 = 0.6 + β·1.171 − 1; zero: v_2 = 0.6. Tolerance 1e-6 (float32).
        var trace = Drive(subtract, 0.6f, 3);
        double beta = Math.Exp(-1.0 / 20);
        double v1 = 0.6 + 0.6 * beta;
        Assert.False(trace[0].Spike);
        Assert.True(trace[1].Spike);
        Assert.Equal(v1, trace[1].V, 1e-6);
        Assert.Equal(subtract ? 0.6 + beta * v1 - 1 : 0.6, trace[2].V, 1e-6);

        // Exactly at threshold is no spike (the trainer's H(v − θ) with H(0) = 0).
        Assert.False(Drive(subtract, 1f, 1)[0].Spike);
    }

    [Fact]
    public void Advance_BeforeStartStep_DiscardsInputAndStaysSilent()
    {
        var trace = Drive(subtract: true, 2f, 4, start: 2);
        Assert.Equal([0.0, 0.0, 2.0], trace.Take(3).Select(s => s.V));
        Assert.Equal([false, false, true], trace.Take(3).Select(s => s.Spike));
    }
}
